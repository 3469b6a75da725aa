import { describe, it, expect } from "vitest";
import wulongJson from "../../prisma/data/jurisdictions/wulong.json";
import { parseJurisdictionFile } from "../../prisma/jurisdiction-file";
import { readDivisionCsv, readVillages } from "../../scripts/division-data";
import { shortName } from "../../scripts/place-names";
import { followRetiredCode, isRegionOfCounty } from "~/lib/region-codes";

const wulong = parseJurisdictionFile(wulongJson, "wulong.json");
const townshipNames = new Map(wulong.townships.map((t) => [t.code, t.name]));
const currentCodes = new Set([wulong.county.code, ...wulong.townships.map((t) => t.code), ...wulong.townships.flatMap((t) => t.villages.map((v) => v.code))]);
const retired = new Map(wulong.retired.map((entry) => [entry.code, entry]));
const follow = (code: string) => followRetiredCode(code, retired, (candidate) => currentCodes.has(candidate));

describe("wulong.json against the national statistical division codes", () => {
  it("lists exactly the package's townships, with its codes and names", () => {
    const expected = readDivisionCsv("streets.csv").filter((row) => row.parent === "500156").map((row) => [row.code, shortName(row.name)]);
    expect(wulong.townships.map((t) => [t.code, t.name])).toEqual(expected);
  });

  it("lists exactly the package's villages and communities under each township", async () => {
    const expected = (await readVillages("500156")).map((row) => [row.parent, row.code, shortName(row.name)]);
    expect(wulong.townships.flatMap((t) => t.villages.map((v) => [t.code, v.code, v.name]))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(200);
  });

  it("has 4 subdistricts, 10 towns and 12 townships since 渝府〔2020〕18号", () => {
    const kinds = wulong.townships.map((t) => (t.name.endsWith("街道") ? "街道" : t.name.endsWith("镇") ? "镇" : "乡"));
    expect(wulong.townships).toHaveLength(26);
    expect(kinds.filter((kind) => kind === "街道")).toHaveLength(4);
    expect(kinds.filter((kind) => kind === "镇")).toHaveLength(10);
    expect(kinds.filter((kind) => kind === "乡")).toHaveLength(12);
    expect(townshipNames.get("500156003")).toBe("仙女山街道");
    expect(townshipNames.get("500156004")).toBe("羊角街道");
    expect(townshipNames.get("500156113")).toBe("凤来镇");
    for (const gone of ["500156103", "500156106", "500156110", "500156200"]) expect(currentCodes.has(gone)).toBe(false);
  });

  it("keeps the townships the app's tests rely on", () => {
    expect(townshipNames.get("500156001")).toBe("凤山街道");
    expect(townshipNames.get("500156101")).toBe("白马镇");
  });
});

describe("retired codes", () => {
  it.each([
    ["500232", ["500156"], "武隆县 became 武隆区"],
    ["500156110", ["500156004"], "土坎镇 merged into 羊角街道"],
    ["500156106", ["500156004"], "羊角镇 merged into 羊角街道"],
    ["500156103", ["500156003"], "仙女山镇 became 仙女山街道"],
    ["500156200", ["500156113"], "凤来乡 became 凤来镇"],
    ["500156100", ["500156001", "500156002"], "巷口镇 was split into 凤山街道 and 芙蓉街道"],
    ["500232110", ["500156004"], "土坎镇 under the old county code"],
    ["500156110001", ["500156004004"], "土坎社区, renumbered under 羊角街道"],
    ["500156200205", ["500156113206"], "高寿村, renumbered under 凤来镇"],
    ["500232107206", ["500156004207"], "峨岭村, now 鹅岭村"],
  ])("%s → %j (%s)", (code, successors) => {
    expect(follow(code)).toMatchObject({ codes: successors, viaAncestor: false });
    expect(follow(code).retired?.code).toBe(code);
  });

  it("places a village of a retired township that the list does not name under the township's successor", () => {
    expect(follow("500156110299")).toMatchObject({ codes: ["500156004"], viaAncestor: true });
  });

  it("leaves current and unknown codes alone", () => {
    expect(follow("500156004")).toEqual({ codes: ["500156004"], retired: null, viaAncestor: false });
    expect(follow("510104")).toEqual({ codes: ["510104"], retired: null, viaAncestor: false });
  });

  it("follows a successor that was itself retired later", () => {
    const chain = new Map([
      ["1", { code: "500232100", name: "巷口镇", successors: ["500156100"] }],
      ["2", { code: "500156100", name: "巷口镇", successors: ["500156001", "500156002"] }],
    ].map(([, entry]) => [(entry as { code: string }).code, entry as { code: string; name: string; successors: string[] }]));
    expect(followRetiredCode("500232100", chain, (code) => code === "500156001" || code === "500156002").codes).toEqual(["500156001", "500156002"]);
  });

  it("recognises an ID number issued under the old county code as the county's", () => {
    expect(isRegionOfCounty("500232", "500156", retired)).toBe(true);
    expect(isRegionOfCounty("500156", "500156", retired)).toBe(true);
    expect(isRegionOfCounty("500102", "500156", retired)).toBe(false);
  });

  it("names every successor as a current code", () => {
    for (const entry of wulong.retired) for (const successor of entry.successors) expect(currentCodes.has(successor), `${entry.code} → ${successor}`).toBe(true);
  });
});

describe("offices, service halls and appeals", () => {
  it("names each township's office as 地方组织法 does: 街道办事处 or 人民政府", () => {
    for (const township of wulong.townships) {
      const ending = township.name.endsWith("街道") ? "办事处" : "人民政府";
      expect(township.office.name).toBe(`武隆区${township.name}${ending}`);
      expect(township.office.nameEn).toContain(township.nameEn);
    }
    expect(wulong.townships[0].office.name).toBe("武隆区凤山街道办事处");
    expect(wulong.townships.find((t) => t.code === "500156101")?.office.name).toBe("武隆区白马镇人民政府");
  });

  it("marks unconfirmed hall addresses and phone numbers as samples", () => {
    for (const township of wulong.townships) {
      expect(township.serviceHall.sample).toBe(true);
      expect(township.serviceHall.hours.length).toBeGreaterThan(0);
    }
    expect(wulong.county.serviceHall.sample).toBe(true);
  });

  it("gives the appeal routes with their time limits and legal sources", () => {
    const { reconsideration, litigation } = wulong.county.appeals;
    expect(reconsideration).toMatchObject({ body: "重庆市武隆区人民政府", limit: { days: 60 } });
    expect(reconsideration.source).toMatch(/行政复议法.*2023.*第二十条.*第二十四条/);
    expect(litigation).toMatchObject({ limit: { months: 6 }, sample: true });
    expect(litigation.source).toMatch(/行政诉讼法.*第四十六条/);
  });

  it("has English names for every place, in pinyin with their type", () => {
    for (const township of wulong.townships) {
      expect(township.nameEn).toMatch(/^[A-Z][a-zü']+ ([A-Z][a-z]+ (and [A-Z][a-z]+ )?Ethnic )?(Subdistrict|Town|Township)$/);
      for (const village of township.villages) expect(village.nameEn).toMatch(/^[A-Z][a-zü']+ (Community|Village)$/);
    }
    expect(townshipNames.size).toBe(26);
    expect(wulong.townships.find((t) => t.code === "500156202")?.nameEn).toBe("Shiqiao Miao and Tujia Ethnic Township");
  });
});

describe("the jurisdiction file format", () => {
  it("names each problem in a broken file", () => {
    const broken = structuredClone(wulongJson);
    broken.county.refPrefix = "wl";
    broken.townships[1].villages[0].code = broken.townships[0].villages[0].code;
    broken.townships[2].serviceHall.phone = "call us";
    broken.townships[3].serviceHall.hours[0].to = "25:00";
    const message = (() => {
      try {
        parseJurisdictionFile(broken, "other.json");
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(/^other\.json is not a valid jurisdiction file/);
    expect(message).toMatch(/county\.refPrefix: 2 to 4 capital letters/);
    expect(message).toMatch(/townships\.1\.villages\.0\.code: must start with its township's code 500156002/);
    expect(message).toMatch(/townships\.2\.serviceHall\.phone: a number like/);
    expect(message).toMatch(/townships\.3\.serviceHall\.hours\.0\.to: a time as HH:MM/);
  });

  it("refuses a retired code that is still in use or whose successor is unknown", () => {
    const broken = structuredClone(wulongJson);
    broken.retired[0].code = "500156001";
    broken.retired[1].successors = ["500156999"];
    expect(() => parseJurisdictionFile(broken, "other.json")).toThrow(/retired\.0\.code: is a current code[\s\S]*retired\.1\.successors\.0: 500156999 is not a current code/);
  });

  it("refuses a seal path that climbs out of its folder", () => {
    const broken = structuredClone(wulongJson) as typeof wulongJson & { county: { seal?: string } };
    broken.county.seal = "../secrets.png";
    expect(() => parseJurisdictionFile(broken, "other.json")).toThrow(/county\.seal/);
  });
});
