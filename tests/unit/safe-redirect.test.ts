import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/utils/auth.server";

const FALLBACK = "/fallback";

// Each of these starts with "/" (or looks like it does) but a browser would leave the portal,
// or it carries characters a browser strips or reinterprets. All must fall back.
const refused: [string, string][] = [
  ["protocol-relative", "//evil.example"],
  ["backslash after slash", "/\\evil.example"],
  ["two backslashes", "/\\\\evil.example"],
  ["encoded slash", "/%2Fevil.example"],
  ["encoded slash, lower case", "/%2fevil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["encoded backslash, lower case", "/%5cevil.example"],
  ["double-encoded slash", "/%252Fevil.example"],
  ["double-encoded backslash", "/%255Cevil.example"],
  ["tab inside", "/\t/evil.example"],
  ["newline inside", "/\n/evil.example"],
  ["carriage return inside", "/\r/evil.example"],
  ["CRLF header injection", "/applications\r\nSet-Cookie: x=1"],
  ["encoded CRLF", "/applications%0d%0aSet-Cookie:%20x=1"],
  ["encoded tab", "/%09/evil.example"],
  ["encoded newline", "/%0A/evil.example"],
  ["encoded NUL", "/%00/evil.example"],
  ["raw NUL", "/\u0000/evil.example"],
  ["leading space", " //evil.example"],
  ["space inside", "/ /evil.example"],
  ["encoded space", "/%20/evil.example"],
  ["non-breaking space", "/\u00a0/evil.example"],
  ["line separator", "/\u2028/evil.example"],
  ["ideographic space", "/\u3000/evil.example"],
  ["byte-order mark", "/\ufeff/evil.example"],
  ["C1 control", "/\u0085/evil.example"],
  ["DEL", "/\u007f/evil.example"],
  ["dot segment to a host", "/.//evil.example"],
  ["encoded dot segment", "/%2e//evil.example"],
  ["absolute URL", "https://evil.example/"],
  ["scheme-relative with userinfo", "//portal@evil.example"],
  ["javascript scheme", "javascript:alert(1)"],
  ["no leading slash", "evil.example"],
  ["broken percent-encoding", "/%E0%A4%A"],
  ["empty", ""],
  ["too long", `/${"a".repeat(3000)}`],
];

const accepted: [string, string, string][] = [
  ["a page", "/applications", "/applications"],
  ["a page with query and hash", "/services/birth-registration?lng=en#start", "/services/birth-registration?lng=en#start"],
  ["encoded Chinese in the query", "/staff/queue?q=%E5%BC%A0", "/staff/queue?q=%E5%BC%A0"],
  ["Chinese characters are encoded", "/staff/queue?q=张", "/staff/queue?q=%E5%BC%A0"],
  ["dot segments inside the portal", "/services/../applications", "/applications"],
];

describe("safeRedirect", () => {
  it.each(refused)("refuses %s", (_name, value) => {
    expect(safeRedirect(value, FALLBACK)).toBe(FALLBACK);
  });

  it.each(accepted)("follows %s", (_name, value, expected) => {
    expect(safeRedirect(value, FALLBACK)).toBe(expected);
  });

  it("refuses what is not a string", () => {
    expect(safeRedirect(null, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(undefined, FALLBACK)).toBe(FALLBACK);
    expect(safeRedirect(new File(["x"], "x"), FALLBACK)).toBe(FALLBACK);
  });

  it("never returns a value that a browser resolves to another origin", () => {
    const base = "https://fs.wulong.gov.cn";
    for (const [, value] of [...refused, ...accepted.map(([name, value]) => [name, value] as [string, string])]) {
      expect(new URL(safeRedirect(value, FALLBACK), base).origin).toBe(base);
    }
  });
});
