import { describe, it, expect } from "vitest";
import { parseResidentId, residentIdCheckDigit } from "~/lib/resident-id";
import { PREFECTURE_CODES } from "~/lib/region-codes";

// Build a valid number from its first 17 digits.
const make = (first17: string) => first17 + residentIdCheckDigit(first17);
const TODAY = new Date(2025, 5, 15); // 15 June 2025, local time

describe("residentIdCheckDigit", () => {
  it("matches the GB 11643-1999 example", () => {
    expect(residentIdCheckDigit("11010519491231002")).toBe("X");
  });
  it("rejects input that is not 17 digits", () => {
    expect(() => residentIdCheckDigit("123")).toThrow();
  });
});

describe("parseResidentId", () => {
  it("accepts a valid female number from Wulong", () => {
    const id = make("50015619900101002"); // sequence 002 → even → female
    expect(parseResidentId(id, TODAY)).toEqual({
      ok: true,
      value: { id, birthDate: "1990-01-01", sex: "female", regionCode: "500156" },
    });
  });

  it("accepts a valid male number from Chongqing 500102", () => {
    const id = make("50010219851231123"); // sequence 123 → odd → male
    const r = parseResidentId(id, TODAY);
    expect(r).toEqual({
      ok: true,
      value: { id, birthDate: "1985-12-31", sex: "male", regionCode: "500102" },
    });
  });

  it("accepts a pre-1997 Chongqing number under Sichuan's 5102 prefix", () => {
    expect(parseResidentId(make("51021219700615001"), TODAY).ok).toBe(true);
  });

  it("rejects a wrong check digit", () => {
    const id = make("50015619900101002");
    const wrong = id.slice(0, 17) + (id[17] === "1" ? "2" : "1");
    expect(parseResidentId(wrong, TODAY)).toEqual({ ok: false, error: "checksum" });
  });

  it("rejects an impossible date", () => {
    expect(parseResidentId(make("50015619900230002"), TODAY)).toEqual({ ok: false, error: "date" });
    expect(parseResidentId(make("50015619901301002"), TODAY)).toEqual({ ok: false, error: "date" });
  });

  it("accepts 29 February in a leap year only", () => {
    expect(parseResidentId(make("50015620000229002"), TODAY).ok).toBe(true);
    expect(parseResidentId(make("50015619000229002"), TODAY)).toEqual({ ok: false, error: "date" });
  });

  it("rejects a future birth date but accepts today", () => {
    expect(parseResidentId(make("50015620250616002"), TODAY)).toEqual({ ok: false, error: "date" });
    expect(parseResidentId(make("50015620250615002"), TODAY).ok).toBe(true);
  });

  it("rejects a birth date before 1900", () => {
    expect(parseResidentId(make("50015618991231002"), TODAY)).toEqual({ ok: false, error: "date" });
  });

  it("rejects unknown provinces and prefectures", () => {
    expect(parseResidentId(make("99015619900101002"), TODAY)).toEqual({ ok: false, error: "region" });
    expect(parseResidentId(make("50995619900101002"), TODAY)).toEqual({ ok: false, error: "region" });
    expect(PREFECTURE_CODES.has("5001")).toBe(true);
    expect(PREFECTURE_CODES.has("5099")).toBe(false);
  });

  it("asks for the 18-digit number when given a 15-digit one", () => {
    expect(parseResidentId("500156900101002", TODAY)).toEqual({ ok: false, error: "legacy15" });
  });

  it("accepts a lowercase x check digit", () => {
    // Find a sequence number whose check digit is X.
    let first17 = "";
    for (let seq = 0; seq < 1000; seq++) {
      first17 = "50015619900101" + String(seq).padStart(3, "0");
      if (residentIdCheckDigit(first17) === "X") break;
    }
    const r = parseResidentId(first17 + "x", TODAY);
    expect(r.ok && r.value.id).toBe(first17 + "X");
  });

  it("trims and removes inner spaces", () => {
    const id = make("50015619900101002");
    const spaced = `  ${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}  `;
    const r = parseResidentId(spaced, TODAY);
    expect(r.ok && r.value.id).toBe(id);
  });

  it("reports an empty input as required", () => {
    expect(parseResidentId("", TODAY)).toEqual({ ok: false, error: "required" });
    expect(parseResidentId("   ", TODAY)).toEqual({ ok: false, error: "required" });
  });

  it("reports other shapes as format errors", () => {
    expect(parseResidentId("50015619900101002", TODAY)).toEqual({ ok: false, error: "format" });
    expect(parseResidentId("5001561990010100X2", TODAY)).toEqual({ ok: false, error: "format" });
    expect(parseResidentId("50015619900101002A", TODAY)).toEqual({ ok: false, error: "format" });
  });

  it("checks region before date and date before checksum", () => {
    // Unknown region, bad date and bad check digit all at once → region.
    expect(parseResidentId("990156199002300020", TODAY)).toEqual({ ok: false, error: "region" });
    // Bad date and bad check digit → date.
    const badDate = make("50015619900230002");
    const badBoth = badDate.slice(0, 17) + (badDate[17] === "1" ? "2" : "1");
    expect(parseResidentId(badBoth, TODAY)).toEqual({ ok: false, error: "date" });
  });

  it("defaults today to the current date", () => {
    expect(parseResidentId(make("50015619900101002")).ok).toBe(true);
  });
});
