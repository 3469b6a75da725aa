import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "./config";

/** One i18next instance per render, synchronously filled with the loader's resources. */
export function createI18n(lng: Language, resources: Record<string, Record<string, unknown>>): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng,
    resources: { [lng]: resources },
    defaultNS: "common",
    fallbackLng: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    react: { useSuspense: false },
  });
  return instance;
}
