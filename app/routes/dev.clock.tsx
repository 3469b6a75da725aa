import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { PageTitle } from "~/components/page";
import { notFound } from "~/engine/errors";
import { detectLanguage } from "~/i18n/detect.server";
import { formatDateTime } from "~/lib/dates";
import { currentTime, moveClock, resetClock } from "~/utils/clock.server";
import { readForm } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { outboxEnabled } from "~/utils/sms.server";

export const meta = titled("titles.clock");

/** Demo and test only (like the SMS outbox): move the portal's calendar forward to see a public notice end. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!outboxEnabled()) notFound();
  return { now: formatDateTime(await currentTime(), detectLanguage(request)) };
}

export async function action({ request }: ActionFunctionArgs) {
  if (!outboxEnabled()) notFound();
  const form = await readForm(request);
  const days = Number(form.get("days"));
  if (form.get("intent") === "reset") await resetClock();
  else if (Number.isInteger(days) && days > 0 && days <= 400) await moveClock(days);
  return redirect("/dev/clock");
}

export default function Clock() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div className="max-w-xl">
      <PageTitle>{t("clock.title")}</PageTitle>
      <p className="mb-4">{t("clock.intro")}</p>
      <p className="mb-4 text-lg" data-testid="clock-now">
        {t("clock.now", { time: page.now })}
      </p>
      <Form method="post" className="card flex flex-wrap items-end gap-3">
        <CsrfInput />
        <div>
          <label htmlFor="days" className="block font-semibold">
            {t("clock.days")}
          </label>
          <input id="days" name="days" type="number" min={1} max={400} defaultValue={8} className="input mt-1 w-28" />
        </div>
        <button type="submit" name="intent" value="move" className="btn-primary">
          {t("clock.move")}
        </button>
        <button type="submit" name="intent" value="reset" className="btn-secondary">
          {t("clock.reset")}
        </button>
      </Form>
    </div>
  );
}
