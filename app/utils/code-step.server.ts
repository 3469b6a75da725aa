import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { Language } from "~/i18n/config";
import { codeSchema } from "./account-schemas";
import { readForm } from "./forms.server";
import { completeChallenge, openChallenge, resendChallenge, type ChallengePurpose, type OpenChallenge } from "./otp.server";
import { retryHeaders } from "./rate-limit.server";

function challengeId(request: Request): string {
  return new URL(request.url).searchParams.get("c") ?? "";
}

/** The challenge in `?c=`; a missing or spent one sends the user back to `restart`. */
export async function requireOpenChallenge(request: Request, purpose: ChallengePurpose, restart: string): Promise<OpenChallenge> {
  const open = await openChallenge(challengeId(request), purpose);
  if (!open) throw redirect(restart);
  return open;
}

export type CodeStepData = { errors?: Record<string, string[]>; values?: Record<string, string>; retry?: { messageKey: string; retryAfterSeconds: number } };

type CodeStep<T, S extends z.ZodTypeAny> = { ok: true; payload: T; lng: Language; value: z.infer<S>; form: FormData } | { ok: false; response: ReturnType<typeof data<CodeStepData>> | Response };

/**
 * The action of an SMS code page: "resend" asks for a new code (not within 60 s of the last,
 * checked here), otherwise the posted code (and any further fields of `schema`) completes
 * the challenge. Returns the payload on success, or the response to give.
 */
export async function handleCodeStep<T, S extends z.ZodTypeAny = typeof codeSchema>(request: Request, purpose: ChallengePurpose, restart: string, schema?: S): Promise<CodeStep<T, S>> {
  const form = await readForm(request);
  const id = challengeId(request);
  if (form.get("intent") === "resend") {
    const resent = await resendChallenge(request, id, purpose);
    if (resent.ok) {
      const url = new URL(request.url);
      return { ok: false, response: redirect(`${url.pathname}?c=${resent.id}&resent=1`) };
    }
    if (resent.error === "expired") return { ok: false, response: redirect(restart) };
    const check = { limited: true as const, retryAfterSeconds: resent.retryAfterSeconds };
    const messageKey = resent.error === "tooSoon" ? "common:limits.resendWait" : "common:limits.smsCodes";
    return { ok: false, response: data<CodeStepData>({ retry: { messageKey, retryAfterSeconds: resent.retryAfterSeconds } }, { status: resent.error === "tooSoon" ? 400 : 429, headers: retryHeaders(check) }) };
  }
  const submission = parseWithZod(form, { schema: schema ?? codeSchema });
  if (submission.status !== "success") return { ok: false, response: data<CodeStepData>({ errors: (submission.error ?? {}) as Record<string, string[]> }, { status: 400 }) };
  const result = await completeChallenge<T>(id, purpose, (submission.value as { code: string }).code);
  if (!result.ok) return { ok: false, response: data<CodeStepData>({ errors: { code: [`common:errors.code_${result.error}`] } }, { status: 400 }) };
  return { ok: true, payload: result.payload, lng: result.lng, value: submission.value, form };
}
