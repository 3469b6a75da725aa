import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";

/** Shows one masked value in full: a form post, so the reveal is an explicit, audited action. */
export function RevealButton({ field, label }: { field: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" replace preventScrollReset>
      <CsrfInput />
      <input type="hidden" name="field" value={field} />
      <button type="submit" name="intent" value="reveal" className="text-sm underline">
        {t("review.reveal")}
        <span className="sr-only"> {label}</span>
      </button>
    </Form>
  );
}
