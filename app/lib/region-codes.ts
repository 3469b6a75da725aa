// Administrative division codes (GB/T 2260): prefix checks for resident ID numbers, and
// following retired codes to their successors (the list itself is county data, in the
// jurisdiction file).
//
// The prefix lists sanity-check the first digits of a resident ID number. Only the
// province (2-digit) and prefecture (4-digit) levels are checked: county codes change too
// often to keep a full list, and an ID keeps the prefix it was issued with even after its
// county is renamed or merged. The lists are deliberately generous: besides the current
// prefecture-level cities they include the old 地区/盟 codes (xx21-xx3x) and the
// 省直辖县级行政区划 codes (xx90), so older numbers still pass.

export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82",
]);

// Per province: inclusive ranges of the two prefecture digits.
const PREFECTURE_RANGES: Record<string, ReadonlyArray<readonly [number, number]>> = {
  "11": [[1, 2]], // 1101 市辖区, 1102 (former) 县
  "12": [[1, 2]],
  "13": [[1, 11], [21, 30], [90, 90]],
  "14": [[1, 11], [21, 27]],
  "15": [[1, 9], [21, 29]], // 1522 兴安盟, 1525 锡林郭勒盟, 1529 阿拉善盟
  "21": [[1, 14], [21, 24]],
  "22": [[1, 8], [21, 25]], // 2224 延边州
  "23": [[1, 12], [21, 30]], // 2327 大兴安岭地区
  "31": [[1, 2]],
  "32": [[1, 13], [21, 30]],
  "33": [[1, 11], [21, 27]],
  "34": [[1, 18], [21, 30]],
  "35": [[1, 9], [21, 27]],
  "36": [[1, 11], [21, 27]],
  "37": [[1, 17], [21, 31]],
  "41": [[1, 17], [21, 30], [90, 90]], // 4190 济源
  "42": [[1, 13], [21, 30], [90, 90]], // 4228 恩施州, 4290 仙桃/潜江/天门/神农架
  "43": [[1, 13], [21, 31]], // 4331 湘西州
  "44": [[1, 20], [21, 31], [51, 53]], // 4419 东莞, 4420 中山, 4451-4453 潮州/揭阳/云浮
  "45": [[1, 14], [21, 31]],
  "46": [[0, 4], [90, 90]], // 4600 early Hainan codes, 4690 省直辖县
  "50": [[1, 3]], // 5001 市辖区, 5002 县, 5003 (former) 市
  "51": [[1, 39]], // includes 5102 (Chongqing before 1997), 5132-5134 Aba/Ganzi/Liangshan
  "52": [[1, 6], [21, 27]],
  "53": [[1, 9], [21, 35]],
  "54": [[1, 6], [21, 27]],
  "61": [[1, 10], [21, 27]],
  "62": [[1, 12], [21, 30]],
  "63": [[1, 2], [21, 28]],
  "64": [[1, 5], [21, 22]],
  "65": [[1, 5], [21, 32], [40, 43], [90, 90]],
  "71": [[0, 0]],
  "81": [[0, 0]],
  "82": [[0, 0]],
};

function expand(): Set<string> {
  const codes = new Set<string>();
  for (const [province, ranges] of Object.entries(PREFECTURE_RANGES)) {
    for (const [from, to] of ranges) {
      for (let n = from; n <= to; n++) codes.add(province + String(n).padStart(2, "0"));
    }
  }
  return codes;
}

export const PREFECTURE_CODES: ReadonlySet<string> = expand();

/** A division code that is no longer in use, and the current codes that took its place. */
export type RetiredRegionCode = { code: string; name: string; successors: readonly string[] };

export type FollowedCode<T extends RetiredRegionCode = RetiredRegionCode> = {
  /** The current codes the given code stands for now: one, or several after a split. */
  codes: string[];
  /** The retired entry that was followed, or null when the code is current. */
  retired: T | null;
  /** True when only a containing code was retired and the code itself is not listed (less precise). */
  viaAncestor: boolean;
};

/**
 * Follows a statistical division code (6, 9 or 12 digits) through a list of retired codes
 * to the codes in use now: 500232 (武隆县) → 500156, 500156110 (土坎镇) → 500156004. A code
 * that is not listed but lies under a retired one (a village of 土坎镇 that the list does
 * not name) follows its nearest retired ancestor. A successor that was itself retired
 * later is followed again. `isCurrent` says whether a code is in use.
 */
export function followRetiredCode<T extends RetiredRegionCode>(code: string, retired: ReadonlyMap<string, T>, isCurrent: (code: string) => boolean): FollowedCode<T> {
  if (isCurrent(code) || !/^\d{6}(\d{3}){0,2}$/.test(code)) return { codes: [code], retired: null, viaAncestor: false };
  let entry = retired.get(code);
  let viaAncestor = false;
  for (let length = code.length - 3; !entry && length >= 6; length -= 3) {
    entry = retired.get(code.slice(0, length));
    viaAncestor = entry !== undefined;
  }
  if (!entry) return { codes: [code], retired: null, viaAncestor: false };
  const codes = new Set<string>();
  const pending = [...entry.successors];
  const visited = new Set<string>([entry.code]);
  while (pending.length > 0) {
    const next = pending.shift()!;
    const later = retired.get(next);
    if (later && !isCurrent(next) && !visited.has(next)) {
      visited.add(next);
      pending.push(...later.successors);
    } else codes.add(next);
  }
  return { codes: [...codes], retired: entry, viaAncestor };
}

/**
 * Whether the region code of a resident ID (its first 6 digits) is this county, now or
 * under a code it replaced: an ID issued in 武隆县 starts 500232 and still belongs to
 * 武隆区 (500156).
 */
export function isRegionOfCounty(regionCode: string, countyCode: string, retired: ReadonlyMap<string, RetiredRegionCode>): boolean {
  if (regionCode === countyCode) return true;
  return followRetiredCode(regionCode, retired, (code) => code === countyCode).codes.includes(countyCode);
}
