import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CodeForm } from "~/components/code-form";
import type { Language } from "~/i18n/config";
import { createCitizen } from "~/utils/accounts.server";
import { requireOpenChallenge, submittedCode } from "~/utils/code-step.server";
import { titled } from "~/utils/meta";
import { startSession } from "~/utils/session.server";

export const meta = titled("titles.verifyPhone");

type Pending = { name: string; phone: string; passwordHash: string; lng: Language };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOpenChallenge(request, "signup", "/signup");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const result = await submittedCode<Pending>(request, "signup");
  if (!result.ok) return result.response;
  const { name, phone, passwordHash, lng } = result.payload;
  // The number may have been registered meanwhile (a second sign-up in another tab).
  const userId = await createCitizen({ name, phone, passwordHash, locale: lng }, request);
  if (!userId) throw redirect("/login");
  return redirect("/applications?welcome=1", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function SignupVerify() {
  const result = useActionData<typeof action>();
  return <CodeForm titleKey="code.signupTitle" errors={result?.errors as Record<string, string[]> | undefined} />;
}
