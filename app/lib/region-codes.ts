// Administrative division codes (GB/T 2260) used to sanity-check the first
// digits of a resident ID number. Only the province (2-digit) and prefecture
// (4-digit) levels are checked: county codes change too often to keep a full
// list, and an ID keeps the prefix it was issued with even after its county is
// renamed or merged. The lists are deliberately generous: besides the current
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
