import { describe, expect, it } from "vitest";
import type { Answers, StepContext } from "~/engine/define-service";
import { parseResidentId } from "~/lib/resident-id";
import {
  answersWith,
  demoChildren,
  demoMan,
  demoPopulationRecords,
  demoWoman,
  edgeAnswers,
  invalidIdNumbers,
  matchingAnswers,
  mismatchingAnswers,
  mismatchingManNameAnswers,
} from "~/services/birth-registration/examples";
import service, { birthRegistrationEligibility } from "~/services/birth-registration/index";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

const today = new Date("2026-11-30");
const townshipCodes = new Set(wulong.townships.map((township) => township.code));
const ctx = (answers: Answers): StepContext => ({ today, answers, townshipCodes });
const step = (id: string) => {
  const found = service.steps.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
};
const parse = (id: string, answers: Answers) => step(id).schema(ctx(answers)).safeParse(answers[id]);
const messages = (id: string, answers: Answers) => {
  const result = parse(id, answers);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};
const daysAgo = (days: number) => {
  const date = new Date(today);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

describe("birth-registration examples", () => {
  it.each(service.steps.map((s) => s.id))("matchingAnswers pass the %s step", (id) => {
    const result = parse(id, matchingAnswers);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it.each(service.steps.map((s) => s.id))("mismatchingAnswers still pass the %s step (they differ only from the records)", (id) => {
    expect(parse(id, mismatchingAnswers).success).toBe(true);
    expect(parse(id, mismatchingManNameAnswers).success).toBe(true);
  });

  it("edge answers pass and are normalised", () => {
    const man = parse("man", edgeAnswers.manIdLowercaseSpaced);
    expect(man.success && man.data.idNumber).toBe(demoMan.idNumber);
    const application = parse("application", edgeAnswers.contactPhoneWithCountryCode);
    expect(application.success && application.data.contactPhone).toBe("13800000001");
    const first = edgeAnswers.firstChild;
    expect(step("childrenDetails").when?.(first)).toBe(false);
    for (const id of ["children", "application"]) expect(parse(id, first).success).toBe(true);
    expect(service.crossChecks(first)).toEqual([]);
  });

  it("the demo couple's IDs are valid, Wulong-issued and of the right sex", () => {
    for (const [person, sex] of [[demoWoman, "female"], [demoMan, "male"]] as const) {
      const id = parseResidentId(person.idNumber, today);
      expect(id).toEqual({ ok: true, value: { id: person.idNumber, birthDate: person.birthDate, sex, regionCode: "500156" } });
    }
  });

  it("every seeded record is consistent with its ID number and spouse", () => {
    const byId = new Map(demoPopulationRecords.map((record) => [record.idNumber, record]));
    expect(byId.size).toBe(demoPopulationRecords.length);
    for (const record of demoPopulationRecords) {
      const id = parseResidentId(record.idNumber, today);
      expect(id.ok && { birthDate: id.value.birthDate, sex: id.value.sex }).toEqual({ birthDate: record.birthDate, sex: record.sex });
      if (record.hukouTownship) expect(townshipCodes.has(record.hukouTownship)).toBe(true);
      if (record.spouseIdNumber) {
        const spouse = byId.get(record.spouseIdNumber);
        expect(spouse?.spouseIdNumber).toBe(record.idNumber);
        expect(spouse && [spouse.marriageDate, spouse.marriageCertNo]).toEqual([record.marriageDate, record.marriageCertNo]);
      }
    }
  });

  it("the records hold exactly what matchingAnswers declare, and not what mismatchingAnswers declare", () => {
    const recordFor = (idNumber: string) => demoPopulationRecords.find((record) => record.idNumber === idNumber);
    const compare = (answers: Answers) =>
      service.workflow.recordChecks!(answers).flatMap((check) =>
        check.fields.filter((field) => String(field.declared ?? "") !== String(recordFor(check.idNumber)?.[field.key] ?? "")).map((field) => `${check.subjectKey}.${field.key}`),
      );
    expect(compare(matchingAnswers)).toEqual([]);
    expect(recordFor(demoWoman.idNumber)?.childrenCount).toBe(demoChildren.length);
    expect(compare(mismatchingAnswers)).toEqual(["birth-registration:steps.woman.marriageCertNo", "birth-registration:steps.man.marriageCertNo"]);
    expect(compare(mismatchingManNameAnswers)).toEqual(["birth-registration:steps.man.name"]);
  });
});

describe("woman step validation", () => {
  it.each([
    ["badChecksum", "common:errors.residentId.checksum"],
    ["impossibleDate", "common:errors.residentId.date"],
    ["unknownRegion", "common:errors.residentId.region"],
    ["legacy15", "common:errors.residentId.legacy15"],
  ] as const)("refuses the %s ID number", (kind, key) => {
    const answers = answersWith(matchingAnswers, { woman: { idNumber: invalidIdNumbers[kind] } });
    expect(messages("woman", answers)).toContain(key);
  });

  it("refuses a man's ID number", () => {
    const answers = answersWith(matchingAnswers, { woman: { idNumber: demoMan.idNumber, birthDate: demoMan.birthDate } });
    expect(messages("woman", answers)).toEqual(["birth-registration:errors.femaleId"]);
  });

  it("refuses a birth date that differs from the one in the ID number", () => {
    const answers = answersWith(matchingAnswers, { woman: { birthDate: "1994-03-16" } });
    const result = parse("woman", answers);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["birthDate", "birth-registration:errors.birthDateMismatch"]]);
  });
});

describe("birthRegistrationEligibility", () => {
  const outside = (residentSince?: string) =>
    answersWith(matchingAnswers, { woman: { hukouTownship: "outside", ...(residentSince ? { residentSince } : {}) }, man: { hukouTownship: "outside" } });

  it("is eligible with a local hukou", () => {
    expect(birthRegistrationEligibility(matchingAnswers, { today })).toEqual({ eligible: true });
    expect(birthRegistrationEligibility(answersWith(matchingAnswers, { woman: { hukouTownship: "outside" } }), { today })).toEqual({ eligible: true });
  });

  it("is not eligible when both hukou are outside and the woman gave no residence date", () => {
    expect(birthRegistrationEligibility(outside(), { today })).toEqual({ eligible: false, reasonKeys: ["birth-registration:eligibility.residence"], stepId: "woman" });
  });

  it("is eligible when both hukou are outside and the woman has lived here for two months", () => {
    const answers = outside(daysAgo(61));
    expect(parse("woman", answers).success).toBe(true);
    expect(birthRegistrationEligibility(answers, { today })).toEqual({ eligible: true });
  });

  it("is not eligible when both hukou are outside and the woman moved here ten days ago", () => {
    expect(birthRegistrationEligibility(outside(daysAgo(10)), { today })).toMatchObject({ eligible: false });
  });
});

describe("crossChecks", () => {
  it("find nothing wrong with matchingAnswers", () => {
    expect(service.crossChecks(matchingAnswers)).toEqual([]);
  });

  it("flag a third child declared with one existing child", () => {
    const answers = answersWith(matchingAnswers, { application: { childOrder: "3" } });
    expect(parse("application", answers).success).toBe(true);
    const issues = service.crossChecks(answers);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ stepId: "application", field: "childOrder", values: { expected: 2 } });
  });
});
