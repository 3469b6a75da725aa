import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { createClientI18n } from "~/i18n/client";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/config";

// The page names its translation namespaces in <link data-i18n-ns> (see app/root.tsx); they
// are already being fetched. Hydrate once they are here, so the first render matches the
// server's HTML. If they cannot be loaded, the page stays as the server sent it: every
// form works without JavaScript.
const links = [...document.querySelectorAll<HTMLLinkElement>("link[data-i18n-ns]")];
const lang = document.documentElement.lang;
const version = links.length > 0 ? (new URL(links[0].href).searchParams.get("v") ?? "") : "";

createClientI18n(isLanguage(lang) ? lang : DEFAULT_LANGUAGE, version, links.map((link) => link.dataset.i18nNs ?? "common")).then(
  (i18n) =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <I18nextProvider i18n={i18n}>
            <RemixBrowser />
          </I18nextProvider>
        </StrictMode>,
      );
    }),
  (error: unknown) => console.error("Translations did not load; the page works without scripts.", error),
);
