import type { MetaFunction } from "@remix-run/node";
import { translate } from "~/i18n/registry";
import type { RootLoaderData } from "~/root";

/**
 * A page title in the page's language: "<page> - <site name>". `details` adds parts taken
 * from the page's data (translation keys or text).
 */
export function titled<Data = unknown>(key: string, details?: (data: Data) => { key?: string; text?: string }[]): MetaFunction {
  return ({ matches, data }) => {
    const root = matches.find((match) => match.id === "root")?.data as RootLoaderData | undefined;
    const site = translate(root?.lng, "site.name") ?? "";
    const page = translate(root?.lng, key);
    const extra = data && details ? details(data as Data).map((part) => part.text ?? (part.key ? translate(root?.lng, part.key) : undefined)).filter(Boolean) : [];
    return [{ title: page ? `${[page, ...extra].join(" · ")} - ${site}` : site }];
  };
}
