import { z } from "zod";
import { errorKey, mobile, personName } from "~/engine/fields";

const password = z
  .string({ required_error: errorKey("required") })
  .min(8, errorKey("passwordShort"))
  .max(128, errorKey("tooLong"))
  .regex(/[A-Za-z]/, errorKey("passwordWeak"))
  .regex(/[0-9]/, errorKey("passwordWeak"));

export const signupSchema = z
  .object({ name: personName(), phone: mobile(), password, confirm: z.string({ required_error: errorKey("required") }) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: errorKey("passwordMismatch") });

export const loginSchema = z.object({
  phone: mobile(),
  password: z.string({ required_error: errorKey("required") }).max(128, errorKey("tooLong")),
  redirectTo: z.string().optional(),
});

export const codeSchema = z.object({
  code: z.string({ required_error: errorKey("required") }).trim().regex(/^\d{6}$/, errorKey("smsCode")),
});

export const staffLoginSchema = z.object({
  username: z.string({ required_error: errorKey("required") }).trim().max(64, errorKey("tooLong")),
  password: z.string({ required_error: errorKey("required") }).max(128, errorKey("tooLong")),
  redirectTo: z.string().optional(),
});
