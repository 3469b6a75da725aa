import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import { codeSchema } from "./account-schemas";
import { readForm } from "./forms.server";
import { challengeExists, completeChallenge, type ChallengePurpose } from "./otp.server";

/** The challenge id in `?c=`; a missing or spent one sends the user back to `restart`. */
export async function requireOpenChallenge(request: Request, purpose: ChallengePurpose, restart: string): Promise<void> {
  const id = new URL(request.url).searchParams.get("c") ?? "";
  if (!(await challengeExists(id, purpose))) throw redirect(restart);
}

/**
 * Reads the posted SMS code and completes the challenge: the payload on success, or the
 * 400 response with the field error to return.
 */
export async function submittedCode<T>(request: Request, purpose: ChallengePurpose) {
  const form = await readForm(request);
  const id = new URL(request.url).searchParams.get("c") ?? "";
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return { ok: false as const, response: data({ errors: submission.error ?? {} }, { status: 400 }) };
  const result = await completeChallenge<T>(id, purpose, submission.value.code);
  if (!result.ok) return { ok: false as const, response: data({ errors: { code: [`common:errors.code_${result.error}`] } as Record<string, string[]> }, { status: 400 }) };
  return { ok: true as const, payload: result.payload };
}
