import type { MetaFunction } from "@remix-run/node";
import type { RootLoaderData } from "~/root";

type Resources = Record<string, Record<string, unknown>>;

function lookup(resources: Resources | undefined, key: string): string | undefined {
  const [ns, path] = key.includes(":") ? key.split(":", 2) : ["common", key];
  let node: unknown = resources?.[ns];
  for (const part of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/**
 * A page title in the page's language: "<page> - <site name>", from the root loader's
 * translations. `details` adds parts taken from the page's data (translation keys or text).
 */
export function titled<Data = unknown>(key: string, details?: (data: Data) => { key?: string; text?: string }[]): MetaFunction {
  return ({ matches, data }) => {
    const root = matches.find((match) => match.id === "root")?.data as RootLoaderData | undefined;
    const site = lookup(root?.resources, "site.name") ?? "";
    const page = lookup(root?.resources, key);
    const extra = data && details ? details(data as Data).map((part) => part.text ?? (part.key ? lookup(root?.resources, part.key) : undefined)).filter(Boolean) : [];
    return [{ title: page ? `${[page, ...extra].join(" · ")} - ${site}` : site }];
  };
}
