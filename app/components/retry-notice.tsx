import { useTranslation } from "react-i18next";
import { retryWhen } from "~/lib/retry";

/**
 * A limit that was reached, said in the user's language with when to try again ("请在 15 分钟后重试").
 * `messageKey` takes {{when}}.
 */
export function RetryNotice({ messageKey, retryAfterSeconds }: { messageKey: string; retryAfterSeconds: number }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="mb-6 rounded-md border-4 border-seal-600 bg-white p-4 font-semibold text-seal-600" data-testid="retry-notice">
      {t(messageKey, { when: retryWhen(t, retryAfterSeconds) })}
    </div>
  );
}
