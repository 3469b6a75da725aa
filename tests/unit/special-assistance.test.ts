import { describe, expect, it } from "vitest";
import type { Answers, StepContext } from "~/engine/define-service";
import { dayBefore, patched, yearsFrom } from "~/services/shared/examples";
import { specialApplicant, specialInvalid, specialSpouse, specialValid, specialVariants } from "~/services/special-assistance/examples";
import { conditions, evaluateCheck, situationOf, specialEligibility, specialTerms } from "~/services/special-assistance/eligibility";
import service from "~/services/special-assistance/index";
import { policy } from "~/services/special-assistance/policy";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

const today = new Date("2026-11-30T04:00:00Z");
const day = "2026-11-30";
const townshipCodes = new Set(wulong.townships.map((township) => township.code));
const ctx = (answers: Answers): StepContext => ({ today, answers, townshipCodes });
const step = (id: string) => service.steps.find((candidate) => candidate.id === id)!;
const parse = (id: string, answers: Answers) => step(id).schema(ctx(answers)).safeParse(answers[id]);
const parsed = (answers: Answers): Answers => {
  const out: Answers = {};
  for (const s of service.steps) if (!s.when || s.when(answers)) out[s.id] = parse(s.id, answers).data as Record<string, unknown>;
  return out;
};
const womanAge = policy.womanMinimumAge.value;

describe("special-assistance examples and step schemas", () => {
  const all = { valid: specialValid, ...specialVariants } as Record<string, Answers>;
  it.each(Object.keys(all))("%s passes every step that applies", (name) => {
    const answers = all[name];
    for (const s of service.steps.filter((candidate) => !candidate.when || candidate.when(answers))) {
      const result = parse(s.id, answers);
      expect(result.success ? [] : result.error.issues, `${name} · ${s.id}`).toEqual([]);
    }
  });

  it.each(Object.entries(specialInvalid))("refuses %s with a message naming the field", (_name, example) => {
    const result = parse(example.step, example.answers as Answers);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([example.path, example.key]);
  });

  it("asks no hukou type: urban and rural families alike", () => {
    expect((step("applicant").fields as { name: string }[]).map((field) => field.name)).not.toContain("hukouType");
  });
});

describe("special-assistance rules (figures read from policy.ts)", () => {
  const couple = (womanBirth: string, status: "deceased" | "disability3" = "deceased") => ({
    applicant: { birthDate: womanBirth, sex: "female" as const },
    spouse: { birthDate: "1970-01-01", sex: "male" as const, coApplies: true },
    children: [{ status }],
  });
  const ageMet = (family: ReturnType<typeof couple>, on = day) => conditions(family, on).find((condition) => condition.id === "motherAge")!.met;

  it.each([
    ["the woman's 49th birthday is today", yearsFrom(day, -womanAge), true],
    ["her 49th birthday is tomorrow", yearsFrom("2026-12-01", -womanAge), false],
    ["her 49th birthday was yesterday", yearsFrom(dayBefore(day), -womanAge), true],
  ])("age: %s", (_case, birthDate, expected) => {
    expect(ageMet(couple(birthDate))).toBe(expected);
  });

  it("takes the woman's age when the husband applies", () => {
    const family = { applicant: { birthDate: "1970-01-01", sex: "male" as const }, spouse: { birthDate: yearsFrom("2026-12-01", -womanAge), sex: "female" as const, coApplies: true }, children: [{ status: "deceased" as const }] };
    expect(conditions(family, day).find((condition) => condition.id === "motherAge")).toEqual({ id: "motherAge", met: false, stepId: "spouse" });
  });

  it("a single parent's own age counts", () => {
    const single = (birthDate: string) => conditions({ applicant: { birthDate, sex: "male" }, children: [{ status: "deceased" }] }, day).find((condition) => condition.id === "singleParentAge")!.met;
    expect(single(yearsFrom(day, -policy.singleParentMinimumAge.value))).toBe(true);
    expect(single(yearsFrom("2026-12-01", -policy.singleParentMinimumAge.value))).toBe(false);
  });

  it("both spouses must be born on or after the date in policy.ts", () => {
    const family = { ...couple("1960-01-01"), spouse: { birthDate: dayBefore(policy.bornOnOrAfter.value), sex: "male" as const, coApplies: true } };
    expect(conditions(family, day).find((condition) => condition.id === "bornFrom")).toEqual({ id: "bornFrom", met: false, stepId: "spouse" });
    expect(conditions({ ...family, spouse: { ...family.spouse, birthDate: policy.bornOnOrAfter.value } }, day).find((condition) => condition.id === "bornFrom")!.met).toBe(true);
  });

  it.each([
    ["deceased", "death"],
    ["disability1", "disability"],
    [`disability${policy.worstQualifyingGrade.value}`, "disability"],
    [`disability${policy.worstQualifyingGrade.value + 1}`, null],
    ["living", null],
  ] as const)("the only child %s → %s", (status, situation) => {
    expect(situationOf(status as never)).toBe(situation);
  });

  it.each([
    ["valid (only son died)", specialValid, { eligible: true }],
    ["disabilityGrade3", specialVariants.disabilityGrade3, { eligible: true }],
    ["adoptedChildDied", specialVariants.adoptedChildDied, { eligible: true }],
    ["widowed", specialVariants.widowed, { eligible: true }],
    ["husbandApplies", specialVariants.husbandApplies, { eligible: true }],
    ["disabilityGrade4", specialVariants.disabilityGrade4, { eligible: false, reasonKeys: ["special-assistance:conditions.childStatus"], stepId: "childrenDetails" }],
    ["childLiving", specialVariants.childLiving, { eligible: false, reasonKeys: ["special-assistance:conditions.childStatus"], stepId: "childrenDetails" }],
    ["twoChildren", specialVariants.twoChildren, { eligible: false, reasonKeys: ["special-assistance:conditions.oneChild", "special-assistance:conditions.childStatus"], stepId: "children" }],
  ] as const)("application %s", (_name, answers, expected) => {
    expect(specialEligibility(parsed(answers as Answers), { today })).toEqual(expected);
  });

  it("refuses a mother the day before her 49th birthday", () => {
    const answers = parsed(specialValid);
    const young = { ...answers, applicant: { ...answers.applicant, idNumber: specialApplicant.idNumber, birthDate: yearsFrom("2026-12-01", -womanAge) } };
    // The rule reads the birth date; the sex comes from the ID number (female here).
    expect(specialEligibility(young, { today })).toEqual({ eligible: false, reasonKeys: ["special-assistance:conditions.motherAge"], stepId: "applicant" });
  });
});

describe("special-assistance award", () => {
  it("pays each parent who applies the monthly death or disability rate from the month after approval", () => {
    expect(specialTerms(parsed(specialValid), { approvedOn: "2026-12-31" })).toEqual({
      beneficiaries: [
        { idNumber: specialApplicant.idNumber, name: specialApplicant.name },
        { idNumber: specialSpouse.idNumber, name: specialSpouse.name },
      ],
      amount: policy.perMonthDeath.value,
      period: "month",
      startsOn: "2027-01-01",
    });
    expect(specialTerms(parsed(specialVariants.disabilityGrade3), { approvedOn: "2026-12-01" })).toMatchObject({ amount: policy.perMonthDisability.value, startsOn: "2027-01-01" });
    expect(specialTerms(parsed(specialVariants.spouseLater), { approvedOn: "2026-12-01" }).beneficiaries).toHaveLength(1);
  });

  it("claims one live award per beneficiary", () => {
    expect(service.claims(parsed(specialValid))).toEqual([
      { scope: "award", idNumbers: [specialApplicant.idNumber] },
      { scope: "award", idNumbers: [specialSpouse.idNumber] },
    ]);
    expect(service.claims(parsed(specialVariants.widowed))).toEqual([{ scope: "award", idNumbers: [specialApplicant.idNumber] }]);
  });

  it("asks for the death certificate or the disability certificate as the child's situation needs", () => {
    const required = (answers: Answers) => service.materials.filter((material) => material.required(answers)).map((material) => material.key);
    expect(required(specialValid)).toEqual(["applicantIdCard", "spouseIdCard", "hukouBooklet", "onlyChildProof", "deathCertificate"]);
    expect(required(specialVariants.disabilityGrade3)).toEqual(["applicantIdCard", "spouseIdCard", "hukouBooklet", "onlyChildProof", "disabilityCertificate"]);
    expect(required(specialVariants.widowed)).not.toContain("spouseIdCard");
  });

  it("has the four-stage workflow with a village notice open to objections", () => {
    expect(service.workflow.stages.map((stage) => [stage.id, stage.kind === "review" ? stage.role : stage.shownAt])).toEqual([
      ["village_review", "village_staff"],
      ["township_review", "township_reviewer"],
      ["notice", "village"],
      ["county_approval", "county_admin"],
    ]);
  });
});

describe("special-assistance public check", () => {
  const check = service.check!;
  const values = { sex: "female", birthDate: "1972-04-18", spouseBirthDate: "1970-11-02", childrenCount: "1", childStatus: "deceased" };
  const evaluate = (input: Record<string, string>) => check.evaluate(check.schema({ today }).parse(input), { today });

  it("tells the death rate, flagged as a sample when policy.ts says so", () => {
    const result = evaluate(values);
    expect(result.eligible).toBe(true);
    expect(result.amount).toEqual({ value: policy.perMonthDeath.value, period: "month", from: "2026-12-01", labelKey: "special-assistance:check.amount.death", sample: policy.perMonthDeath.sample });
  });

  it("a single mother not yet 49 learns from when she would qualify", () => {
    const { spouseBirthDate: _spouse, ...single } = values;
    const result = evaluate({ ...single, birthDate: "1980-02-10", childStatus: "disability2" });
    expect(result.eligible).toBe(false);
    expect(result.conditions.map((condition) => [condition.labelKey, condition.met])).toContainEqual(["special-assistance:conditions.singleParentAge", false]);
    expect(result.amount).toMatchObject({ value: policy.perMonthDisability.value, from: `${1980 + policy.singleParentMinimumAge.value}-03-01` });
  });

  it("two children: not met", () => {
    const result = evaluate({ ...values, childrenCount: "2" });
    expect(result.eligible).toBe(false);
    expect(result.amount).toBeUndefined();
    expect(evaluateCheck({ sex: "male", birthDate: "1968-01-01", spouseBirthDate: yearsFrom(day, -womanAge), childrenCount: 1, childStatus: "disability3" }, { today }).eligible).toBe(true);
  });
});

describe("special-assistance policy data", () => {
  it("keeps the national standard and marks Chongqing's amounts as samples not below it", () => {
    expect([policy.nationalPerMonthDeath.value, policy.nationalPerMonthDisability.value]).toEqual([590, 460]);
    expect(policy.perMonthDeath.sample && policy.perMonthDisability.sample).toBe(true);
    expect(policy.perMonthDeath.value).toBeGreaterThanOrEqual(policy.nationalPerMonthDeath.value);
    expect(policy.perMonthDisability.value).toBeGreaterThanOrEqual(policy.nationalPerMonthDisability.value);
  });

  it("flags cross-step problems and none in the examples", () => {
    for (const answers of [specialValid, ...Object.values(specialVariants)]) expect(service.crossChecks(answers as Answers)).toEqual([]);
    expect(service.crossChecks(patched(specialValid, { payment: { accountHolder: "王小波" } })).map((issue) => issue.messageKey)).toEqual(["special-assistance:errors.accountHolder"]);
  });
});
