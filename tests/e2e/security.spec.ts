// HTTP-level protections that no single route owns: the Origin check in server.mjs,
// security headers and cookie attributes.
import { expect, test } from "@playwright/test";
import { signUp } from "./helpers";

test("state changes from another site are refused; pages carry security headers", async ({ page, request, playwright, baseURL }) => {
  const foreign = await request.post("/logout", { headers: { Origin: "http://evil.example" }, form: { csrf: "x" }, maxRedirects: 0 });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).toContain("请求被拒绝");
  expect(await foreign.text()).toContain("Request refused");
  const noOrigin = await request.fetch("/services/birth-registration/apply", { method: "POST", form: { csrf: "x" }, maxRedirects: 0, headers: { Origin: "" } });
  expect(noOrigin.status()).toBe(403);
  // Same origin but without the form token: refused by the form reader.
  const noToken = await request.post("/logout", { headers: { Origin: baseURL! }, form: {}, maxRedirects: 0 });
  expect(noToken.status()).toBe(403);

  const home = await request.get("/");
  const headers = home.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  // Scripts run only with this response's nonce: no 'unsafe-inline' for scripts.
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'(;|$)/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-powered-by"]).toBeUndefined();
  const firstVisit = await (await playwright.request.newContext({ baseURL })).get("/");
  expect(firstVisit.headers()["set-cookie"]).toMatch(/portal_csrf=[^;]+;.*HttpOnly; SameSite=Lax/);

  await signUp(page, "安全测");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "portal_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");

  const health = await request.get("/healthz");
  expect(await health.json()).toEqual({ status: "ok", database: "ok" });
});

test("pages hydrate under the nonce-based policy, with no violation reported", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  // A client-side navigation works only once the page has hydrated.
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.getByRole("link", { name: "生育服务登记" }).first().click();
  await expect(page).toHaveURL(/\/services\/birth-registration$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生育服务登记");
  expect(violations).toEqual([]);
});
