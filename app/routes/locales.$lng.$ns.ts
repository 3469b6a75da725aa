import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { i18nVersion, namespaceJson } from "~/i18n/resources.server";

/**
 * One namespace's texts for the browser (app/i18n/client.ts), so that a page's HTML carries
 * none: the address holds the texts' version, and the browser keeps the answer for good.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const body = isLanguage(params.lng) ? namespaceJson(params.lng, params.ns ?? "") : undefined;
  if (!body) throw new Response("Not found", { status: 404 });
  const current = new URL(request.url).searchParams.get("v") === i18nVersion;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      // A page from before a deploy asks with its old version: answer today's texts, uncached.
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
