import { createInstance, type TFunction } from "i18next";
import { services } from "~/services/registry";
import { LANGUAGES, type Language } from "./config";
import commonEn from "./locales/en/common.json";
import commonZh from "./locales/zh-CN/common.json";

type Namespaces = Record<string, Record<string, unknown>>;

const resources: Record<Language, Namespaces> = {
  "zh-CN": { common: commonZh },
  en: { common: commonEn },
};
for (const service of services) {
  for (const lng of LANGUAGES) resources[lng][service.slug] = service.locales[lng];
}

/** The translations a page needs, sent once in the root loader's data (not in the JS bundle). */
export function resourcesFor(lng: Language): Namespaces {
  return resources[lng];
}

const instances = new Map<Language, TFunction>();

/** A translate function for server-side text: SMS, PDFs, error messages. */
export function serverT(lng: Language): TFunction {
  let t = instances.get(lng);
  if (!t) {
    const instance = createInstance();
    void instance.init({ lng, resources, defaultNS: "common", fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
    t = instance.t;
    instances.set(lng, t);
  }
  return t;
}
