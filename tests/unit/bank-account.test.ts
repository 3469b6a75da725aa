import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bankAccount } from "~/engine/fields";
import { hasLuhnCheckDigit, luhnCheckDigit, normaliseBankAccount, parseBankAccount } from "~/lib/bank-account";

// 4111 1111 1111 1111 is the well-known valid test card; 79927398713 the Luhn example of ISO/IEC 7812.
const card16 = "4111111111111111";
const unionPay19 = "621226110200123456" + luhnCheckDigit("621226110200123456");

describe("Luhn check digit", () => {
  it.each([card16, "79927398713", unionPay19])("accepts %s", (digits) => expect(hasLuhnCheckDigit(digits)).toBe(true));

  it("refuses every single-digit change and a swap of two neighbouring digits", () => {
    for (let i = 0; i < card16.length; i++) {
      const changed = card16.slice(0, i) + ((Number(card16[i]) + 1) % 10) + card16.slice(i + 1);
      expect(hasLuhnCheckDigit(changed)).toBe(false);
    }
    expect(hasLuhnCheckDigit("79927398731")).toBe(false);
  });

  it("refuses what is not digits", () => {
    expect(hasLuhnCheckDigit("")).toBe(false);
    expect(hasLuhnCheckDigit("4111-1111")).toBe(false);
  });
});

describe("parseBankAccount", () => {
  it("normalises spaces and hyphens", () => {
    expect(normaliseBankAccount(" 4111 1111-1111 1111 ")).toBe(card16);
    expect(parseBankAccount("4111 1111 1111 1111", { checkDigit: true })).toEqual({ ok: true, value: card16 });
  });

  it("checks a bank card's length and check digit", () => {
    expect(parseBankAccount(unionPay19, { checkDigit: true })).toEqual({ ok: true, value: unionPay19 });
    expect(parseBankAccount("4111111111111112", { checkDigit: true })).toEqual({ ok: false, error: "checksum" });
    expect(parseBankAccount("411111111111", { checkDigit: true })).toEqual({ ok: false, error: "format" });
    expect(parseBankAccount("41111111111111111111", { checkDigit: true })).toEqual({ ok: false, error: "format" });
    expect(parseBankAccount("4111x11111111111", { checkDigit: true })).toEqual({ ok: false, error: "format" });
    expect(parseBankAccount("  ", { checkDigit: true })).toEqual({ ok: false, error: "required" });
  });

  it("accepts a passbook or social-security account without a check digit, by its form only", () => {
    expect(parseBankAccount("4111111111111112", { checkDigit: false })).toEqual({ ok: true, value: "4111111111111112" });
    expect(parseBankAccount("0012 3456 7890 1234 567", { checkDigit: false })).toEqual({ ok: true, value: "0012345678901234567" });
    expect(parseBankAccount("1234567", { checkDigit: false })).toEqual({ ok: false, error: "format" });
    expect(parseBankAccount("1".repeat(31), { checkDigit: false })).toEqual({ ok: false, error: "format" });
  });
});

describe("bankAccount() field", () => {
  const messages = (schema: z.ZodTypeAny, value: unknown) => {
    const result = schema.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.message);
  };

  it("gives translation keys for each error and the digits on success", () => {
    const card = bankAccount({ checkDigit: true });
    expect(card.parse("4111-1111-1111-1111")).toBe(card16);
    expect(messages(card, "4111111111111112")).toEqual(["common:errors.bankAccount.checksum"]);
    expect(messages(card, "12345")).toEqual(["common:errors.bankAccount.format"]);
    expect(messages(card, undefined)).toEqual(["common:errors.required"]);
    expect(messages(bankAccount({ checkDigit: false }), "4111111111111112")).toEqual([]);
  });
});
