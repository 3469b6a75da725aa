import { describe, expect, it } from "vitest";
import { canVisit, firstIncomplete, journeyIds, type JourneyContext } from "~/engine/journey";
import birthRegistration from "~/services/birth-registration";
import { answersWith, matchingAnswers } from "~/services/birth-registration/examples";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

const townshipCodes = new Set(wulong.townships.map((township) => township.code));
const ctx = (answers: Record<string, unknown>, uploaded: string[] = []): JourneyContext => ({
  today: new Date("2026-11-30"),
  answers: answers as JourneyContext["answers"],
  townshipCodes,
  uploadedMaterials: new Set(uploaded),
});

describe("journey", () => {
  it("starts at the first step and never lets the URL skip ahead", () => {
    const empty = ctx({});
    expect(firstIncomplete(birthRegistration, empty)).toBe("woman");
    expect(canVisit(birthRegistration, "woman", empty)).toBe(true);
    expect(canVisit(birthRegistration, "man", empty)).toBe(false);
    expect(canVisit(birthRegistration, "review", empty)).toBe(false);
    expect(canVisit(birthRegistration, "nonsense", empty)).toBe(false);
  });

  it("skips the children's details when there are no children", () => {
    const none = answersWith(matchingAnswers, { children: { existingChildren: "0" } });
    expect(journeyIds(birthRegistration, none as never)).not.toContain("childrenDetails");
    expect(journeyIds(birthRegistration, matchingAnswers as never)).toContain("childrenDetails");
  });

  it("asks for materials before review, and the divorce papers only after a remarriage", () => {
    const all = ["womanIdCard", "manIdCard", "womanHukou", "manHukou", "marriageCert"];
    expect(firstIncomplete(birthRegistration, ctx(matchingAnswers))).toBe("materials");
    expect(firstIncomplete(birthRegistration, ctx(matchingAnswers, all))).toBe("review");
    const remarried = answersWith(matchingAnswers, { marriage: { remarried: "yes" } });
    expect(firstIncomplete(birthRegistration, ctx(remarried, all))).toBe("materials");
  });
});
