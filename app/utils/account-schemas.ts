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

const smsCode = z.string({ required_error: errorKey("required") }).trim().regex(/^\d{6}$/, errorKey("smsCode"));

export const codeSchema = z.object({ code: smsCode });

/** Forgotten password, first step: the phone number the code goes to. */
export const resetRequestSchema = z.object({ phone: mobile() });

/** Forgotten password, second step: the SMS code and the new password, on one page. */
export const resetSchema = z
  .object({ code: smsCode, password, confirm: z.string({ required_error: errorKey("required") }) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: errorKey("passwordMismatch") });

export const staffLoginSchema = z.object({
  username: z.string({ required_error: errorKey("required") }).trim().max(64, errorKey("tooLong")),
  password: z.string({ required_error: errorKey("required") }).max(128, errorKey("tooLong")),
  redirectTo: z.string().optional(),
});

/** The second step of a staff sign-in: six digits from the authenticator app, or a recovery code (xxxxx-xxxxx). */
export const secondFactorCodeSchema = z.object({
  code: z
    .string({ required_error: errorKey("required") })
    .trim()
    .max(16, errorKey("tooLong"))
    .regex(/^(\d{6}|[A-Za-z0-9]{5}-?[A-Za-z0-9]{5})$/, errorKey("secondFactorFormat")),
});

/** A code from the authenticator app, confirming its set-up. */
export const totpSetupSchema = z.object({
  code: z.string({ required_error: errorKey("required") }).trim().regex(/^\d{6}$/, errorKey("totpFormat")),
});

/** A staff password: 12+ characters here; the strength check (zxcvbn) runs on the server. */
const staffPassword = z.string({ required_error: errorKey("required") }).min(12, errorKey("staffPasswordShort")).max(128, errorKey("tooLong"));

export const staffPasswordChangeSchema = z
  .object({ current: z.string({ required_error: errorKey("required") }).max(128, errorKey("tooLong")), password: staffPassword, confirm: z.string({ required_error: errorKey("required") }) })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], message: errorKey("passwordMismatch") });

export const staffAccountSchema = z.object({
  username: z
    .string({ required_error: errorKey("required") })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, errorKey("username")),
  name: personName(),
  role: z.string({ required_error: errorKey("choose") }),
  jurisdiction: z.string({ required_error: errorKey("choose") }),
  password: staffPassword,
});

export const accountChangeSchema = z.object({
  intent: z.enum(["disable", "enable", "unlock", "resetSecondFactor"]),
  userId: z.string().max(64),
});
