import { describe, it, expect } from "vitest";
import { maskBankAccount, maskName, maskPhone, maskResidentId } from "~/lib/mask";

describe("maskName", () => {
  it("keeps only the first character", () => {
    expect(maskName("张三")).toBe("张*");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("Li")).toBe("L*");
  });
  it("hides a single character completely and keeps empty empty", () => {
    expect(maskName("王")).toBe("*");
    expect(maskName("")).toBe("");
  });
  it("treats a supplementary-plane character as one character", () => {
    expect(maskName("𣵦明")).toBe("𣵦*");
  });
});

describe("maskResidentId", () => {
  it("keeps the first 4 and last 4 of an 18-digit number", () => {
    expect(maskResidentId("500102199001011234")).toBe("5001**********1234");
  });
  it("keeps 2 + 2 for other lengths", () => {
    expect(maskResidentId("500156900101002")).toBe("50***********02");
    expect(maskResidentId("1234")).toBe("****");
  });
});

describe("maskPhone", () => {
  it("masks the middle four digits", () => {
    expect(maskPhone("13800000001")).toBe("138****0001");
  });
});

describe("maskBankAccount", () => {
  it("shows only the last four digits", () => {
    expect(maskBankAccount("6214832705829716")).toBe("**** **** **** 9716");
    expect(maskBankAccount("6214 8327 0582 9716 123")).toBe("**** **** **** **** 6123");
    expect(maskBankAccount("1234")).toBe("****");
  });
});
