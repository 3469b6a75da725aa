import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { HONEYPOT_FIELD } from "~/lib/honeypot";
import { cookieValue } from "~/i18n/detect.server";
import { safeEqual, sign } from "./crypto.server";

export const CSRF_FIELD = "csrf";

/**
 * Size limits of a form as the app reads it; server.mjs enforces the same totals on every
 * request body while it streams in (docs/decisions/013-request-bodies.md).
 */
export const FORM_LIMITS = {
  /** A whole multipart form: uploads included. */
  multipartBytes: 40 * 1024 * 1024,
  /** One uploaded file as it arrives (photos above the stored limit may be reduced on the server). */
  fileBytes: 16 * 1024 * 1024,
  /** A form without files (urlencoded), and all text fields of a multipart form together. */
  textBytes: 4 * 1024 * 1024,
} as const;

/** The token every form carries, bound to the browser's CSRF cookie (set by server.mjs). */
export function csrfToken(request: Request): string {
  const cookie = cookieValue(request, "portal_csrf");
  return cookie ? sign(cookie, "csrf") : "";
}

function csrfRefused(): Response {
  // The error page explains it (root ErrorBoundary, errorPage.csrf).
  return new Response("csrf", { status: 403, statusText: "Invalid form token" });
}

function tooLarge(): Response {
  return new Response("tooLarge", { status: 413, statusText: "Form too large" });
}

function tokenMatches(expected: string, given: unknown): boolean {
  return !!expected && typeof given === "string" && safeEqual(given, expected);
}

async function readCapped(stream: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> | null, cap: number, count: (bytes: number) => void = () => {}): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  if (!stream) return chunks;
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    count(chunk.byteLength);
    if (size > cap) throw tooLarge();
    chunks.push(chunk);
  }
  return chunks;
}

/** What the multipart parser may hold without handing any of it on: garbage that never forms a part is refused. */
const MAX_UNPARSED_BYTES = 1024 * 1024;

/**
 * Multipart, parsed as it streams: text fields are read (capped together) and kept, but no
 * byte of a file is accepted before the CSRF token has been checked. Every form renders
 * the token before its inputs, so the browser sends it first. A body that the parser reads
 * without yielding parts (no boundary ever comes) is refused after MAX_UNPARSED_BYTES.
 */
async function readMultipart(request: Request, expected: string): Promise<FormData> {
  let verified = false;
  let textBytes = 0;
  let fileBytes = 0;
  let received = 0;
  let delivered = 0;
  const watched = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received - delivered > MAX_UNPARSED_BYTES) throw tooLarge();
        controller.enqueue(chunk);
      },
    }),
  );
  const handler: UploadHandler = async ({ name, filename, contentType, data }) => {
    if (typeof filename !== "string") {
      const chunks = await readCapped(data, FORM_LIMITS.textBytes, (bytes) => {
        delivered += bytes;
        textBytes += bytes;
        if (textBytes > FORM_LIMITS.textBytes) throw tooLarge();
      });
      const value = Buffer.concat(chunks).toString("utf8");
      if (name !== CSRF_FIELD) return value;
      if (!tokenMatches(expected, value)) throw csrfRefused();
      verified = true;
      return undefined;
    }
    if (!verified) throw csrfRefused();
    const chunks = await readCapped(data, FORM_LIMITS.fileBytes, (bytes) => {
      delivered += bytes;
      fileBytes += bytes;
      if (fileBytes > FORM_LIMITS.multipartBytes) throw tooLarge();
    });
    return new File([Buffer.concat(chunks)], filename, { type: contentType });
  };
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(new Request(request.url, { method: request.method, headers: request.headers, body: watched, duplex: "half" } as RequestInit), handler);
  } catch (error) {
    if (error instanceof Response) throw error;
    throw new Response("Bad form", { status: 400 });
  }
  if (!verified) throw csrfRefused();
  return form;
}

async function readUrlEncoded(request: Request, expected: string): Promise<FormData> {
  let text: string;
  try {
    text = Buffer.concat(await readCapped(request.body, FORM_LIMITS.textBytes)).toString("utf8");
  } catch (error) {
    if (error instanceof Response) throw error;
    throw new Response("Bad form", { status: 400 });
  }
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(text)) form.append(name, value);
  if (!tokenMatches(expected, form.get(CSRF_FIELD))) throw csrfRefused();
  form.delete(CSRF_FIELD);
  return form;
}

/**
 * Reads a submitted form (urlencoded or multipart) within the size limits and checks its
 * CSRF token. Every action reads its form through here, so none can skip the check.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  const expected = csrfToken(request);
  if (type.startsWith("multipart/form-data")) return readMultipart(request, expected);
  if (type.startsWith("application/x-www-form-urlencoded")) return readUrlEncoded(request, expected);
  throw new Response("Bad form", { status: 400 });
}

/** Whether a robot filled the honeypot field of a public form (components/honeypot.tsx). */
export function isHoneypotTripped(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return typeof value === "string" ? value.length > 0 : value !== null;
}
