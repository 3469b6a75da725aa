import { execFileSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { forgetJurisdictions, jurisdictions } from "~/utils/jurisdictions.server";

afterAll(() => forgetJurisdictions());

describe("the jurisdiction index (seeded from wulong.json)", () => {
  it("holds the 26 current townships with their villages", async () => {
    const index = await jurisdictions();
    expect(index.townships).toHaveLength(26);
    expect(index.townshipCodes.has("500156113")).toBe(true);
    expect(index.townshipCodes.has("500156200")).toBe(false);
    expect(index.villagesByTownship.get("500156004")?.map((row) => row.name)).toContain("土坎社区");
  });

  it("resolves current and retired codes to the place they mean now", async () => {
    const index = await jurisdictions();
    expect(index.resolveCode("500156001")).toMatchObject({ row: { code: "500156001", name: "凤山街道" }, retired: null, exact: true });
    expect(index.resolveCode("500232")).toMatchObject({ row: { code: "500156", name: "武隆区" }, retired: { code: "500232", name: "武隆县" }, exact: true });
    expect(index.resolveCode("500156110")).toMatchObject({ row: { code: "500156004", name: "羊角街道" }, retired: { name: "土坎镇" }, exact: true });
    expect(index.resolveCode("500156200")).toMatchObject({ row: { code: "500156113", name: "凤来镇" }, retired: { name: "凤来乡" }, exact: true });
    expect(index.resolveCode("500156103")).toMatchObject({ row: { code: "500156003" }, exact: true });
    expect(index.resolveCode("500156110001")).toMatchObject({ row: { code: "500156004004", name: "土坎社区" }, exact: true });
  });

  it("places a split code at the common parent and names every successor", async () => {
    const resolved = (await jurisdictions()).resolveCode("500156100"); // 巷口镇 → 凤山街道 + 芙蓉街道
    expect(resolved?.row.code).toBe("500156");
    expect(resolved?.successors.map((row) => row.code)).toEqual(["500156001", "500156002"]);
    expect(resolved?.exact).toBe(false);
  });

  it("knows nothing of codes outside the county", async () => {
    const index = await jurisdictions();
    expect(index.resolveCode("110101")).toBeUndefined();
    expect(index.resolveCode("500156999")).toBeUndefined();
    expect(index.resolveCode("")).toBeUndefined();
  });

  it("gives the deciding office and its service hall for a path or code", async () => {
    const index = await jurisdictions();
    expect(index.officeFor("500156/500156001/").office.name).toBe("武隆区凤山街道办事处");
    expect(index.officeFor("500156/500156101/500156101200/").office).toMatchObject({ name: "武隆区白马镇人民政府", nameEn: "People's Government of Baima Town, Wulong District" });
    expect(index.officeFor("500156202001").office.name).toBe("武隆区石桥苗族土家族乡人民政府");
    expect(index.officeFor("500156001").serviceHall).toMatchObject({ sample: true, hours: [{ from: "09:00", to: "12:00" }, { from: "14:00", to: "17:30" }] });
    expect(index.officeFor("500156/")).toMatchObject({ office: { name: "重庆市武隆区卫生健康委员会" }, township: undefined });
    expect(index.officeFor(null).office.name).toBe("重庆市武隆区卫生健康委员会");
  });

  it("carries the appeal routes as county data", async () => {
    const { appeals } = (await jurisdictions()).county.details;
    expect(appeals.reconsideration).toMatchObject({ body: "重庆市武隆区人民政府", limit: { days: 60 } });
    expect(appeals.litigation).toMatchObject({ limit: { months: 6 } });
  });
});

describe("re-seeding", () => {
  it("removes places the file no longer lists and fills in details an older seed did not write", async () => {
    // A database seeded from the old file: 土坎镇 still a township, no office data.
    await db.jurisdiction.create({ data: { code: "500156110", name: "土坎镇", nameEn: "Tukan Town", level: "township", parentCode: "500156", path: "500156/500156110/" } });
    await db.jurisdiction.update({ where: { code: "500156" }, data: { details: null } });
    execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts", "--if-empty"], { env: process.env, stdio: "pipe" });
    expect(await db.jurisdiction.findUnique({ where: { code: "500156110" } })).toBeNull();
    expect((await db.jurisdiction.findUnique({ where: { code: "500156" } }))?.details).toContain("reconsideration");
    forgetJurisdictions();
    expect((await jurisdictions()).townships).toHaveLength(26);
  });

  it("does nothing with --if-empty when the county is seeded", async () => {
    await db.jurisdiction.create({ data: { code: "500156110", name: "土坎镇", nameEn: "Tukan Town", level: "township", parentCode: "500156", path: "500156/500156110/" } });
    try {
      execFileSync(process.execPath, ["--import", "tsx", "prisma/seed.ts", "--if-empty"], { env: process.env, stdio: "pipe" });
      expect(await db.jurisdiction.findUnique({ where: { code: "500156110" } })).not.toBeNull();
    } finally {
      await db.jurisdiction.delete({ where: { code: "500156110" } });
    }
  });
});
