import { describe, it, expect } from "vitest";
import wulong from "../../prisma/data/jurisdictions/wulong.json";

// The shape every jurisdiction file must have, so another county can drop in its own.
type Place = { code: string; name: string; nameEn: string };
type Jurisdiction = {
  county: Place & { refPrefix: string; office: string; officeEn: string };
  townships: (Place & { villages: Place[] })[];
};

const data: Jurisdiction = wulong;

describe("wulong.json", () => {
  it("has a 6-digit county code and the required county fields", () => {
    expect(data.county.code).toMatch(/^\d{6}$/);
    for (const key of ["name", "nameEn", "refPrefix", "office", "officeEn"] as const) {
      expect(data.county[key].trim()).not.toBe("");
    }
  });

  it("uses 9-digit township codes under the county code", () => {
    expect(data.townships.length).toBeGreaterThan(0);
    for (const t of data.townships) {
      expect(t.code).toMatch(/^\d{9}$/);
      expect(t.code.startsWith(data.county.code)).toBe(true);
    }
  });

  it("uses 12-digit village codes under their township code", () => {
    for (const t of data.townships) {
      expect(t.villages.length).toBeGreaterThanOrEqual(3);
      for (const v of t.villages) {
        expect(v.code).toMatch(/^\d{12}$/);
        expect(v.code.startsWith(t.code)).toBe(true);
      }
    }
  });

  it("has unique codes and non-empty names", () => {
    const places: Place[] = [data.county, ...data.townships, ...data.townships.flatMap((t) => t.villages)];
    const codes = places.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of places) {
      expect(p.name.trim()).not.toBe("");
      expect(p.nameEn.trim()).not.toBe("");
    }
  });

  it("has unique township names", () => {
    const names = data.townships.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it("contains the townships the app's tests rely on", () => {
    const byName = new Map(data.townships.map((t) => [t.name, t.code]));
    expect(byName.get("凤山街道")).toBe("500156001");
    expect(byName.get("白马镇")).toBe("500156101");
  });
});

describe("the jurisdiction file format", () => {
  it("accepts Wulong's file", async () => {
    const { parseJurisdictionFile } = await import("../../prisma/jurisdiction-file");
    expect(parseJurisdictionFile(wulong, "wulong.json").townships.length).toBe(wulong.townships.length);
  });

  it("names each problem in a broken file", async () => {
    const { parseJurisdictionFile } = await import("../../prisma/jurisdiction-file");
    const broken = structuredClone(wulong);
    broken.county.refPrefix = "wl";
    broken.townships[1].villages[0].code = broken.townships[0].villages[0].code;
    expect(() => parseJurisdictionFile(broken, "other.json")).toThrow(/refPrefix[\s\S]*townships\.1\.villages\.0\.code: must start with its township's code/);
  });
});
