import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/fields";
import { PageTitle } from "~/components/page";
import { PasswordField } from "~/components/password-field";
import { notFound } from "~/engine/errors";
import { detectLanguage } from "~/i18n/detect.server";
import { accountChangeSchema, staffAccountSchema } from "~/utils/account-schemas";
import { requireStaff } from "~/utils/auth.server";
import { readForm } from "~/utils/forms.server";
import { jurisdictions, localName } from "~/utils/jurisdictions.server";
import { staffPasswordProblem } from "~/utils/password-policy.server";
import { changeStaffAccount, createStaffAccount, isUsernameTaken, listStaffAccounts } from "~/utils/staff-accounts.server";
import { ACCOUNT_ADMIN_ROLES, isStaffRole, STAFF_ROLES } from "~/utils/staff-roles";
import { titled } from "~/utils/meta";

export const meta = titled("titles.staffAdmin");

/** The places an administrator may put a staff account: their own jurisdiction and the townships in it. */
async function placesFor(scope: string, lng: string) {
  const index = await jurisdictions();
  return [index.county, ...index.townships].filter((row) => row.path.startsWith(scope)).map((row) => ({ value: row.path, label: localName(row, lng) }));
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireStaff(request, ACCOUNT_ADMIN_ROLES);
  const lng = detectLanguage(request);
  const places = await placesFor(admin.jurisdictionPath, lng);
  const placeName = new Map(places.map((place) => [place.value, place.label]));
  const accounts = (await listStaffAccounts(admin)).map((account) => ({ ...account, place: placeName.get(account.jurisdictionPath) ?? account.jurisdictionPath, self: account.id === admin.id }));
  return { accounts, places, roles: [...STAFF_ROLES] };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireStaff(request, ACCOUNT_ADMIN_ROLES);
  const form = await readForm(request);
  if (form.get("intent") === "create") {
    const submission = parseWithZod(form, { schema: staffAccountSchema });
    const values = { username: String(form.get("username") ?? "").slice(0, 64), name: String(form.get("name") ?? "").slice(0, 64), role: String(form.get("role") ?? "").slice(0, 32), jurisdiction: String(form.get("jurisdiction") ?? "").slice(0, 200) };
    if (submission.status !== "success") return data({ errors: submission.error ?? {}, values }, { status: 400 });
    const input = submission.value;
    const errors: Record<string, string[]> = {};
    if (!isStaffRole(input.role)) errors.role = ["common:errors.choose"];
    if (!(await placesFor(admin.jurisdictionPath, "zh-CN")).some((place) => place.value === input.jurisdiction)) errors.jurisdiction = ["common:errors.choose"];
    if (await isUsernameTaken(input.username)) errors.username = ["common:errors.usernameTaken"];
    const problem = staffPasswordProblem(input.password, [input.username, input.name]);
    if (problem) errors.password = [`common:errors.${problem}`];
    if (Object.keys(errors).length > 0) return data({ errors, values }, { status: 400 });
    await createStaffAccount(request, admin, { username: input.username, name: input.name, role: input.role, jurisdictionPath: input.jurisdiction, password: input.password });
    throw redirect(`/staff/admin/accounts?done=created`);
  }
  const submission = parseWithZod(form, { schema: accountChangeSchema });
  if (submission.status !== "success") throw new Response("Bad intent", { status: 400 });
  if (!(await changeStaffAccount(request, admin, submission.value.userId, submission.value.intent))) notFound();
  throw redirect(`/staff/admin/accounts?done=${submission.value.intent}`);
}

type ActionData = { errors?: Record<string, string[]>; values?: Record<string, string> };

function RowAction({ userId, intent, label }: { userId: string; intent: string; label: string }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" name="intent" value={intent} className="btn-secondary min-h-11 px-3 py-1 text-sm">
        {label}
      </button>
    </Form>
  );
}

export default function StaffAccounts() {
  const { t } = useTranslation();
  const { accounts, places, roles } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const done = params.get("done");
  const errors = result?.errors;
  return (
    <div>
      <PageTitle>{t("staffAdmin.title")}</PageTitle>
      {done ? (
        <p role="status" className="mb-6 rounded-md border-l-4 border-green-700 bg-green-50 p-3">
          {t(`staffAdmin.done.${done}`, { defaultValue: t("staffAdmin.done.saved") })}
        </p>
      ) : null}
      <div className="mb-8 overflow-x-auto">
        <table className="w-full border-collapse text-left" data-testid="staff-accounts">
          <caption className="sr-only">{t("staffAdmin.listCaption")}</caption>
          <thead>
            <tr className="border-b-2 border-slate-300">
              <th scope="col" className="p-2">{t("staffLogin.username")}</th>
              <th scope="col" className="p-2">{t("staffAdmin.name")}</th>
              <th scope="col" className="p-2">{t("staffAdmin.role")}</th>
              <th scope="col" className="p-2">{t("staffAdmin.jurisdiction")}</th>
              <th scope="col" className="p-2">{t("staffAdmin.status")}</th>
              <th scope="col" className="p-2">{t("staffAdmin.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id} className="border-b border-slate-200 align-top" data-username={account.username}>
                <td className="p-2 font-mono">{account.username}</td>
                <td className="p-2">{account.name}</td>
                <td className="p-2">{t(`roles.${account.role}`, { defaultValue: account.role })}</td>
                <td className="p-2">{account.place}</td>
                <td className="p-2">
                  <ul>
                    <li>{account.active ? t("staffAdmin.active") : t("staffAdmin.disabled")}</li>
                    {account.locked ? <li className="text-seal-600">{t("staffAdmin.locked")}</li> : null}
                    <li>{account.secondFactor ? t("staffAdmin.secondFactorOn") : t("staffAdmin.secondFactorOff")}</li>
                  </ul>
                </td>
                <td className="p-2">
                  <div className="flex flex-wrap gap-2">
                    {account.self ? null : account.active ? <RowAction userId={account.id} intent="disable" label={t("staffAdmin.disable")} /> : <RowAction userId={account.id} intent="enable" label={t("staffAdmin.enable")} />}
                    {account.locked ? <RowAction userId={account.id} intent="unlock" label={t("staffAdmin.unlock")} /> : null}
                    {account.secondFactor ? <RowAction userId={account.id} intent="resetSecondFactor" label={t("staffAdmin.resetSecondFactor")} /> : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="max-w-xl" aria-labelledby="create-title">
        <h2 id="create-title" className="mb-4 text-xl font-bold">
          {t("staffAdmin.createTitle")}
        </h2>
        <ErrorSummary errors={errors} labels={{ username: t("staffLogin.username"), name: t("staffAdmin.name"), role: t("staffAdmin.role"), jurisdiction: t("staffAdmin.jurisdiction"), password: t("staffAdmin.initialPassword") }} />
        <Form method="post" noValidate className="card">
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          <FormField field={{ name: "username", kind: "text", labelKey: "staffLogin.username", hintKey: "staffAdmin.usernameHint", autoComplete: "off", maxLength: 64, width: "medium" }} value={result?.values?.username ?? ""} errors={errors?.username} />
          <FormField field={{ name: "name", kind: "text", labelKey: "staffAdmin.name", autoComplete: "off", maxLength: 30, width: "medium" }} value={result?.values?.name ?? ""} errors={errors?.name} />
          <FormField field={{ name: "role", kind: "select", labelKey: "staffAdmin.role", options: roles.map((role) => ({ value: role, labelKey: `roles.${role}` })) }} value={result?.values?.role ?? ""} errors={errors?.role} />
          <FormField field={{ name: "jurisdiction", kind: "select", labelKey: "staffAdmin.jurisdiction", options: places }} value={result?.values?.jurisdiction ?? ""} errors={errors?.jurisdiction} />
          <PasswordField name="password" labelKey="staffAdmin.initialPassword" hintKey="staffPassword.hint" errors={errors?.password} autoComplete="new-password" />
          <button type="submit" className="btn-primary">
            {t("staffAdmin.create")}
          </button>
        </Form>
      </section>
    </div>
  );
}
