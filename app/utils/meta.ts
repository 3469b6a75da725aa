import type { MetaFunction } from "@remix-run/node";
import { translate } from "~/i18n/registry";
import type { RootLoaderData } from "~/root";

/** A page title in the page's language: "<page> - <site name>". */
export function titled(key: string): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((match) => match.id === "root")?.data as RootLoaderData | undefined;
    const site = translate(root?.lng, "site.name") ?? "";
    const page = translate(root?.lng, key);
    return [{ title: page ? `${page} - ${site}` : site }];
  };
}
