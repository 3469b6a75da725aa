import { cookieValue } from "~/i18n/detect.server";
import { safeEqual, sign } from "./crypto.server";

export const CSRF_FIELD = "csrf";

/** The token every form carries, bound to the browser's CSRF cookie (set by server.mjs). */
export function csrfToken(request: Request): string {
  const cookie = cookieValue(request, "portal_csrf");
  return cookie ? sign(cookie, "csrf") : "";
}

/**
 * Reads a submitted form (urlencoded or multipart) and checks its CSRF token. Every
 * action reads its form through here, so none can skip the check.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad form", { status: 400 });
  }
  const expected = csrfToken(request);
  const given = form.get(CSRF_FIELD);
  if (!expected || typeof given !== "string" || !safeEqual(given, expected)) {
    // The error page explains it (root ErrorBoundary, errorPage.csrf).
    throw new Response("csrf", { status: 403, statusText: "Invalid form token" });
  }
  form.delete(CSRF_FIELD);
  return form;
}
