import { describe, expect, it } from "vitest";
import type { Stage } from "~/engine/define-service";
import type { ErrorCode } from "~/engine/errors";
import { may, type CaseAction, type CaseFacts, type PermissionActor } from "~/engine/permissions";

// The permission module, table by table: each row changes one condition of an allowed case,
// so dropping any condition from engine/permissions.ts makes a row fail.

const COUNTY = "500156/";
const TOWNSHIP = "500156/500156001/";
const VILLAGE = "500156/500156001/500156001001/";
const OTHER_VILLAGE = "500156/500156001/500156001002/";
const OTHER_TOWNSHIP = "500156/500156002/";

const STAGES: Stage[] = [
  { kind: "review", id: "village_review", role: "village_staff", depth: "village", timeLimitDays: 10 },
  { kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: 10 },
  { kind: "notice", id: "notice", days: 7, shownAt: "village", objections: true },
  { kind: "review", id: "county_approval", role: "county_admin", depth: "county", timeLimitDays: 10 },
];

const staff = (id: string, role: string, jurisdictionPath: string): PermissionActor => ({ id, kind: "staff", role, jurisdictionPath, personId: null });
const citizen = (id: string, personId: string | null = null): PermissionActor => ({ id, kind: "citizen", role: "citizen", jurisdictionPath: null, personId });

const actors = {
  townshipReviewer: staff("rev", "township_reviewer", TOWNSHIP),
  otherTownshipReviewer: staff("rev2", "township_reviewer", OTHER_TOWNSHIP),
  villageStaff: staff("vil", "village_staff", VILLAGE),
  otherVillageStaff: staff("vil2", "village_staff", OTHER_VILLAGE),
  window: staff("win", "window_staff", TOWNSHIP),
  otherWindow: staff("win2", "window_staff", OTHER_TOWNSHIP),
  countyAdmin: staff("adm", "county_admin", COUNTY),
  unknownRole: staff("odd", "made_up_role", TOWNSHIP),
  filer: citizen("cit"),
  applicantPerson: citizen("cit-later", "person-1"),
  spousePerson: citizen("cit-spouse", "person-2"),
  stranger: citizen("cit-other", "person-9"),
} satisfies Record<string, PermissionActor>;

const NOW = new Date("2026-12-04T02:00:00Z");

const base: CaseFacts = {
  status: "in_review",
  stageIndex: 1,
  stages: STAGES,
  jurisdictionPath: VILLAGE,
  filerId: "cit",
  partyPersonIds: ["person-1", "person-2"],
  authorityHolderIds: [],
  openObjections: 0,
  hasLiveOutput: false,
  correctionDueAt: null,
};

type Row = [string, PermissionActor, CaseAction, Partial<CaseFacts>, true | ErrorCode];

function check(rows: Row[]) {
  it.each(rows)("%s", (_, actor, action, facts, expected) => {
    const result = may(actor, action, { ...base, ...facts }, NOW);
    expect(result.ok ? true : result.reason).toBe(expected);
  });
}

describe("deciding a case (approve, return, reject)", () => {
  check([
    ["the township reviewer approves at the township stage", actors.townshipReviewer, "approve", {}, true],
    ["… returns", actors.townshipReviewer, "return", {}, true],
    ["… rejects", actors.townshipReviewer, "reject", {}, true],
    ["another township's reviewer does not find it", actors.otherTownshipReviewer, "approve", {}, "not_found"],
    ["a draft is not found by staff", actors.townshipReviewer, "approve", { status: "draft" }, "not_found"],
    ["not while returned", actors.townshipReviewer, "approve", { status: "returned" }, "illegal_transition"],
    ["not during the notice", actors.townshipReviewer, "approve", { status: "notice", stageIndex: 2 }, "illegal_transition"],
    ["not after approval", actors.townshipReviewer, "reject", { status: "approved" }, "illegal_transition"],
    ["not at another stage's role (village stage)", actors.townshipReviewer, "approve", { stageIndex: 0 }, "wrong_level"],
    ["not at the county stage", actors.townshipReviewer, "approve", { stageIndex: 3 }, "wrong_level"],
    ["the county does not decide a township stage", actors.countyAdmin, "approve", {}, "wrong_level"],
    ["village staff decide the village stage of their village", actors.villageStaff, "approve", { stageIndex: 0 }, true],
    ["village staff of another village do not find it", actors.otherVillageStaff, "approve", { stageIndex: 0 }, "not_found"],
    ["village staff do not decide the township stage", actors.villageStaff, "approve", {}, "wrong_level"],
    ["a township reviewer with a village-depth account is not the township level", staff("rev3", "township_reviewer", VILLAGE), "approve", {}, "wrong_level"],
    ["the county approves at the county stage", actors.countyAdmin, "approve", { stageIndex: 3 }, true],
    ["never a case one filed oneself", actors.townshipReviewer, "approve", { filerId: "rev" }, "own_filing"],
    ["never a case one holds an authority for", actors.townshipReviewer, "reject", { authorityHolderIds: ["rev"] }, "own_filing"],
    ["village staff never decide what they filed as agent", actors.villageStaff, "approve", { stageIndex: 0, filerId: "vil" }, "own_filing"],
    ["open objections block approval", actors.countyAdmin, "approve", { stageIndex: 3, openObjections: 1 }, "objections_open"],
    ["open objections do not block a return", actors.countyAdmin, "return", { stageIndex: 3, openObjections: 1 }, true],
    ["window staff do not decide", actors.window, "approve", {}, "wrong_actor"],
    ["a role not in the table does nothing", actors.unknownRole, "approve", {}, "wrong_actor"],
    ["citizens do not decide", actors.filer, "approve", {}, "wrong_actor"],
  ]);
});

describe("closing a case whose correction period lapsed", () => {
  const returned = { status: "returned" as const, correctionDueAt: new Date("2026-12-01T00:00:00Z") };
  check([
    ["the stage's reviewer closes it", actors.townshipReviewer, "close", returned, true],
    ["not before the period ends", actors.townshipReviewer, "close", { ...returned, correctionDueAt: new Date("2026-12-10T00:00:00Z") }, "correction_pending"],
    ["not without a period", actors.townshipReviewer, "close", { ...returned, correctionDueAt: null }, "correction_pending"],
    ["not a case in review", actors.townshipReviewer, "close", { correctionDueAt: returned.correctionDueAt }, "illegal_transition"],
    ["not another stage's reviewer", actors.countyAdmin, "close", returned, "wrong_level"],
    ["not one's own filing", actors.townshipReviewer, "close", { ...returned, filerId: "rev" }, "own_filing"],
  ]);
});

describe("revoking, objections and reveals", () => {
  const issued = { status: "approved" as const, hasLiveOutput: true };
  check([
    ["the township reviewer revokes an issued certificate", actors.townshipReviewer, "revoke", issued, true],
    ["the county revokes too", actors.countyAdmin, "revoke", issued, true],
    ["window staff may not revoke", actors.window, "revoke", issued, "wrong_actor"],
    ["village staff may not revoke", actors.villageStaff, "revoke", issued, "wrong_actor"],
    ["nothing to revoke", actors.townshipReviewer, "revoke", { status: "approved" }, "illegal_transition"],
    ["not before approval", actors.townshipReviewer, "revoke", { hasLiveOutput: true }, "illegal_transition"],
    ["another township's reviewer does not find it", actors.otherTownshipReviewer, "revoke", issued, "not_found"],
    ["the reviewer records an objection's outcome", actors.townshipReviewer, "resolve_objection", { status: "notice", stageIndex: 2, openObjections: 1 }, true],
    ["no open objection, nothing to resolve", actors.townshipReviewer, "resolve_objection", { status: "notice", stageIndex: 2 }, "illegal_transition"],
    ["window staff do not resolve objections", actors.window, "resolve_objection", { status: "notice", openObjections: 1 }, "wrong_actor"],
    ["the filer's own office does not judge objections to it", actors.townshipReviewer, "resolve_objection", { status: "notice", openObjections: 1, authorityHolderIds: ["rev"] }, "own_filing"],
    ["reviewers may reveal an ID number", actors.townshipReviewer, "reveal_personal", {}, true],
    ["window staff may not", actors.window, "reveal_personal", {}, "wrong_actor"],
    ["bank accounts need their own right", actors.townshipReviewer, "reveal_bank", {}, "wrong_actor"],
    ["the county may reveal a bank account", actors.countyAdmin, "reveal_bank", {}, true],
    ["staff see cases of their jurisdiction", actors.window, "view", {}, true],
    ["not of another", actors.otherWindow, "view", {}, "not_found"],
    ["a case without a place yet is nobody's on the office side", actors.countyAdmin, "view", { jurisdictionPath: null }, "not_found"],
  ]);
});

describe("the applicant's side", () => {
  check([
    ["the filer edits the draft", actors.filer, "edit_draft", { status: "draft" }, true],
    ["… submits it", actors.filer, "submit", { status: "draft" }, true],
    ["not after submission", actors.filer, "edit_draft", {}, "illegal_transition"],
    ["the person it is for sees it once submitted", actors.applicantPerson, "view_own", {}, true],
    ["so does the spouse", actors.spousePerson, "view_own", {}, true],
    ["but not a draft filed for them", actors.applicantPerson, "view_own", { status: "draft" }, "not_found"],
    ["and they do not edit someone else's draft", actors.applicantPerson, "edit_draft", { status: "draft" }, "not_found"],
    ["a stranger does not find it", actors.stranger, "view_own", {}, "not_found"],
    ["a citizen with no proven identity finds only their filings", citizen("cit-x"), "view_own", {}, "not_found"],
    ["the applicant corrects a returned case", actors.applicantPerson, "correct", { status: "returned" }, true],
    ["not one in review", actors.filer, "correct", {}, "illegal_transition"],
    ["withdraws an open case", actors.filer, "withdraw", { status: "notice", stageIndex: 2 }, true],
    ["not a decided one", actors.filer, "withdraw", { status: "approved" }, "illegal_transition"],
    ["downloads the issued certificate", actors.filer, "download_output", { status: "approved", hasLiveOutput: true }, true],
    ["not a revoked one", actors.filer, "download_output", { status: "approved" }, "not_found"],
    ["not before approval", actors.filer, "download_output", { hasLiveOutput: true }, "illegal_transition"],
    ["window staff edit a draft they file", actors.window, "edit_draft", { status: "draft", filerId: "win", jurisdictionPath: null }, true],
    ["window staff follow a case they filed in their township", actors.window, "withdraw", { filerId: "win" }, true],
    ["not one filed by someone else", actors.window, "withdraw", {}, "not_found"],
    ["not outside their jurisdiction", actors.otherWindow, "withdraw", { filerId: "win2" }, "not_found"],
    ["a village agent acts under a live authority", actors.villageStaff, "correct", { status: "returned", authorityHolderIds: ["vil"] }, true],
    ["staff who do not file for residents do not act for them", actors.townshipReviewer, "withdraw", { filerId: "rev" }, "wrong_actor"],
  ]);
});
