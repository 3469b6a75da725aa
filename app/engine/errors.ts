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
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class DomainError extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
  get status() {
    return ERRORS[this.code].status;
  }
  get messageKey() {
    return ERRORS[this.code].messageKey;
  }
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}
