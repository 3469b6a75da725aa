import { describe, expect, it } from "vitest";
import type { Answers, StepContext } from "~/engine/define-service";
import { childcareApplicant, childcareChild, childcareFather, childcareInvalid, childcareValid, childcareVariants } from "~/services/childcare-subsidy/examples";
import { childcareEligibility, childcareTerms, conditions, subsidyEndsOn, subsidyMonths, subsidyStartsOn } from "~/services/childcare-subsidy/eligibility";
import service from "~/services/childcare-subsidy/index";
import { policy } from "~/services/childcare-subsidy/policy";
import { dayBefore, patched, yearsFrom } from "~/services/shared/examples";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

const today = new Date("2026-11-30T04:00:00Z");
const day = "2026-11-30";
const townshipCodes = new Set(wulong.townships.map((township) => township.code));
const ctx = (answers: Answers): StepContext => ({ today, answers, townshipCodes });
const step = (id: string) => service.steps.find((candidate) => candidate.id === id)!;
const parse = (id: string, answers: Answers) => step(id).schema(ctx(answers)).safeParse(answers[id]);
const parsed = (answers: Answers): Answers => Object.fromEntries(service.steps.map((s) => [s.id, parse(s.id, answers).data as Record<string, unknown>]));
const limit = policy.ageLimitYears.value;
const perMonth = policy.perChildPerMonth.value;

describe("childcare-subsidy examples and step schemas", () => {
  const all = { valid: childcareValid, ...childcareVariants } as Record<string, Answers>;
  it.each(Object.keys(all))("%s passes every step", (name) => {
    for (const s of service.steps) {
      const result = parse(s.id, all[name]);
      expect(result.success ? [] : result.error.issues, `${name} · ${s.id}`).toEqual([]);
    }
  });

  it("normalises the certificate number", () => {
    expect(parse("child", childcareVariants.certNoLowercase).data?.birthCertNo).toBe("R500123456");
  });

  it.each(Object.entries(childcareInvalid))("refuses %s with a message naming the field", (_name, example) => {
    const result = parse(example.step, example.answers as Answers);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => [issue.path.join("."), issue.message])).toContainEqual([example.path, example.key]);
  });
});

describe("childcare-subsidy months (figures read from policy.ts)", () => {
  it("pays a twelfth of the yearly amount per month", () => {
    expect(perMonth * 12).toBe(policy.perChildPerYear.value);
  });

  it.each([
    ["born on the scheme's first day", policy.subsidyFrom.value, policy.subsidyFrom.value, yearsFrom(policy.subsidyFrom.value, limit), limit * 12],
    ["born in December 2024: paid from January 2025", "2024-12-15", policy.subsidyFrom.value, "2027-12-15", limit * 12 - 1],
    ["born mid-2025: paid from the month of birth", "2025-06-18", "2025-06-01", "2028-06-18", limit * 12],
    ["turns 3 in June 2025 (mid-year): January to May 2025", "2022-06-10", policy.subsidyFrom.value, "2025-06-10", 5],
    ["turns 3 in January 2025: nothing left", "2022-01-15", policy.subsidyFrom.value, "2025-01-15", 0],
    ["born on 29 February: 3 on 1 March, still 36 months", "2028-02-29", "2028-02-01", "2031-03-01", limit * 12],
  ])("%s", (_case, birthDate, startsOn, endsOn, months) => {
    expect(subsidyStartsOn(birthDate)).toBe(startsOn);
    expect(subsidyEndsOn(birthDate)).toBe(endsOn);
    expect(subsidyMonths(birthDate)).toBe(months);
  });

  it.each([
    ["a child born today", day, true],
    [`the ${limit}rd birthday is tomorrow`, yearsFrom("2026-12-01", -limit), true],
    [`the ${limit}rd birthday is today`, yearsFrom(day, -limit), false],
  ])("under the age limit: %s", (_case, birthDate, met) => {
    expect(conditions({ birthDate, hukouInRegion: true }, day)[0]).toEqual({ id: "underAgeLimit", met, stepId: "child" });
  });
});

describe("childcare-subsidy application", () => {
  it.each([
    ["valid", childcareValid, { eligible: true }],
    ["bornDecember2024", childcareVariants.bornDecember2024, { eligible: true }],
    ["turnsThreeMidYear", childcareVariants.turnsThreeMidYear, { eligible: true }],
    ["turnedThreeBefore", childcareVariants.turnedThreeBefore, { eligible: false, reasonKeys: ["childcare-subsidy:conditions.underAgeLimit", "childcare-subsidy:conditions.monthsLeft"], stepId: "child" }],
  ] as const)("%s", (_name, answers, expected) => {
    expect(childcareEligibility(parsed(answers as Answers), { today })).toEqual(expected);
  });

  it("refuses a child with no month left even while still under 3", () => {
    expect(childcareEligibility(parsed(childcareVariants.turnsThreeJanuary2025), { today: new Date("2025-01-10T04:00:00Z") })).toEqual({
      eligible: false,
      reasonKeys: ["childcare-subsidy:conditions.monthsLeft"],
      stepId: "child",
    });
  });

  it("awards the applying parent 300 a month from the start month to the third birthday", () => {
    expect(service.output.kind).toBe("award");
    expect(childcareTerms(parsed(childcareValid))).toEqual({
      beneficiaries: [{ idNumber: childcareApplicant.idNumber, name: childcareApplicant.name }],
      amount: perMonth,
      period: "month",
      startsOn: "2025-06-01",
      endsOn: "2028-06-18",
    });
    expect(childcareTerms(parsed(childcareVariants.bornDecember2024))).toMatchObject({ startsOn: "2025-01-01", endsOn: "2027-12-15" });
    expect(childcareTerms(parsed(childcareVariants.fatherApplies)).beneficiaries).toEqual([{ idNumber: childcareFather.idNumber, name: childcareFather.name }]);
  });

  it("is paid once per child, whichever parent applies", () => {
    const claim = [{ scope: "child", idNumbers: [childcareChild.idNumber] }];
    expect(service.claims(parsed(childcareValid))).toEqual(claim);
    expect(service.claims(parsed(childcareVariants.fatherApplies))).toEqual(claim);
    expect(service.subjects(parsed(childcareValid))).toEqual([
      { role: "applicant", idNumber: childcareApplicant.idNumber, name: childcareApplicant.name },
      { role: "child", idNumber: childcareChild.idNumber, name: childcareChild.name },
    ]);
  });

  it("is handled where the child's hukou is: township review in the promised 30 working days, then the county", () => {
    expect(service.jurisdictionOf(parsed(childcareValid))).toBe(childcareValid.child.village);
    expect(service.workflow.stages).toEqual([
      { kind: "review", id: "township_review", role: "township_reviewer", depth: "township", timeLimitDays: policy.firstReviewWorkingDays.value },
      { kind: "review", id: "county_approval", role: "county_admin", depth: "county", timeLimitDays: policy.countyApprovalWorkingDays.value },
    ]);
    expect(policy.firstReviewWorkingDays.value).toBe(30);
  });

  it("asks a guardian for proof of guardianship", () => {
    const required = (answers: Answers) => service.materials.filter((material) => material.required(answers)).map((material) => material.key);
    expect(required(childcareValid)).toEqual(["applicantIdCard", "birthMedicalCertificate", "hukouBooklet"]);
    expect(required(childcareVariants.guardian)).toContain("guardianship");
  });

  it("flags a child not born after the applicant and an account in another name", () => {
    expect(service.crossChecks(childcareValid)).toEqual([]);
    const early = patched(childcareValid, { child: { birthDate: "1990-01-01" } });
    expect(service.crossChecks(early)).toEqual([{ stepId: "child", field: "birthDate", messageKey: "childcare-subsidy:errors.childBeforeParent", values: { number: 1 } }]);
    expect(service.crossChecks(patched(childcareValid, { payment: { accountHolder: childcareFather.name } })).map((issue) => issue.messageKey)).toEqual(["childcare-subsidy:errors.accountHolder"]);
  });

  it("shows the period and months on the letter, personal values marked", () => {
    const lines = service.output.kind === "award" ? service.output.lines(parsed(childcareValid)) : [];
    expect(lines.find((line) => line.labelKey.endsWith("letter.months"))?.value).toBe(String(limit * 12));
    expect(lines.find((line) => line.value === childcareChild.idNumber)?.mask).toBe("residentId");
    expect(lines.find((line) => line.value === childcareValid.payment.accountNumber)?.mask).toBe("bankAccount");
  });
});

describe("childcare-subsidy public check", () => {
  const check = service.check!;
  const evaluate = (input: Record<string, string>, on = today) => check.evaluate(check.schema({ today: on }).parse(input), { today: on });

  it("a child born in December 2024: months left from January 2025, and the amount from then", () => {
    const result = evaluate({ childBirthDate: "2024-12-15", hukouInRegion: "yes" });
    expect(result.eligible).toBe(true);
    expect(result.amount).toEqual({ value: perMonth, period: "month", from: "2025-01-01", labelKey: "childcare-subsidy:check.amount", sample: false });
    expect(result.conditions[1]).toEqual({ labelKey: "childcare-subsidy:check.monthsLeft", values: expect.objectContaining({ months: 35, total: 35 * perMonth, until: "2027-12-15" }), met: true });
  });

  it("without a Chongqing hukou: not met", () => {
    const result = evaluate({ childBirthDate: "2025-01-01", hukouInRegion: "no" });
    expect(result.eligible).toBe(false);
    expect(result.conditions.map((condition) => condition.met)).toEqual([true, true, false]);
  });

  it("a child who turned 3 the day before yesterday: not met", () => {
    expect(evaluate({ childBirthDate: yearsFrom(dayBefore(dayBefore(day)), -limit), hukouInRegion: "yes" }).eligible).toBe(false);
  });

  it("names the missing question", () => {
    const result = check.schema({ today }).safeParse({});
    expect(result.error!.issues.map((issue) => issue.message).sort()).toEqual(["childcare-subsidy:check.missing.hukouInRegion", "childcare-subsidy:missing.child.birthDate"]);
  });
});
