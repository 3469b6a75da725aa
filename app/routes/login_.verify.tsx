import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CodeForm } from "~/components/code-form";
import { isLanguage } from "~/i18n/config";
import { codeSchema } from "~/utils/account-schemas";
import { audit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { readForm } from "~/utils/forms.server";
import { challengeExists, completeChallenge } from "~/utils/otp.server";
import { startSession } from "~/utils/session.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.code");

export async function loader({ request }: LoaderFunctionArgs) {
  const id = new URL(request.url).searchParams.get("c") ?? "";
  if (!(await challengeExists(id, "login"))) throw redirect("/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const id = new URL(request.url).searchParams.get("c") ?? "";
  const submission = parseWithZod(form, { schema: codeSchema });
  if (submission.status !== "success") return data({ errors: submission.error ?? {} }, { status: 400 });
  const result = await completeChallenge<{ userId: string; redirectTo: string; lng: string }>(id, "login", submission.value.code);
  if (!result.ok) return data({ errors: { code: [`common:errors.code_${result.error}`] } }, { status: 400 });
  const { userId, redirectTo, lng } = result.payload;
  if (isLanguage(lng)) await db.user.update({ where: { id: userId }, data: { locale: lng } });
  await audit({ actorId: userId, actorRole: "citizen", action: "signin.citizen", subjectType: "user", subjectId: userId, request });
  return redirect(redirectTo, { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function LoginVerify() {
  const result = useActionData<typeof action>();
  return <CodeForm titleKey="code.loginTitle" errors={result?.errors as Record<string, string[]> | undefined} />;
}
