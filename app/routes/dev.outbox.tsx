import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageTitle } from "~/components/page";
import { notFound } from "~/engine/errors";
import { outboxEnabled, outboxMessages } from "~/utils/sms.server";
import { titled } from "~/utils/meta";

export const meta = titled("titles.outbox");

/** Demo and development modes only (PORTAL_MODE): the messages the outbox SMS adapter would have sent. */
export async function loader() {
  if (!outboxEnabled()) notFound();
  return { messages: await outboxMessages() };
}

export default function Outbox() {
  const { t } = useTranslation();
  const { messages } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t("outbox.title")}</PageTitle>
      <p className="mb-6">{t("outbox.intro")}</p>
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      <ol className="space-y-3">
        {messages.map((message) => (
          <li key={message.id} className="card" data-testid="sms">
            <p className="text-sm text-slate-600">
              {message.to} · <time dateTime={message.at}>{message.at.replace("T", " ").slice(0, 19)}</time>
            </p>
            <p className="mt-1" data-testid="sms-body">{message.body}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
