import { describe, expect, it } from "vitest";
import type { Answers, ServiceDefinition } from "~/engine/define-service";
import { childcareApplicant, childcareFather, childcareVariants, childcareValid } from "~/services/childcare-subsidy/examples";
import { findService } from "~/services/registry";
import { rewardApplicant, rewardSpouse, rewardVariants, type RewardAnswers } from "~/services/reward-assistance/examples";
import { exampleId, patched } from "~/services/shared/examples";
import { lookupHash } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { locationOf, serviceDraftToReview, sessionFor, statusOf, submitDraft } from "./helpers";

// Issue 6 point 8: one live award per person and scheme, 育儿补贴 once per child, checked at
// submission through the claims the services declare; the case starts at its first stage.

const citizen = (phone = "13800000001") => sessionFor({ phoneHash: lookupHash(phone) });
type Filer = Awaited<ReturnType<typeof citizen>>;

async function file(session: Filer, service: ServiceDefinition, answers: Answers) {
  const id = await serviceDraftToReview(session, service, answers);
  return { id, result: await submitDraft(session, id) };
}

const reward = findService("reward-assistance")!;
const childcare = findService("childcare-subsidy")!;

/** The same couple with the roles swapped: the spouse applies, the first applicant is the spouse. */
function swapped(answers: RewardAnswers, coApply: "yes" | "no"): RewardAnswers {
  return patched(answers, {
    applicant: { name: rewardSpouse.name, idNumber: answers.spouse!.idNumber, birthDate: rewardSpouse.birthDate, hukouType: "rural" },
    spouse: { name: rewardApplicant.name, idNumber: answers.applicant.idNumber, birthDate: rewardApplicant.birthDate, hukouType: "rural", coApply },
    payment: { accountHolder: rewardSpouse.name },
  });
}

describe("reward assistance: one live award per person", () => {
  const couple = patched(rewardVariants.spouseLater, {
    applicant: { idNumber: exampleId(rewardApplicant.birthDate, "male", 101) },
    spouse: { idNumber: exampleId(rewardSpouse.birthDate, "female", 102) },
  });

  it("starts at the village's first review, in that village's jurisdiction", async () => {
    const { id, result } = await file(await citizen(), reward, couple);
    expect(locationOf(result)).toMatch(/^\/applications\/WL-JF-\d{4}-\d{6}\?submitted=1$/);
    const app = await db.application.findUniqueOrThrow({ where: { id }, include: { subjects: true } });
    expect([app.status, app.stageIndex]).toEqual(["in_review", 0]);
    expect(app.jurisdictionPath).toMatch(new RegExp(`/${couple.applicant.village}/$`));
    expect(app.subjects.map((subject) => subject.role).sort()).toEqual(["applicant", "child", "spouse"]);
  });

  it("refuses the spouse's own case while it would pay the first applicant again, and accepts it for the spouse alone", async () => {
    const session = await citizen();
    const both = await file(session, reward, swapped(couple, "yes"));
    expect(statusOf(both.result)).toBe(409);
    const alone = await file(session, reward, swapped(couple, "no"));
    expect(locationOf(alone.result)).toMatch(/^\/applications\/WL-JF-/);
    // And now the spouse holds an award too: a third case for the spouse is refused.
    expect(statusOf((await file(session, reward, swapped(couple, "no"))).result)).toBe(409);
  });
});

describe("childcare subsidy: paid once per child", () => {
  it("refuses the father's case for a child the mother already claimed", async () => {
    const child = { idNumber: exampleId(childcareValid.child.birthDate, "female", 103) };
    const mother = await file(await citizen(), childcare, patched(childcareValid, { child }));
    expect(locationOf(mother.result)).toMatch(/^\/applications\/WL-YE-\d{4}-\d{6}\?submitted=1$/);
    const father = await file(await citizen("13800000002"), childcare, patched(childcareVariants.fatherApplies, { child }));
    expect(statusOf(father.result)).toBe(409);
    const app = await db.application.findUniqueOrThrow({ where: { id: mother.id }, include: { subjects: true } });
    expect(app.subjects.map((subject) => [subject.role, subject.idHash])).toEqual(
      expect.arrayContaining([
        ["applicant", lookupHash(childcareApplicant.idNumber)],
        ["child", lookupHash(child.idNumber)],
      ]),
    );
    expect(childcareFather.idNumber).not.toBe(childcareApplicant.idNumber);
  });
});
