import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CodeForm } from "~/components/code-form";
import { rememberLocale, recordSignIn } from "~/utils/accounts.server";
import { safeRedirect } from "~/utils/auth.server";
import { handleCodeStep, requireOpenChallenge, type CodeStepData } from "~/utils/code-step.server";
import { titled } from "~/utils/meta";
import { startSession } from "~/utils/session.server";

export const meta = titled("titles.code");

export async function loader({ request }: LoaderFunctionArgs) {
  const { phoneMasked, resendInSeconds } = await requireOpenChallenge(request, "login", "/login");
  return { phoneMasked, resendInSeconds };
}

export async function action({ request }: ActionFunctionArgs) {
  const step = await handleCodeStep<{ userId: string; redirectTo: string }>(request, "login", "/login");
  if (!step.ok) return step.response;
  const { userId } = step.payload;
  // Checked again here: the target is decided before any session exists.
  const target = safeRedirect(step.payload.redirectTo, "/applications");
  await rememberLocale(userId, step.lng);
  await recordSignIn(request, { id: userId, kind: "citizen", role: "citizen" });
  return redirect(target, { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function LoginVerify() {
  const { phoneMasked, resendInSeconds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CodeStepData | undefined;
  return <CodeForm titleKey="code.loginTitle" phoneMasked={phoneMasked} resendInSeconds={resendInSeconds} errors={result?.errors} retry={result?.retry} />;
}
