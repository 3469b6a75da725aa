import { describe, expect, it } from "vitest";
import { parseDecision } from "~/engine/review-form";
import birthRegistration from "~/services/birth-registration";
import { matchingAnswers } from "~/services/birth-registration/examples";

const form = (fields: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
};
const answers = matchingAnswers as never;

describe("the reviewer's decision form", () => {
  it("keeps only fields and materials the service has, with their notes", () => {
    const result = parseDecision(
      form([
        ["intent", "return"],
        ["note", "请补正"],
        ["fix", "marriage.marriageCertNo"],
        ["fixNote:marriage.marriageCertNo", "核对字号"],
        ["fix", "material:marriageCert"],
        ["fix", "marriage.madeUp"],
        ["fix", "material:passport"],
      ]),
      birthRegistration,
      answers,
    );
    expect(result).toEqual({
      ok: true,
      decision: { action: "return", note: "请补正", fields: [{ stepId: "marriage", field: "marriageCertNo", note: "核对字号" }], materials: [{ key: "marriageCert", note: "" }] },
    });
  });

  it("requires a note to reject, return or revoke, and an item to return", () => {
    expect(parseDecision(form([["intent", "reject"]]), birthRegistration, answers)).toEqual({ ok: false, errors: { note: ["common:errors.noteRequired_reject"] } });
    expect(parseDecision(form([["intent", "return"], ["note", "x"]]), birthRegistration, answers)).toEqual({ ok: false, errors: { fix: ["common:errors.fixRequired"] } });
    expect(parseDecision(form([["intent", "revoke"]]), birthRegistration, answers)).toEqual({ ok: false, errors: { revokeNote: ["common:errors.noteRequired_revoke"] } });
    expect(parseDecision(form([["intent", "approve"]]), birthRegistration, answers)).toEqual({ ok: true, decision: { action: "approve", note: "" } });
    expect(parseDecision(form([["intent", "delete"]]), birthRegistration, answers).ok).toBe(false);
  });
});
