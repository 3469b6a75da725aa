import { describe, it, expect } from "vitest";
import { normaliseMobile } from "~/lib/phone";

describe("normaliseMobile", () => {
  it("accepts a bare mainland mobile number", () => {
    expect(normaliseMobile("13800000001")).toBe("13800000001");
    expect(normaliseMobile("19912345678")).toBe("19912345678");
  });
  it("removes spaces, dashes and the country code", () => {
    expect(normaliseMobile(" 138 0000 0001 ")).toBe("13800000001");
    expect(normaliseMobile("138-0000-0001")).toBe("13800000001");
    expect(normaliseMobile("+86 138 0000 0001")).toBe("13800000001");
    expect(normaliseMobile("8613800000001")).toBe("13800000001");
    expect(normaliseMobile("+86-13800000001")).toBe("13800000001");
  });
  it("rejects anything else", () => {
    expect(normaliseMobile("")).toBeNull();
    expect(normaliseMobile("12800000001")).toBeNull(); // no 12x mobiles
    expect(normaliseMobile("1380000000")).toBeNull(); // 10 digits
    expect(normaliseMobile("138000000012")).toBeNull(); // 12 digits
    expect(normaliseMobile("023-77722222")).toBeNull(); // Wulong landline
    expect(normaliseMobile("+85261234567")).toBeNull(); // Hong Kong
    expect(normaliseMobile("1380000000a")).toBeNull();
  });
});
