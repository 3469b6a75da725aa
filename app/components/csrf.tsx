import { useRouteLoaderData } from "@remix-run/react";
import type { RootLoaderData } from "~/root";

/** Hidden token that every POST form carries (checked by utils/forms.server.ts). */
export function CsrfInput() {
  const data = useRouteLoaderData("root") as RootLoaderData | undefined;
  return <input type="hidden" name="csrf" value={data?.csrf ?? ""} />;
}
