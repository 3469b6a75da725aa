import { describe, expect, it } from "vitest";
import type { Answers, StepContext } from "~/engine/define-service";
import { dayBefore, exampleId, patched, yearsFrom } from "~/services/shared/examples";
import { rewardApplicant, rewardEdge, rewardInvalid, rewardSpouse, rewardValid, rewardVariants } from "~/services/reward-assistance/examples";
import { conditions, evaluateCheck, familyQualifies, qualifiesByAge, rewardEligibility, rewardTerms, tierOf } from "~/services/reward-assistance/eligibility";
import service from "~/services/reward-assistance/index";
import { policy } from "~/services/reward-assistance/policy";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

const today = new Date("2026-11-30T04:00:00Z");
const day = "2026-11-30";
const townshipCodes = new Set(wulong.townships.map((township) => township.code));
const ctx = (answers: Answers): StepContext => ({ today, answers, townshipCodes });
const step = (id: string) => service.steps.find((candidate) => candidate.id === id)!;
const parse = (id: string, answers: Answers) => step(id).schema(ctx(answers)).safeParse(answers[id]);
/** Parsed answers, as the engine hands them to eligibility, terms, subjects and claims. */
const parsed = (answers: Answers): Answers => {
  const out: Answers = {};
  for (const s of service.steps) if (!s.when || s.when(answers)) out[s.id] = parse(s.id, answers).data as Record<string, unknown>;
  return out;
};
const minimumAge = policy.minimumAge.value;

describe("reward-assistance examples and step schemas", () => {
  const all = { valid: rewardValid, ...rewardVariants, ...rewardEdge } as Record<string, Answers>;
  it.each(Object.keys(all))("%s passes every step that applies", (name) => {
    const answers = all[name];
    for (const s of service.steps.filter((candidate) => !candidate.when || candidate.when(answers))) {
      const result = parse(s.id, answers);
      expect(result.success ? [] : result.error.issues, `${name} · ${s.id}`).toEqual([]);
    }
  });

  it("normalises what people type", () => {
    expect(parse("spouse", rewardEdge.idLowercaseSpaced).data?.idNumber).toBe(rewardSpouse.idNumber);
    expect(parse("payment", rewardEdge.cardInGroups).data?.accountNumber).toBe(rewardValid.payment.accountNumber);
    expect(parse("payment", rewardEdge.phoneWithCountryCode).data?.contactPhone).toBe("13800000011");
  });

  it.each(Object.entries(rewardInvalid))("refuses %s with a message naming the field", (_name, example) => {
    const result = parse(example.step, example.answers as Answers);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([example.path, example.key]);
  });

  it("skips the spouse step unless married", () => {
    expect(step("spouse").when!(rewardVariants.widowed)).toBe(false);
    expect(step("spouse").when!(rewardValid)).toBe(true);
    expect(step("childrenDetails").when!(rewardVariants.noChildren)).toBe(false);
  });

  it("asks one group of fields per child, personal ones marked", () => {
    const fields = (step("childrenDetails").fields as (answers: Answers) => { name: string; personal?: string }[])(rewardVariants.twoDaughters);
    expect(fields.map((field) => field.name)).toContain("children[1].status");
    expect(fields.find((field) => field.name === "children[0].status")?.personal).toBe("health");
    expect(fields.find((field) => field.name === "children[0].idNumber")?.personal).toBe("residentId");
    const payment = step("payment").fields as { name: string; personal?: string }[];
    expect(Object.fromEntries(payment.map((field) => [field.name, field.personal]))).toMatchObject({ accountNumber: "bankAccount", contactPhone: "phone", accountHolder: "name" });
  });
});

describe("reward-assistance rules (figures read from policy.ts)", () => {
  it.each([
    ["the 60th birthday is today", yearsFrom(day, -minimumAge), true],
    ["the 60th birthday is tomorrow", yearsFrom("2026-12-01", -minimumAge), false],
    ["the 60th birthday was yesterday", yearsFrom(dayBefore(day), -minimumAge), true],
    ["born on the first day allowed", policy.bornOnOrAfter.value, true],
    ["born the day before it", dayBefore(policy.bornOnOrAfter.value), false],
  ])("age: %s", (_case, birthDate, expected) => {
    expect(qualifiesByAge(birthDate, day)).toBe(expected);
  });

  const living = (sex: "female" | "male") => ({ sex, status: "living" as const });
  it.each([
    ["one son", [living("male")], true, "sonOrTwoDaughters"],
    ["one daughter", [living("female")], true, "onlyDaughter"],
    ["two daughters", [living("female"), living("female")], true, "sonOrTwoDaughters"],
    ["one son and one daughter", [living("male"), living("female")], false, "sonOrTwoDaughters"],
    ["three daughters", [living("female"), living("female"), living("female")], false, "sonOrTwoDaughters"],
    ["a daughter with a disability", [{ sex: "female" as const, status: "disability2" as const }], true, "onlyDaughter"],
    ["one child died, one son living", [{ sex: "female" as const, status: "deceased" as const }, living("male")], true, "sonOrTwoDaughters"],
    ["the only child died, none now", [{ sex: "male" as const, status: "deceased" as const }], true, "sonOrTwoDaughters"],
    ["no children at all", [], false, "sonOrTwoDaughters"],
  ] as const)("children: %s", (_case, children, eligible, tier) => {
    expect(familyQualifies([...children])).toBe(eligible);
    expect(tierOf([...children])).toBe(tier);
  });

  it.each([
    ["valid", rewardValid, { eligible: true }],
    ["twoDaughters", rewardVariants.twoDaughters, { eligible: true }],
    ["adoptedSon", rewardVariants.adoptedSon, { eligible: true }],
    ["childDiedNoneNow", rewardVariants.childDiedNoneNow, { eligible: true }],
    ["widowed", rewardVariants.widowed, { eligible: true }],
    ["sonAndDaughter", rewardVariants.sonAndDaughter, { eligible: false, reasonKeys: ["reward-assistance:conditions.children"], stepId: "children" }],
    ["spouseUrban", rewardVariants.spouseUrban, { eligible: false, reasonKeys: ["reward-assistance:conditions.hukou"], stepId: "spouse" }],
    ["outOfPolicyBirth", rewardVariants.outOfPolicyBirth, { eligible: false, reasonKeys: ["reward-assistance:conditions.policyBirths"], stepId: "declaration" }],
  ] as const)("application %s", (_name, answers, expected) => {
    expect(rewardEligibility(parsed(answers as Answers), { today })).toEqual(expected);
  });

  it("refuses an urban applicant and an applicant the day before the birthday that completes the minimum age", () => {
    expect(rewardEligibility(parsed(patched(rewardValid, { applicant: { hukouType: "urban" } })), { today })).toMatchObject({ eligible: false, reasonKeys: ["reward-assistance:conditions.hukou"], stepId: "applicant" });
    const young = { ...parsed(rewardValid), applicant: { ...parsed(rewardValid).applicant, birthDate: yearsFrom("2026-12-01", -minimumAge) } };
    expect(rewardEligibility(young, { today })).toMatchObject({ eligible: false, reasonKeys: ["reward-assistance:conditions.age"], stepId: "applicant" });
  });

  it("a spouse under 60 cannot apply in the same case yet, but may stay out of it", () => {
    const answers = parsed(rewardValid);
    const youngSpouse = { ...answers, spouse: { ...answers.spouse, birthDate: yearsFrom("2027-03-01", -minimumAge) } };
    expect(rewardEligibility(youngSpouse, { today })).toEqual({ eligible: false, reasonKeys: ["reward-assistance:conditions.spouseAge"], stepId: "spouse" });
    expect(rewardEligibility({ ...youngSpouse, spouse: { ...youngSpouse.spouse, coApply: "no" } }, { today })).toEqual({ eligible: true });
  });

  it("lists the conditions in order for a family", () => {
    const ids = conditions({ applicant: { birthDate: "1960-01-01", hukouType: "rural" }, children: [living("female")], outOfPolicyBirth: false }, day).map((c) => [c.id, c.met]);
    expect(ids).toEqual([["age", true], ["hukou", true], ["children", true], ["policyBirths", true]]);
  });
});

describe("reward-assistance award", () => {
  it("pays each parent who applies the tier's yearly amount from the month after approval", () => {
    expect(service.output.kind).toBe("award");
    const terms = rewardTerms(parsed(rewardValid), { approvedOn: "2026-12-15" });
    expect(terms).toEqual({
      beneficiaries: [
        { idNumber: rewardApplicant.idNumber, name: rewardApplicant.name },
        { idNumber: rewardSpouse.idNumber, name: rewardSpouse.name },
      ],
      amount: policy.perYearOnlyDaughter.value,
      period: "year",
      startsOn: "2027-01-01",
    });
    expect(rewardTerms(parsed(rewardVariants.twoDaughters), { approvedOn: "2026-06-30" })).toMatchObject({ amount: policy.perYearSonOrTwoDaughters.value, startsOn: "2026-07-01" });
  });

  it("pays only the applicant when the spouse applies later", () => {
    expect(rewardTerms(parsed(rewardVariants.spouseLater), { approvedOn: "2026-12-15" }).beneficiaries).toEqual([{ idNumber: rewardApplicant.idNumber, name: rewardApplicant.name }]);
    expect(rewardTerms(parsed(rewardVariants.widowed), { approvedOn: "2026-12-15" }).beneficiaries).toHaveLength(1);
  });

  it("claims one live award per beneficiary", () => {
    expect(service.claims(parsed(rewardValid))).toEqual([
      { scope: "award", idNumbers: [rewardApplicant.idNumber] },
      { scope: "award", idNumbers: [rewardSpouse.idNumber] },
    ]);
    expect(service.claims(parsed(rewardVariants.spouseLater))).toEqual([{ scope: "award", idNumbers: [rewardApplicant.idNumber] }]);
  });

  it("records the applicant, the spouse and the children with ID numbers as subjects", () => {
    expect(service.subjects(parsed(rewardValid)).map((subject) => subject.role)).toEqual(["applicant", "spouse", "child"]);
    expect(service.subjects(parsed(rewardVariants.twoDaughters)).filter((subject) => subject.role === "child")).toHaveLength(1);
    expect(service.subjects(parsed(rewardVariants.widowed)).map((subject) => subject.role)).toEqual(["applicant", "child"]);
  });

  it("shows masked personal lines on the letter", () => {
    const lines = service.output.kind === "award" ? service.output.lines(parsed(rewardValid)) : [];
    expect(lines.find((line) => line.value === rewardValid.payment.accountNumber)?.mask).toBe("bankAccount");
    expect(lines.filter((line) => line.mask === "residentId").map((line) => line.value)).toEqual([rewardApplicant.idNumber, rewardSpouse.idNumber]);
    expect(lines.find((line) => line.labelKey.endsWith("amountPerYear"))?.value).toBe(String(policy.perYearOnlyDaughter.value));
  });

  it("is reviewed by the village, the township, a 7-day notice in the village and the county", () => {
    expect(service.workflow.stages).toEqual([
      { kind: "review", id: "village_review", role: "village_staff", depth: "village", timeLimitDays: policy.villageReviewWorkingDays.value },
      { kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: policy.townshipReviewWorkingDays.value },
      { kind: "notice", id: "notice", days: policy.noticeDays.value, shownAt: "village", objections: true },
      { kind: "review", id: "county_approval", role: "county_admin", depth: "county", timeLimitDays: policy.countyApprovalWorkingDays.value },
    ]);
    expect(service.jurisdictionOf(parsed(rewardValid))).toBe(rewardValid.applicant.village);
    expect(service.contactPhoneOf(parsed(rewardValid))).toBe("13800000011");
  });
});

describe("reward-assistance cross-step checks", () => {
  it("find nothing wrong with the examples", () => {
    for (const answers of [rewardValid, ...Object.values(rewardVariants)]) expect(service.crossChecks(answers as Answers)).toEqual([]);
  });

  it("flag a spouse of the same sex, a child born before a parent and an account in someone else's name", () => {
    const sameSex = patched(rewardValid, { spouse: { idNumber: exampleId(rewardSpouse.birthDate, "male", 30) } });
    expect(service.crossChecks(patched(rewardValid, { spouse: { idNumber: rewardApplicant.idNumber } }))).toContainEqual({ stepId: "spouse", field: "idNumber", messageKey: "reward-assistance:errors.spouseSameId" });
    expect(service.crossChecks(sameSex).map((issue) => issue.messageKey)).toContain("reward-assistance:errors.spouseSameSex");
    const early = patched(rewardValid, { childrenDetails: { children: [{ ...rewardValid.childrenDetails!.children[0], idNumber: undefined as unknown as string, birthDate: "1958-01-01" }] } });
    expect(service.crossChecks(early)).toEqual([{ stepId: "childrenDetails", field: "children[0].birthDate", messageKey: "reward-assistance:errors.childBeforeParent", values: { number: 1 } }]);
    expect(service.crossChecks(patched(rewardValid, { payment: { accountHolder: "冉小燕" } }))).toEqual([{ stepId: "payment", field: "accountHolder", messageKey: "reward-assistance:errors.accountHolder" }]);
    // The spouse not applying now may not be the account holder either.
    expect(service.crossChecks(patched(rewardVariants.spouseLater, { payment: { accountHolder: rewardSpouse.name } }))).toHaveLength(1);
  });
});

describe("reward-assistance public check", () => {
  const check = service.check!;
  const values = { birthDate: "1962-05-01", hukouType: "rural", livingSons: "0", livingDaughters: "1", deceasedChildren: "0", outOfPolicyBirth: "no" };
  const evaluate = (input: Record<string, string>) => check.evaluate(check.schema({ today }).parse(input), { today });

  it("uses the same rules and figures as the application", () => {
    const result = evaluate(values);
    expect(result.eligible).toBe(true);
    expect(result.conditions.map((condition) => [condition.labelKey, condition.met])).toEqual([
      ["reward-assistance:conditions.age", true],
      ["reward-assistance:conditions.hukou", true],
      ["reward-assistance:conditions.children", true],
      ["reward-assistance:conditions.policyBirths", true],
    ]);
    expect(result.amount).toEqual({ value: policy.perYearOnlyDaughter.value, period: "year", from: "2026-12-01", labelKey: "reward-assistance:check.amount.onlyDaughter", sample: policy.perYearOnlyDaughter.sample });
    expect(result.conditions[0].values).toMatchObject({ minimumAge });
  });

  it("one son and one daughter: not met, and no amount", () => {
    const result = evaluate({ ...values, livingSons: "1" });
    expect(result.eligible).toBe(false);
    expect(result.conditions.find((condition) => condition.labelKey.endsWith("children"))?.met).toBe(false);
    expect(result.amount).toBeUndefined();
  });

  it("two daughters, not yet 60: says from when the amount would apply", () => {
    const birthDate = "1967-03-15";
    const result = evaluate({ ...values, birthDate, livingDaughters: "2" });
    expect(result.eligible).toBe(false);
    expect(result.amount).toMatchObject({ value: policy.perYearSonOrTwoDaughters.value, from: `${1967 + minimumAge}-04-01` });
    expect(evaluateCheck({ birthDate: yearsFrom(day, -minimumAge), hukouType: "rural", livingSons: 1, livingDaughters: 0, deceasedChildren: 0, outOfPolicyBirth: "no" }, { today }).eligible).toBe(true);
  });

  it("asks every question with a message naming it", () => {
    const result = check.schema({ today }).safeParse({});
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.message).sort()).toEqual(
      ["birthDate", "hukouType", "livingSons", "livingDaughters", "deceasedChildren", "outOfPolicyBirth"].map((name) => `reward-assistance:check.missing.${name}`).sort(),
    );
  });
});

describe("reward-assistance policy data", () => {
  it("gives a source for every figure and marks unconfirmed Chongqing amounts as samples", () => {
    for (const [key, item] of Object.entries(policy)) expect(item.source.length, key).toBeGreaterThan(4);
    expect(policy.nationalMinimumPerYear).toMatchObject({ value: 960 });
    expect(policy.nationalMinimumPerYear).not.toHaveProperty("sample");
    expect(policy.perYearOnlyDaughter.sample).toBe(true);
    expect(policy.perYearSonOrTwoDaughters.sample).toBe(true);
  });

  it("pays no tier below the national minimum", () => {
    for (const tier of [policy.perYearOnlyDaughter, policy.perYearSonOrTwoDaughters]) expect(tier.value).toBeGreaterThanOrEqual(policy.nationalMinimumPerYear.value);
  });
});
