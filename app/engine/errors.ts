/**
 * Domain errors with stable codes, and one table mapping each to an HTTP status and a
 * message key written for residents.
 */
export const ERRORS = {
  not_found: { status: 404, messageKey: "common:errors.notFound" },
  not_editable: { status: 409, messageKey: "common:errors.notEditable" },
  illegal_transition: { status: 409, messageKey: "common:errors.illegalTransition" },
  wrong_actor: { status: 403, messageKey: "common:errors.forbidden" },
  stale: { status: 409, messageKey: "common:errors.stale" },
  own_filing: { status: 403, messageKey: "common:errors.ownFiling" },
  wrong_level: { status: 403, messageKey: "common:errors.wrongLevel" },
  incomplete: { status: 400, messageKey: "common:errors.incomplete" },
  not_eligible: { status: 400, messageKey: "common:errors.notEligible" },
  objections_open: { status: 409, messageKey: "common:errors.objectionsOpen" },
  correction_pending: { status: 409, messageKey: "common:errors.correctionPending" },
  duplicate: { status: 409, messageKey: "common:errors.duplicate" },
  no_authority: { status: 403, messageKey: "common:errors.noAuthority" },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class DomainError extends Error {
  /** Values for the message, e.g. the reference of an existing case the user may open. */
  constructor(
    readonly code: ErrorCode,
    readonly values?: Record<string, string>,
  ) {
    super(code);
  }
  get status() {
    return ERRORS[this.code].status;
  }
  get messageKey() {
    // A duplicate shown to its own applicant names the existing case.
    return this.code === "duplicate" && this.values?.ref ? "common:errors.duplicateOwn" : ERRORS[this.code].messageKey;
  }

  /** A link that helps the user on from this error, if any. */
  get link(): { href: string; textKey: string } | null {
    return this.code === "duplicate" && this.values?.ref ? { href: `/applications/${this.values.ref}`, textKey: "common:errors.openExistingCase" } : null;
  }
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
