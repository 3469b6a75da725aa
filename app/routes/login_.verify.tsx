import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CodeForm } from "~/components/code-form";
import { isLanguage } from "~/i18n/config";
import { rememberLocale } from "~/utils/accounts.server";
import { audit } from "~/utils/audit.server";
import { requireOpenChallenge, submittedCode } from "~/utils/code-step.server";
import { titled } from "~/utils/meta";
import { startSession } from "~/utils/session.server";

export const meta = titled("titles.code");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOpenChallenge(request, "login", "/login");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const result = await submittedCode<{ userId: string; redirectTo: string; lng: string }>(request, "login");
  if (!result.ok) return result.response;
  const { userId, redirectTo, lng } = result.payload;
  if (isLanguage(lng)) await rememberLocale(userId, lng);
  await audit({ actorId: userId, actorRole: "citizen", action: "signin.citizen", subjectType: "user", subjectId: userId, request });
  return redirect(redirectTo, { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function LoginVerify() {
  const result = useActionData<typeof action>();
  return <CodeForm titleKey="code.loginTitle" errors={result?.errors as Record<string, string[]> | undefined} />;
}
