import { createHash } from "node:crypto";
import { createInstance, type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { services } from "~/services/registry";
import { LANGUAGES, type Language } from "./config";
import commonEn from "./locales/en/common.json";
import commonZh from "./locales/zh-CN/common.json";
import { registerI18n } from "./registry";

type Namespaces = Record<string, Record<string, unknown>>;

const resources: Record<Language, Namespaces> = {
  "zh-CN": { common: commonZh },
  en: { common: commonEn },
};
for (const service of services) {
  for (const lng of LANGUAGES) resources[lng][service.slug] = service.locales[lng];
}

/** Every namespace: common and one per service. */
export const namespaceNames: readonly string[] = Object.keys(resources["zh-CN"]);

/** Changes whenever any text changes: part of each namespace's address, so browsers may cache it for good. */
export const i18nVersion = createHash("sha256").update(JSON.stringify(resources)).digest("base64url").slice(0, 12);

const bodies = new Map<string, string>();
/** One namespace as the JSON the browser fetches (serialised once). */
export function namespaceJson(lng: Language, ns: string): string | undefined {
  const key = `${lng}|${ns}`;
  if (!bodies.has(key) && Object.hasOwn(resources[lng], ns)) bodies.set(key, JSON.stringify(resources[lng][ns]));
  return bodies.get(key);
}

// One instance per language for the whole process, made at start-up and shared by every
// render: they never change language, so concurrent requests cannot disturb each other.
const instances = Object.fromEntries(
  LANGUAGES.map((lng) => {
    const instance = createInstance();
    void instance.use(initReactI18next).init({
      lng,
      resources: { [lng]: resources[lng] },
      ns: namespaceNames as string[],
      defaultNS: "common",
      fallbackLng: false,
      interpolation: { escapeValue: false },
      initAsync: false,
      react: { useSuspense: false },
    });
    registerI18n(instance);
    return [lng, instance];
  }),
) as Record<Language, i18n>;

/** The server's instance for a language: every namespace loaded. */
export function serverI18n(lng: Language): i18n {
  return instances[lng];
}

/** A translate function for server-side text: SMS, PDFs, error messages. */
export function serverT(lng: Language): TFunction {
  return instances[lng].t;
}
