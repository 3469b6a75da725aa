import type { i18n } from "i18next";
import type { Language } from "./config";

// Meta functions run outside React and cannot reach the provider's instance: the server's
// per-language instances and the browser's single one register here.
const instances = new Map<string, i18n>();

export function registerI18n(instance: i18n) {
  instances.set(instance.language, instance);
}

/** The text for `key` in `lng`, or undefined when that language or namespace is not loaded. */
export function translate(lng: Language | undefined, key: string): string | undefined {
  const instance = lng ? instances.get(lng) : undefined;
  return instance?.exists(key) ? instance.t(key) : undefined;
}
