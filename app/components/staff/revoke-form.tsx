import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf";
import { NoteField } from "./note-field";

/** Closes a returned case whose correction period has lapsed (办结, not corrected), with a note. */
export function CloseForm({ errors }: { errors?: Record<string, string[]> }) {
  const { t } = useTranslation();
  return (
    <Form method="post" noValidate className="card mb-6" aria-labelledby="close-title">
      <CsrfInput />
      <h2 id="close-title" className="text-lg font-bold">
        {t("closeCase.title")}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{t("closeCase.explain")}</p>
      <NoteField id="f-revokeNote" labelKey="closeCase.reason" error={errors?.revokeNote?.[0]} />
      <button type="submit" name="intent" value="close" className="btn-danger mt-4">
        {t("closeCase.submit")}
      </button>
    </Form>
  );
}

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
      <NoteField id="f-revokeNote" labelKey="revoke.reason" error={errors?.revokeNote?.[0]} />
      <button type="submit" name="intent" value="revoke" className="btn-danger mt-4">
        {t("revoke.submit")}
      </button>
    </Form>
  );
}
