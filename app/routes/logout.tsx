import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { audit } from "~/utils/audit.server";
import { getUser } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { endSession } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

/** Signing out ends every session of the account, on every device. */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request);
  const user = await getUser(request);
  const cookie = await endSession(request, true);
  if (user) await audit({ actorId: user.id, actorRole: user.role, action: "signout", subjectType: "user", subjectId: user.id, request });
  return redirect(user?.kind === "staff" ? "/staff/login" : "/", { headers: { "Set-Cookie": cookie } });
}
