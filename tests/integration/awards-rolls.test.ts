import { describe, expect, it } from "vitest";
import { endLapsedNotices } from "~/engine/applications.server";
import { runningNotices } from "~/engine/notices.server";
import type { Answers, ServiceDefinition } from "~/engine/define-service";
import * as payments from "~/routes/staff.payments._index";
import * as staffCase from "~/routes/staff.applications.$ref";
import { findService } from "~/services/registry";
import { answersWith, FENGSHAN_TOWNSHIP, FENGSHAN_VILLAGE, matchingAnswers } from "~/services/birth-registration/examples";
import { rewardValid } from "~/services/reward-assistance/examples";
import { specialApplicant, specialSpouse, specialValid } from "~/services/special-assistance/examples";
import { exampleId, patched } from "~/services/shared/examples";
import { lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { getRequest, locationOf, postRequest, serviceDraftToReview, sessionFor, settle, statusOf, submitDraft } from "./helpers";

// Issue 6 points 9 and 11 on a real database: a 奖励扶助 claim passes the village, the
// township, the public notice and the county through the staff page's own action; the
// payment roll pays exactly the approved amounts; an issued roll never changes, a correction
// is a new roll, and an edited roll is refused.

const reward = findService("reward-assistance")!;

const withCouple = (serial: number) =>
  patched(rewardValid, {
    applicant: { idNumber: exampleId(rewardValid.applicant.birthDate, "male", serial) },
    spouse: { idNumber: exampleId(rewardValid.spouse!.birthDate, "female", serial + 1) },
  }) as unknown as Answers;

/** Files a case through the real route actions as a citizen; answers with its reference. */
async function fileCase(service: ServiceDefinition, answers: Answers): Promise<string> {
  const session = await sessionFor({ phoneHash: lookupHash("13800000002") });
  const id = await serviceDraftToReview(session, service, answers);
  const submitted = locationOf(await submitDraft(session, id));
  expect(submitted, `${service.slug} submitted`).toMatch(/^\/applications\//);
  return /\/applications\/([^?]+)/.exec(submitted ?? "")![1];
}

/** Approves an assistance case at each of its stages, the notice ended as of a week on. */
async function approveThroughChain(ref: string) {
  await approveAs("village.shuanghe", ref);
  await approveAs("reviewer.huangying", ref);
  await endLapsedNotices(new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
  await approveAs("admin.county", ref);
}

async function approveAs(username: string, ref: string) {
  const session = await sessionFor({ username });
  const result = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "approve", note: "" }, session), params: { ref }, context: {} }));
  expect(locationOf(result), `${username} approves`).toBe(`/staff/applications/${ref}?done=approve`);
}

async function status(ref: string) {
  const app = await db.application.findFirstOrThrow({ where: { ref }, select: { status: true, stageIndex: true, id: true } });
  return app;
}

describe("a reward claim through its whole chain, and its payment roll", () => {
  it("village → township → notice → county; the roll pays the approved amounts; an issued roll never changes", async () => {
    const ref = await fileCase(reward, withCouple(151));
    expect(await status(ref)).toMatchObject({ status: "in_review", stageIndex: 0 });

    // Staff of another village do not even find the case.
    const other = await sessionFor({ username: "village.xinshu" });
    const foreign = await settle(() => staffCase.loader({ request: getRequest(`/staff/applications/${ref}`, other), params: { ref }, context: {} }));
    expect(statusOf(foreign)).toBe(404);

    await approveAs("village.shuanghe", ref);
    expect(await status(ref)).toMatchObject({ status: "in_review", stageIndex: 1 });
    await approveAs("reviewer.huangying", ref);
    expect(await status(ref)).toMatchObject({ status: "notice", stageIndex: 2 });

    // The county cannot approve during the notice; once it lapses, it can.
    const county = await sessionFor({ username: "admin.county" });
    const early = await settle(() => staffCase.action({ request: postRequest(`/staff/applications/${ref}`, { intent: "approve", note: "" }, county), params: { ref }, context: {} }));
    expect(statusOf(early)).toBeGreaterThanOrEqual(400);
    // Other test files share this database: end the notice as of a week on, rather than moving the shared clock.
    await endLapsedNotices(new Date(Date.now() + 8 * 24 * 60 * 60 * 1000));
    expect(await status(ref)).toMatchObject({ status: "in_review", stageIndex: 3 });
    // Its notice's dates still cover today, but the case has moved on: it is off the board.
    const { id: caseId } = await status(ref);
    expect((await db.publicNotice.findUniqueOrThrow({ where: { applicationId: caseId } })).endsAt.getTime()).toBeGreaterThan(Date.now());
    expect((await runningNotices()).map((notice) => notice.applicationId)).not.toContain(caseId);
    await approveAs("admin.county", ref);
    const { id } = await status(ref);
    expect((await status(ref)).status).toBe("approved");
    const awards = await db.award.findMany({ where: { applicationId: id } });
    expect(awards).toHaveLength(2);

    // A roll for next year pays each award a whole year at its rate (yearly, or twelve months).
    const year = String(new Date().getUTCFullYear() + 1);
    const issue = () => settle(() => payments.action({ request: postRequest("/staff/payments", { service: reward.slug, period: year }, county), params: {}, context: {} }));
    expect(statusOf(await issue())).toBe(302);
    const roll = await db.paymentRoll.findFirstOrThrow({ where: { serviceSlug: reward.slug, period: year, status: "issued" }, include: { lines: true } });
    const ours = roll.lines.filter((line) => line.applicationRef === ref);
    expect(ours.map((line) => line.amountFen).sort()).toEqual(awards.map((award) => award.amountFen * (award.period === "year" ? 1 : 12)).sort());
    expect(roll.totalFen).toBe(roll.lines.reduce((sum, line) => sum + line.amountFen, 0));
    expect(roll.lineCount).toBe(roll.lines.length);

    // Issuing again for the same period is a correction: a new roll supersedes the first, whose lines stay as they were.
    expect(statusOf(await issue())).toBe(302);
    const first = await db.paymentRoll.findUniqueOrThrow({ where: { id: roll.id }, include: { lines: true } });
    expect(first.status).toBe("superseded");
    expect(first.lines.map((line) => [line.id, line.amountFen]).sort()).toEqual(roll.lines.map((line) => [line.id, line.amountFen]).sort());
    const second = await db.paymentRoll.findFirstOrThrow({ where: { serviceSlug: reward.slug, period: year, status: "issued" } });
    expect(second.supersedesId).toBe(roll.id);

    // An edited line no longer matches the roll's content hash: the roll is refused, not shown.
    await db.paymentRollLine.update({ where: { id: ours[0].id }, data: { amountFen: ours[0].amountFen + 100 } });
    const { loader } = await import("~/routes/staff.payments.$id");
    await expect(loader({ request: getRequest(`/staff/payments/${roll.id}`, county), params: { id: roll.id }, context: {} })).rejects.toThrow(/content hash/);
    await db.paymentRollLine.update({ where: { id: ours[0].id }, data: { amountFen: ours[0].amountFen } });
  });
});

describe("an award that another case ends", () => {
  it("特别扶助 stops, with the reason and the case in its history, when the couple registers a new child", async () => {
    const special = findService("special-assistance")!;
    const ref = await fileCase(special, specialValid as unknown as Answers);
    await approveThroughChain(ref);
    const claim = await db.application.findFirstOrThrow({ where: { ref }, select: { id: true } });
    expect((await db.award.findMany({ where: { applicationId: claim.id } })).map((award) => award.status)).toEqual(["active", "active"]);

    const person = (who: { name: string; idNumber: string; birthDate: string }) => ({ name: who.name, idNumber: who.idNumber, birthDate: who.birthDate, hukouTownship: FENGSHAN_TOWNSHIP });
    const birth = answersWith(matchingAnswers, { woman: person(specialApplicant), man: person(specialSpouse), application: { village: FENGSHAN_VILLAGE } }) as unknown as Answers;
    const birthRef = await fileCase(findService("birth-registration")!, birth);
    await approveAs("reviewer.fengshan", birthRef);

    const awards = await db.award.findMany({ where: { applicationId: claim.id } });
    expect(awards.map((award) => [award.status, award.endReason])).toEqual([
      ["ended", "new_child"],
      ["ended", "new_child"],
    ]);
    const events = await db.applicationEvent.findMany({ where: { applicationId: claim.id, type: "award_ended" } });
    expect(events.map((event) => event.note)).toEqual([birthRef, birthRef]);
  });
});

describe("the staff queue's total", () => {
  it("counts up to a cap and then says there are more, rather than counting every case", async () => {
    const { staffQueue, parseQueueFilter } = await import("~/engine/queue.server");
    const { actorOf } = await import("~/engine/cases.server");
    const county = await db.user.findFirstOrThrow({ where: { username: "admin.county" } });
    const actor = await actorOf(county);
    // The cases approved by the tests above are in the county's queue.
    const all = await staffQueue(actor, parseQueueFilter(new URLSearchParams("status=approved")));
    expect(all.totalCapped).toBe(false);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const capped = await staffQueue(actor, parseQueueFilter(new URLSearchParams("status=approved")), new Date(), 1);
    expect(capped).toMatchObject({ total: 1, totalCapped: true });
  });
});
