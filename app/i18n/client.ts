import { createInstance, type BackendModule, type i18n, type ReadCallback } from "i18next";
import { initReactI18next } from "react-i18next";
import { namespaceUrl, type Language } from "./config";
import { registerI18n } from "./registry";

type BackendOptions = { version: string };

/** Fetches a namespace from /locales/<lng>/<ns>?v=<version> (cached by the browser for good). */
class FetchBackend implements BackendModule<BackendOptions> {
  static type = "backend" as const;
  type = "backend" as const;
  private version = "";

  init(_services: unknown, options: BackendOptions) {
    this.version = options.version;
  }

  read(lng: string, ns: string, callback: ReadCallback) {
    fetch(namespaceUrl(lng as Language, ns, this.version), { credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${ns}: ${response.status}`))))
      .then((data) => callback(null, data), (error: Error) => callback(error, false));
  }
}

/**
 * The browser's one i18next instance, with the namespaces the server page named already
 * loaded (so hydration renders the same text); others are fetched when a page needs them.
 */
export async function createClientI18n(lng: Language, version: string, namespaces: string[]): Promise<i18n> {
  const instance = createInstance();
  await instance
    .use(initReactI18next)
    .use(FetchBackend)
    .init({
      lng,
      ns: namespaces,
      defaultNS: "common",
      fallbackLng: false,
      load: "currentOnly",
      partialBundledLanguages: true,
      backend: { version },
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  for (const ns of namespaces) if (!instance.hasResourceBundle(lng, ns)) throw new Error(`Translations ${ns} did not load`);
  registerI18n(instance);
  return instance;
}
