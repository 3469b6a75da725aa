import { describe, expect, it } from "vitest";
import { englishName, properName, shortName } from "../../scripts/place-names";

// The English names the data generators write (scripts/division-data.ts).
describe("englishName", () => {
  it.each([
    ["仙女山街道", undefined, "Xiannüshan Subdistrict"],
    ["漓东街道办事处", undefined, "Lidong Subdistrict"],
    ["长坝镇", undefined, "Changba Town"],
    ["大洞河乡", undefined, "Dadonghe Township"],
    ["石桥苗族土家族乡", undefined, "Shiqiao Miao and Tujia Ethnic Township"],
    ["浩口苗族仡佬族乡", undefined, "Haokou Miao and Gelao Ethnic Township"],
    ["恩施土家族苗族自治州", undefined, "Enshi Tujia and Miao Autonomous Prefecture"],
    ["双江拉祜族佤族布朗族傣族自治县", undefined, "Shuangjiang Lahu, Va, Blang and Dai Autonomous County"],
    ["巴音郭楞蒙古自治州", undefined, "Bayinguoleng Mongol Autonomous Prefecture"],
    ["鄂伦春自治旗", undefined, "Oroqen Autonomous Banner"],
    ["高山镇", undefined, "Gaoshan Town"],
    ["复兴社区居民委员会", undefined, "Fuxing Community"],
    ["铁佛村委会", undefined, "Tiefo Village"],
    ["三都水族自治县", undefined, "Sandu Shui Autonomous County"],
    ["西安市", undefined, "Xi'an City"],
    ["宜兴经济开发区", undefined, "Yixing Economic Development Zone"],
    ["南磨房地区", "110105012", "Nanmofang Area"],
    ["阿里地区", "5425", "Ali Prefecture"],
    ["陕西省", "61", "Shaanxi"],
    ["山西省", "14", "Shanxi"],
    ["市辖区", "5001", "Districts"],
  ])("%s → %s", (chinese, code, english) => {
    expect(englishName(chinese, code)).toBe(english);
  });
});

describe("properName and shortName", () => {
  it("joins syllables with an apostrophe before a, o or e", () => {
    expect(properName("东阿")).toBe("Dong'e");
    expect(properName("重庆")).toBe("Chongqing");
  });

  it("drops the committee from a village's statistical name but keeps 村", () => {
    expect(shortName("芋荷村村民委员会")).toBe("芋荷村");
    expect(shortName("铁佛村委会")).toBe("铁佛村");
    expect(shortName("火炉社区居委会")).toBe("火炉社区");
  });
});
