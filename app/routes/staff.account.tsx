import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { requireStaff } from "~/utils/auth.server";
import { staffAccountOf } from "~/utils/staff-accounts.server";
import { ACCOUNT_ADMIN_ROLES } from "~/utils/staff-roles";
import { titled } from "~/utils/meta";

export const meta = titled("titles.staffAccount");

/** The signed-in staff member's own account: password, two-factor sign-in, and account administration for administrators. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const account = await staffAccountOf(staff);
  return { name: staff.name, username: account.username, role: staff.role, secondFactor: account.secondFactor, administers: (ACCOUNT_ADMIN_ROLES as readonly string[]).includes(staff.role) };
}

export default function StaffAccount() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="max-w-xl">
      <PageTitle>{t("staffAccount.title")}</PageTitle>
      <dl className="card mb-6 grid gap-2 sm:grid-cols-2">
        <dt className="font-semibold">{t("staffLogin.username")}</dt>
        <dd className="font-mono">{page.username}</dd>
        <dt className="font-semibold">{t("staffAdmin.name")}</dt>
        <dd>{page.name}</dd>
        <dt className="font-semibold">{t("staffAdmin.role")}</dt>
        <dd>{t(`roles.${page.role}`, { defaultValue: page.role })}</dd>
        <dt className="font-semibold">{t("twoFactor.title")}</dt>
        <dd>{page.secondFactor ? t("staffAdmin.on") : t("staffAdmin.off")}</dd>
      </dl>
      <ul className="space-y-3">
        <li>
          <Link to="/staff/password">{t("staffAccount.changePassword")}</Link>
        </li>
        <li>
          <Link to="/staff/two-factor">{t("staffAccount.twoFactor")}</Link>
        </li>
        {page.administers ? (
          <li>
            <Link to="/staff/admin/accounts">{t("staffAccount.administer")}</Link>
          </li>
        ) : null}
      </ul>
    </div>
  );
}
