export const LANGUAGES = ["zh-CN", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "zh-CN";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** Where the browser fetches one namespace; `version` changes with any text, so the answer is cached for good. */
export function namespaceUrl(lng: Language, ns: string, version: string): string {
  return `/locales/${lng}/${ns}?v=${version}`;
}
