// Bank account numbers for payments. Bank cards (UnionPay, 16–19 digits) end in a Luhn check
// digit (ISO/IEC 7812); passbook accounts and some social-security card accounts carry none,
// so for those only the form of the number is checked.

export type BankAccountError = "required" | "format" | "checksum";

export type BankAccountResult = { ok: true; value: string } | { ok: false; error: BankAccountError };

/** People type card numbers in groups of four, with spaces or hyphens. */
export function normaliseBankAccount(input: string): string {
  return (input ?? "").replace(/[\s-]+/g, "");
}

/** Whether the last digit is the Luhn check digit of the others. */
export function hasLuhnCheckDigit(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit for a number without it (for examples and tests). */
export function luhnCheckDigit(withoutCheckDigit: string): string {
  for (let digit = 0; digit <= 9; digit++) if (hasLuhnCheckDigit(withoutCheckDigit + digit)) return String(digit);
  throw new Error("luhnCheckDigit expects digits");
}

export function parseBankAccount(input: string, options: { checkDigit: boolean }): BankAccountResult {
  const value = normaliseBankAccount(input);
  if (value === "") return { ok: false, error: "required" };
  if (options.checkDigit) {
    if (!/^\d{16,19}$/.test(value)) return { ok: false, error: "format" };
    if (!hasLuhnCheckDigit(value)) return { ok: false, error: "checksum" };
    return { ok: true, value };
  }
  if (!/^\d{8,30}$/.test(value)) return { ok: false, error: "format" };
  return { ok: true, value };
}
