import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "~/components/nonce";
import { isLanguage } from "~/i18n/config";
import { detectLanguage } from "~/i18n/detect.server";
import { serverI18n } from "~/i18n/resources.server";
import { secrets } from "~/utils/config.server";
import { sms } from "~/utils/sms.server";

// Checked when the server starts, not at the first request: a production instance
// without its secrets or SMS gateway settings must refuse to start.
secrets();
sms();

const ABORT_DELAY = 5_000;

/** Whole pages, not streamed: they are small, and complete HTML suits users without JavaScript. */
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // The root loader's language (it also ran the detection), or ours when it did not run.
  const rootLng = (remixContext.staticHandlerContext.loaderData?.root as { lng?: unknown } | undefined)?.lng;
  const i18n = serverI18n(isLanguage(rootLng) ? rootLng : detectLanguage(request));
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const app = (
      <I18nextProvider i18n={i18n}>
        <NonceProvider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </NonceProvider>
      </I18nextProvider>
    );
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onAllReady() {
        shellRendered = true;
        const body = new PassThrough();
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) console.error(error);
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Logs the error and the path only: never the query string or form data, which can hold personal data. */
export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests and "no such page" are not faults of the server.
  if (request.signal.aborted || isRouteErrorResponse(error)) return;
  const path = new URL(request.url).pathname;
  console.error(`Error on ${request.method} ${path}:`, error instanceof Error ? error.stack : error);
};
