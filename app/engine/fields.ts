import { z } from "zod";
import { parseBankAccount } from "~/lib/bank-account";
import { normaliseMobile } from "~/lib/phone";
import { parseResidentId } from "~/lib/resident-id";

/** Zod building blocks whose messages are translation keys in the common namespace. */
export const errorKey = (key: string) => `common:errors.${key}`;

const requiredString = () => z.string({ required_error: errorKey("required"), invalid_type_error: errorKey("required") });

export function text(max = 100) {
  return requiredString().trim().min(1, errorKey("required")).max(max, errorKey("tooLong"));
}

export function optionalText(max = 200) {
  return z.string().trim().max(max, errorKey("tooLong")).optional();
}

export function personName() {
  return text(30).regex(/^[\p{Script=Han}\u00B7\u2022A-Za-z .'-]+$/u, errorKey("personName"));
}

export function residentId() {
  return requiredString().transform((value, ctx) => {
    const result = parseResidentId(value);
    if (!result.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: errorKey(`residentId.${result.error}`) });
      return z.NEVER;
    }
    return result.value.id;
  });
}

/**
 * A bank account for payments, normalised to digits. `checkDigit`: a bank card (16–19 digits
 * ending in a Luhn check digit); otherwise a passbook or other account (8–30 digits, no check digit).
 */
export function bankAccount(options: { checkDigit: boolean }) {
  return requiredString().transform((value, ctx) => {
    const result = parseBankAccount(value, options);
    if (!result.ok) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: errorKey(`bankAccount.${result.error}`) });
      return z.NEVER;
    }
    return result.value;
  });
}

export function mobile() {
  return requiredString().transform((value, ctx) => {
    const phone = normaliseMobile(value);
    if (!phone) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: errorKey("mobile") });
      return z.NEVER;
    }
    return phone;
  });
}

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const chinaDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) in China at that instant: "today" is the resident's today, not the server's. */
export function isoDay(date: Date): string {
  return chinaDay.format(date);
}

/** A calendar date as YYYY-MM-DD (what <input type="date"> sends). */
export function date(options: { notFuture?: boolean; notPast?: boolean; today: Date }) {
  return requiredString()
    .trim()
    .refine(isRealDate, errorKey("date"))
    .refine((value) => !options.notFuture || value <= isoDay(options.today), errorKey("dateFuture"))
    .refine((value) => !options.notPast || value >= isoDay(options.today), errorKey("datePast"));
}

export function choice<T extends string>(values: readonly [T, ...T[]]) {
  return z.enum(values, { errorMap: () => ({ message: errorKey("choose") }) });
}

export function integer(min: number, max: number) {
  return z.coerce
    .number({ required_error: errorKey("required"), invalid_type_error: errorKey("number") })
    .int(errorKey("number"))
    .min(min, errorKey("numberRange"))
    .max(max, errorKey("numberRange"));
}
