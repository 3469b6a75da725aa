// English names for Chinese administrative divisions, for the data generators in
// scripts/division-data.ts (never loaded by the app). The proper name is written in Hanyu
// Pinyin as GB/T 16159 and the place-name rules (GB/T 17693.1) ask: syllables joined, the
// first letter capital, an apostrophe before a syllable that starts with a, o or e (Xi'an),
// ü kept. The type of division is translated ("Subdistrict" for 街道, as the portal's
// English pages say), and ethnic autonomous names name their peoples in English.
// Provinces use their official English names. pinyin-pro picks readings by word, which gets
// most polyphonic place names right (重庆 Chongqing, 长坝 Changba, 六安 Lu'an); rare local
// readings (单县 Shan County) can still be wrong, which is why the county's own file is
// checked by hand.
import { pinyin } from "pinyin-pro";

/** Official English names of the province-level divisions, by their 2-digit code. */
export const PROVINCE_NAMES_EN: Readonly<Record<string, string>> = {
  "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia",
  "21": "Liaoning", "22": "Jilin", "23": "Heilongjiang",
  "31": "Shanghai", "32": "Jiangsu", "33": "Zhejiang", "34": "Anhui", "35": "Fujian", "36": "Jiangxi", "37": "Shandong",
  "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong", "45": "Guangxi", "46": "Hainan",
  "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan", "54": "Xizang",
  "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia", "65": "Xinjiang",
  "71": "Taiwan", "81": "Hong Kong", "82": "Macao",
};

/** The 55 ethnic minorities, as their names appear in autonomous division names (without 族). */
const PEOPLES_EN: Readonly<Record<string, string>> = {
  蒙古: "Mongol", 回: "Hui", 藏: "Tibetan", 维吾尔: "Uygur", 苗: "Miao", 彝: "Yi", 壮: "Zhuang", 布依: "Bouyei",
  朝鲜: "Korean", 满: "Manchu", 侗: "Dong", 瑶: "Yao", 白: "Bai", 土家: "Tujia", 哈尼: "Hani", 哈萨克: "Kazak",
  傣: "Dai", 黎: "Li", 傈僳: "Lisu", 佤: "Va", 畲: "She", 高山: "Gaoshan", 拉祜: "Lahu", 水: "Shui",
  东乡: "Dongxiang", 纳西: "Naxi", 景颇: "Jingpo", 柯尔克孜: "Kirgiz", 土: "Tu", 达斡尔: "Daur", 仫佬: "Mulam",
  羌: "Qiang", 布朗: "Blang", 撒拉: "Salar", 毛南: "Maonan", 仡佬: "Gelao", 锡伯: "Xibe", 阿昌: "Achang",
  普米: "Pumi", 塔吉克: "Tajik", 怒: "Nu", 乌孜别克: "Uzbek", 俄罗斯: "Russian", 鄂温克: "Ewenki", 德昂: "De'ang",
  保安: "Bonan", 裕固: "Yugur", 京: "Gin", 塔塔尔: "Tatar", 独龙: "Derung", 鄂伦春: "Oroqen", 赫哲: "Hezhen",
  门巴: "Monba", 珞巴: "Lhoba", 基诺: "Jino", 各: "Multi-ethnic",
};

// Division types by their Chinese ending, longest first. An ethnic name before the ending
// ("苗族土家族乡") turns it into "Miao and Tujia Ethnic Township".
const TYPES: ReadonlyArray<readonly [string, string, string?]> = [
  // Zones, farms and other units that the statistical codes list beside townships.
  ["高新技术产业开发区", "High-tech Industrial Development Zone"],
  ["经济技术开发区", "Economic and Technological Development Zone"],
  ["经济开发区管理委员会", "Economic Development Zone Management Committee"],
  ["开发区管理委员会", "Development Zone Management Committee"],
  ["管理委员会", "Management Committee"],
  ["经济开发区", "Economic Development Zone"],
  ["高新区", "High-tech Zone"],
  ["开发区", "Development Zone"],
  ["工业园区", "Industrial Park"],
  ["产业园区", "Industrial Park"],
  ["科技园区", "Science Park"],
  ["工业园", "Industrial Park"],
  ["产业园", "Industrial Park"],
  ["物流园", "Logistics Park"],
  ["示范区", "Demonstration Zone"],
  ["度假区", "Resort"],
  ["保护区", "Reserve"],
  ["生活区", "Residential Area"],
  ["管理处", "Administration Office"],
  ["办事处", "Office"],
  ["良种场", "Seed Farm"],
  ["原种场", "Seed Farm"],
  ["种畜场", "Breeding Farm"],
  ["畜牧场", "Livestock Farm"],
  ["园艺场", "Horticultural Farm"],
  ["林业局", "Forestry Bureau"],
  ["盐场", "Salt Works"],
  ["监狱", "Prison"],
  ["灌区", "Irrigation District"],
  ["园区", "Park"],
  ["自治区直辖县级行政区划", "County-level divisions under the autonomous region"],
  ["省直辖县级行政区划", "County-level divisions under the province"],
  ["特别行政区", "Special Administrative Region"],
  ["自治区", "Autonomous Region"],
  ["自治州", "Autonomous Prefecture"],
  ["自治县", "Autonomous County"],
  ["自治旗", "Autonomous Banner"],
  ["社区", "Community"],
  ["街道", "Subdistrict"],
  ["林区", "Forestry District"],
  ["新区", "New Area"],
  ["地区", "Prefecture"],
  ["苏木", "Sumu", "Ethnic Sumu"],
  ["农场", "Farm"],
  ["林场", "Forest Farm"],
  ["牧场", "Ranch"],
  ["乡", "Township", "Ethnic Township"],
  ["镇", "Town", "Ethnic Town"],
  ["区", "District", "Ethnic District"],
  ["县", "County"],
  ["市", "City"],
  ["省", "Province"],
  ["旗", "Banner"],
  ["盟", "League"],
  ["村", "Village"],
];

const PSEUDO_NAMES: Readonly<Record<string, string>> = { 市辖区: "Districts", 县: "Counties" };

// Characters whose reading in place names differs from their common one (都 is dū in
// 成都, 丰都, 三都 and almost every place, dōu in everyday words).
const PLACE_READINGS: Readonly<Record<string, string>> = { 都: "du" };

/** Hanyu Pinyin of a proper name as one capitalised word, with syllable apostrophes. */
export function properName(chinese: string): string {
  const characters = [...chinese];
  const readings = pinyin(chinese, { toneType: "none", type: "array", nonZh: "spaced" });
  const aligned = readings.length === characters.length;
  const syllables = (aligned ? characters.map((character, index) => PLACE_READINGS[character] ?? readings[index]) : readings)
    .map((syllable) => syllable.trim().toLowerCase())
    .filter(Boolean);
  const joined = syllables.map((syllable, index) => (index > 0 && /^[aoe]/.test(syllable) ? `'${syllable}` : syllable)).join("");
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/**
 * Splits "苗族土家族" into its peoples, or returns null when it is not a list of peoples.
 * Autonomous areas sometimes drop 族 after a name of several characters (巴音郭楞蒙古自治州,
 * 鄂伦春自治旗); ethnic townships never do, and "高山镇" must stay a town.
 */
function peoples(text: string, zuOptional: boolean): string[] | null {
  if (text === "") return [];
  for (const people of Object.keys(PEOPLES_EN).sort((a, b) => b.length - a.length)) {
    const prefixes = zuOptional && people.length > 1 ? [`${people}族`, people] : [`${people}族`];
    for (const prefix of prefixes) {
      if (!text.startsWith(prefix)) continue;
      const rest = peoples(text.slice(prefix.length), zuOptional);
      if (rest) return [PEOPLES_EN[people], ...rest];
    }
  }
  return null;
}

/** The name without the committee or office that administers it: "复兴社区居民委员会" → "复兴社区". */
export function shortName(chinese: string): string {
  // "铁佛村委会" is 铁佛村's committee: only 委会 goes.
  return chinese.trim().replace(/(居民委员会|村民委员会|居委会)$/, "").replace(/村委会$/, "村").replace(/街道办事处$/, "街道");
}

const listed = (names: string[]) => (names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);

/**
 * The English name of a division: "仙女山街道" → "Xiannüshan Subdistrict",
 * "石桥苗族土家族乡" → "Shiqiao Miao and Tujia Ethnic Township",
 * "恩施土家族苗族自治州" → "Enshi Tujia and Miao Autonomous Prefecture". Province-level
 * codes (2 digits) take their official names.
 */
export function englishName(chinese: string, code?: string): string {
  const name = shortName(chinese);
  if (code && code.length === 2 && PROVINCE_NAMES_EN[code]) return PROVINCE_NAMES_EN[code];
  if (PSEUDO_NAMES[name]) return PSEUDO_NAMES[name];
  // Below the county, 地区 is an area (Beijing's 南磨房地区), not a prefecture.
  if (code && code.length >= 9 && name.endsWith("地区") && name.length > 2) return `${properName(name.slice(0, -2))} Area`;
  for (const [ending, english, ethnicEnglish] of TYPES) {
    if (!name.endsWith(ending) || name.length === ending.length) continue;
    const stem = name.slice(0, -ending.length);
    const autonomous = ending.startsWith("自治");
    if (autonomous || ethnicEnglish) {
      // The peoples are the longest tail of the stem made only of peoples' names.
      for (let cut = 0; cut < stem.length; cut++) {
        const found = peoples(stem.slice(cut), autonomous);
        if (!found || found.length === 0) continue;
        const place = cut > 0 ? `${properName(stem.slice(0, cut))} ` : "";
        return `${place}${listed(found)} ${autonomous ? english : ethnicEnglish}`;
      }
    }
    return `${properName(stem)} ${english}`;
  }
  return properName(name);
}
