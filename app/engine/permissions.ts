import type { Stage } from "./define-service";
import type { ErrorCode } from "./errors";
import { hasCapability, jurisdictionDepth, roleDefinition, withinScope, type Capability } from "./roles";
import type { Status } from "./workflow";

/**
 * The one answer to "may this actor do this to this case now". Loaders, actions and the UI
 * all ask here; tests/unit/permissions.test.ts checks it table by table, so dropping any
 * condition fails a test. Pure: the caller loads the facts.
 */

export type CaseAction =
  // The applicant's side: the resident, or whoever files for them under an authority.
  | "edit_draft"
  | "submit"
  | "correct"
  | "withdraw"
  | "download_output"
  | "view_own"
  // The office's side.
  | "view"
  | "approve"
  | "return"
  | "reject"
  | "close"
  | "revoke"
  | "resolve_objection"
  | "reveal_personal"
  | "reveal_bank";

export type PermissionActor = {
  id: string;
  kind: string;
  role: string;
  /** Staff: the jurisdiction they hold. */
  jurisdictionPath: string | null;
  /** Citizens: the person whose identity the account has proved, if any. */
  personId: string | null;
};

export type CaseFacts = {
  status: Status;
  stageIndex: number;
  stages: readonly Stage[];
  /** The case's village or township; null while a draft has none. */
  jurisdictionPath: string | null;
  /** The account that filed the case. */
  filerId: string;
  /** The persons who are parties to the case (applicant, spouse): each may follow it once their account proved who they are. */
  partyPersonIds: readonly string[];
  /** Accounts acting for the applicant under an authority (village agents, window staff). */
  authorityHolderIds: readonly string[];
  openObjections: number;
  /** An issued certificate or letter that is still valid. */
  hasLiveOutput: boolean;
  /** When a returned case's correction period ends. */
  correctionDueAt: Date | null;
};

export type Permission = { ok: true } | { ok: false; reason: ErrorCode };

const ALLOW: Permission = { ok: true };
const deny = (reason: ErrorCode): Permission => ({ ok: false, reason });

const STAFF_ACTIONS: Partial<Record<CaseAction, Capability>> = {
  view: "view_cases",
  approve: "decide",
  return: "decide",
  reject: "decide",
  close: "decide",
  revoke: "revoke",
  resolve_objection: "resolve_objections",
  reveal_personal: "reveal_personal",
  reveal_bank: "reveal_bank",
};

/** Someone who files or holds an authority for the case: they never decide it (maker-checker). */
function actsForApplicant(actor: PermissionActor, facts: CaseFacts): boolean {
  return facts.filerId === actor.id || facts.authorityHolderIds.includes(actor.id);
}

/** The staff member holds the role and jurisdiction depth of the case's current stage. */
function holdsStage(actor: PermissionActor, facts: CaseFacts): boolean {
  const stage = facts.stages[facts.stageIndex];
  return !!stage && stage.kind === "review" && stage.role === actor.role && !!actor.jurisdictionPath && jurisdictionDepth(actor.jurisdictionPath) === stage.depth;
}

function staffMay(actor: PermissionActor, action: CaseAction, facts: CaseFacts, now: Date): Permission {
  const capability = STAFF_ACTIONS[action]!;
  if (roleDefinition(actor.role)?.kind !== "staff" || !actor.jurisdictionPath) return deny("wrong_actor");
  // Outside the jurisdiction the case does not exist for this actor.
  if (!withinScope(facts.jurisdictionPath, actor.jurisdictionPath) || facts.status === "draft") return deny("not_found");
  if (!hasCapability(actor.role, capability)) return deny("wrong_actor");
  switch (action) {
    case "view":
    case "reveal_personal":
    case "reveal_bank":
      return ALLOW;
    case "approve":
    case "return":
    case "reject":
      if (facts.status !== "in_review") return deny("illegal_transition");
      if (!holdsStage(actor, facts)) return deny("wrong_level");
      if (actsForApplicant(actor, facts)) return deny("own_filing");
      if (action === "approve" && facts.openObjections > 0) return deny("objections_open");
      return ALLOW;
    case "close":
      if (facts.status !== "returned") return deny("illegal_transition");
      if (!holdsStage(actor, facts)) return deny("wrong_level");
      if (actsForApplicant(actor, facts)) return deny("own_filing");
      if (!facts.correctionDueAt || facts.correctionDueAt.getTime() > now.getTime()) return deny("correction_pending");
      return ALLOW;
    case "revoke":
      if (facts.status !== "approved" || !facts.hasLiveOutput) return deny("illegal_transition");
      return ALLOW;
    case "resolve_objection":
      if (facts.openObjections === 0) return deny("illegal_transition");
      if (actsForApplicant(actor, facts)) return deny("own_filing");
      return ALLOW;
    default:
      return deny("wrong_actor");
  }
}

const APPLICANT_STATUSES: Partial<Record<CaseAction, readonly Status[]>> = {
  edit_draft: ["draft"],
  submit: ["draft"],
  correct: ["returned"],
  withdraw: ["draft", "in_review", "notice", "returned"],
  download_output: ["approved"],
};

function applicantSideMay(actor: PermissionActor, action: CaseAction, facts: CaseFacts): Permission {
  const role = roleDefinition(actor.role);
  if (!role) return deny("wrong_actor");
  const isFiler = facts.filerId === actor.id;
  let related: boolean;
  if (role.kind === "citizen") {
    // A citizen's own filing, or a case filed for the person whose identity the account proved.
    related = isFiler || (!!actor.personId && facts.partyPersonIds.includes(actor.personId));
  } else if (role.kind === "staff" && hasCapability(actor.role, "file_for_residents")) {
    // Staff act only on cases they filed or hold an authority for, inside their jurisdiction.
    related = actsForApplicant(actor, facts) && (facts.jurisdictionPath === null || withinScope(facts.jurisdictionPath, actor.jurisdictionPath ?? "\u0000"));
  } else {
    return deny("wrong_actor");
  }
  if (!related) return deny("not_found");
  // Only the filer fills in a draft: a resident who proved identity later sees it once submitted.
  if ((action === "edit_draft" || action === "submit") && !isFiler) return deny("not_found");
  if (action === "view_own") return facts.status === "draft" && !isFiler ? deny("not_found") : ALLOW;
  const statuses = APPLICANT_STATUSES[action];
  if (!statuses?.includes(facts.status)) return deny(facts.status === "draft" ? "not_editable" : "illegal_transition");
  if (action === "download_output" && !facts.hasLiveOutput) return deny("not_found");
  return ALLOW;
}

export function may(actor: PermissionActor, action: CaseAction, facts: CaseFacts, now = new Date()): Permission {
  return action in STAFF_ACTIONS ? staffMay(actor, action, facts, now) : applicantSideMay(actor, action, facts);
}

/** The decisions a staff member may take on the case now, for the UI. */
export function allowedActions(actor: PermissionActor, facts: CaseFacts, actions: readonly CaseAction[], now = new Date()): CaseAction[] {
  return actions.filter((action) => may(actor, action, facts, now).ok);
}
