import { useTranslation } from "react-i18next";
import { HONEYPOT_FIELD } from "~/lib/honeypot";

/**
 * A field people never see or reach (off screen, hidden from assistive technology, out of
 * the tab order) but form-filling robots do; the server refuses a form that fills it
 * (`isHoneypotTripped` in utils/forms.server.ts).
 */
export function Honeypot() {
  const { t } = useTranslation();
  return (
    <div aria-hidden="true" style={{ position: "absolute", left: "-10000px", width: "1px", height: "1px", overflow: "hidden" }}>
      <label htmlFor="f-homepage">{t("honeypot.label")}</label>
      <input id="f-homepage" type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
