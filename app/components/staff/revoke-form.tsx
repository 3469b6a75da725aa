import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { NOTE_MAX } from "~/engine/review-form";

/** Revokes an issued certificate, with the reason the applicant will see. */
export function RevokeForm({ errors }: { errors?: Record<string, string[]> }) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="card mb-6" aria-labelledby="revoke-title">
      <CsrfInput />
      <h2 id="revoke-title" className="text-lg font-bold">
        {t("revoke.title")}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{t("revoke.explain")}</p>
      <label htmlFor="f-revokeNote" className="mt-3 block font-semibold">
        {t("revoke.reason")}
      </label>
      {errors?.revokeNote ? (
        <p id="f-revokeNote-error" className="font-semibold text-seal-600">
          {t(errors.revokeNote[0])}
        </p>
      ) : null}
      <textarea id="f-revokeNote" name="note" rows={3} maxLength={NOTE_MAX} className={`input mt-1 ${errors?.revokeNote ? "input-error" : ""}`} aria-describedby={errors?.revokeNote ? "f-revokeNote-error" : undefined} />
      <button type="submit" name="intent" value="revoke" className="btn-danger mt-4">
        {t("revoke.submit")}
      </button>
    </Form>
  );
}
