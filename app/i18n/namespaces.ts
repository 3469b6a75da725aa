/** A translation key with its namespace: "birth-registration:title", "common:errors.required". */
const NAMESPACED_KEY = /^([a-z][a-z0-9-]*):[A-Za-z]/;

/**
 * The namespaces a page needs: common, and every namespace named by a key in the page's
 * loader data. Routes never name a service (the engine hands them `birth-registration:…`
 * keys), so every service text a page shows reaches it as such a key. `known` keeps
 * strings that only look like keys from asking for a namespace that does not exist.
 */
export function pageNamespaces(loaderData: unknown[], known: readonly string[]): string[] {
  const found = new Set<string>(["common"]);
  const visit = (value: unknown, depth: number) => {
    if (typeof value === "string") {
      const ns = NAMESPACED_KEY.exec(value)?.[1];
      if (ns && known.includes(ns)) found.add(ns);
    } else if (value && typeof value === "object" && depth < 12) {
      for (const item of Object.values(value)) visit(item, depth + 1);
    }
  };
  for (const data of loaderData) visit(data, 0);
  return [...found].sort();
}
