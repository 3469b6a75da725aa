import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CodeForm } from "~/components/code-form";
import { createCitizen, recordSignIn } from "~/utils/accounts.server";
import { handleCodeStep, requireOpenChallenge, type CodeStepData } from "~/utils/code-step.server";
import { titled } from "~/utils/meta";
import { startSession } from "~/utils/session.server";

export const meta = titled("titles.verifyPhone");

type Pending = { name: string; phone: string; passwordHash: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const { phoneMasked, resendInSeconds } = await requireOpenChallenge(request, "signup", "/signup");
  return { phoneMasked, resendInSeconds };
}

export async function action({ request }: ActionFunctionArgs) {
  const step = await handleCodeStep<Pending>(request, "signup", "/signup");
  if (!step.ok) return step.response;
  const { name, phone, passwordHash } = step.payload;
  // The number may have been registered meanwhile (a second sign-up in another tab).
  const userId = await createCitizen({ name, phone, passwordHash, locale: step.lng }, request);
  if (!userId) throw redirect("/login");
  await recordSignIn(request, { id: userId, kind: "citizen", role: "citizen" });
  return redirect("/applications?welcome=1", { headers: { "Set-Cookie": await startSession(userId) } });
}

export default function SignupVerify() {
  const { phoneMasked, resendInSeconds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as CodeStepData | undefined;
  return <CodeForm titleKey="code.signupTitle" phoneMasked={phoneMasked} resendInSeconds={resendInSeconds} errors={result?.errors} retry={result?.retry} />;
}
