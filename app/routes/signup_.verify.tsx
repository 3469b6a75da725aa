import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CodeForm } from "~/components/code-form";
import type { Language } from "~/i18n/config";
import { codeSchema } from "~/utils/account-schemas";
import { audit } from "~/utils/audit.server";
import { encryptText, lookupHash, newId } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { challengeExists, completeChallenge } from "~/utils/otp.server";
import { startSession } from "~/utils/session.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.verifyPhone");

type Pending = { name: string; phone: string; passwordHash: string; lng: Language };

export async function loader({ request }: LoaderFunctionArgs) {
  const id = new URL(request.url).searchParams.get("c") ?? "";
  if (!(await challengeExists(id, "signup"))) throw redirect("/signup");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const id = new URL(request.url).searchParams.get("c") ?? "";
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data({ errors: submission.error ?? {} }, { status: 400 });
  const result = await completeChallenge<Pending>(id, "signup", submission.value.code);
  if (!result.ok) return data({ errors: { code: [`common:errors.code_${result.error}`] } }, { status: 400 });
  const { name, phone, passwordHash, lng } = result.payload;
  const phoneHash = lookupHash(phone);
  if (await db.user.findUnique({ where: { phoneHash }, select: { id: true } })) throw redirect("/login");
  const userId = newId();
  await db.user.create({
    data: { id: userId, kind: "citizen", role: "citizen", name, phoneEnc: encryptText(phone), phoneHash, phoneVerifiedAt: new Date(), passwordHash, locale: lng },
  });
  await audit({ actorId: userId, actorRole: "citizen", action: "account.signup", subjectType: "user", subjectId: userId, request });
  return redirect("/applications?welcome=1", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function SignupVerify() {
  const result = useActionData<typeof action>();
  return <CodeForm titleKey="code.signupTitle" errors={result?.errors as Record<string, string[]> | undefined} />;
}
