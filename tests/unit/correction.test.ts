import { describe, expect, it } from "vitest";
import { applyCorrections } from "~/engine/correction";
import { parsedAnswers } from "~/engine/journey";
import birthRegistration from "~/services/birth-registration";
import { demoMarriage, mismatchingAnswers } from "~/services/birth-registration/examples";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

const ctx = { today: new Date("2026-11-30"), townshipCodes: new Set(wulong.townships.map((township) => township.code)) };
const filed = parsedAnswers(birthRegistration, { ...ctx, answers: mismatchingAnswers as never });
const correction = { note: "请核对", fields: [{ stepId: "marriage", field: "marriageCertNo", note: "" }], materials: [] };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("corrections", () => {
  it("changes only the flagged field and records before and after", () => {
    // A value for an unflagged field is ignored.
    const result = applyCorrections(birthRegistration, filed, correction, form({ marriageCertNo: demoMarriage.marriageCertNo, marriageDate: "2000-01-01" }), ctx);
    expect(result.errors).toEqual({});
    expect(result.answers.marriage).toMatchObject({ marriageCertNo: demoMarriage.marriageCertNo, marriageDate: demoMarriage.marriageDate });
    expect(result.changed).toEqual([{ stepId: "marriage", field: "marriageCertNo", before: "J500156-2019-000132", after: demoMarriage.marriageCertNo }]);
    expect(filed.marriage?.marriageCertNo).toBe("J500156-2019-000132");
  });

  it("reports a bad value against the field and keeps what was typed", () => {
    const result = applyCorrections(birthRegistration, filed, correction, form({ marriageCertNo: "" }), ctx);
    expect(result.errors).toEqual({ marriageCertNo: ["common:errors.required"] });
    expect(result.typed).toEqual({ marriage: { marriageCertNo: "" } });
  });
});
