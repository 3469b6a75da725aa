// Each page carries only the translation namespaces it uses (common + its service), as
// cacheable addresses rather than texts in the HTML; client-side navigation fetches a
// namespace the browser does not have yet before it shows the page.
import { expect, test, type Page } from "@playwright/test";
import { SERVICE_SLUG, signUp, startApplication } from "./helpers";

/** The namespaces the server's HTML names for the page at `path` (and the HTML's size). */
async function namespacesInHtml(page: Page, path: string) {
  const response = await page.request.get(path);
  const html = await response.text();
  const names = [...html.matchAll(/<link[^>]*data-i18n-ns="([^"]+)"/g)].map((match) => match[1]).sort();
  return { names, html };
}

/** The root loader's data as the browser's router holds it (after hydration). */
async function rootLoaderData(page: Page) {
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter);
  return page.evaluate(() => (window as unknown as { __remixRouter: { state: { loaderData: { root: Record<string, unknown> } } } }).__remixRouter.state.loaderData.root);
}

test("the home and sign-in pages carry their namespaces only, and no texts in the root data", async ({ page }) => {
  // The home page lists the services, with their titles: it names their namespaces too.
  const home = await namespacesInHtml(page, "/");
  const listed = new Set([...home.html.matchAll(/href="\/services\/([a-z-]+)"/g)].map((match) => match[1]));
  expect(listed.size).toBeGreaterThan(1);
  expect(home.names).toEqual([...listed, "common"].sort());
  for (const path of ["/login", "/signup", "/staff/login"]) expect((await namespacesInHtml(page, path)).names, path).toEqual(["common"]);

  await page.goto("/login");
  const root = await rootLoaderData(page);
  expect(Object.keys(root)).not.toContain("resources");
  // The header's texts are not in the data: a few hundred bytes, whatever the number of services.
  expect(JSON.stringify(root).length).toBeLessThan(600);
  expect(JSON.stringify(root)).not.toContain("武隆区生育服务一网通办");
  // …yet the page is translated, from the namespace fetched beside the scripts.
  await expect(page.getByRole("banner")).toContainText("武隆区生育服务一网通办");
  await expect(page).toHaveTitle(/登录 - 武隆区生育服务一网通办/);
});

test("a service start page and a form step carry common and that service", async ({ page }) => {
  const start = await namespacesInHtml(page, `/services/${SERVICE_SLUG}`);
  expect(start.names).toEqual([SERVICE_SLUG, "common"]);
  // The texts themselves are not in the HTML: only what the page shows.
  expect(start.html).not.toContain('"who1"');

  await signUp(page);
  const id = await startApplication(page);
  expect((await namespacesInHtml(page, `/apply/${id}/woman`)).names).toEqual([SERVICE_SLUG, "common"]);
  expect((await namespacesInHtml(page, "/applications")).names).toEqual([SERVICE_SLUG, "common"]);
});

test("the namespace addresses are cached for good while the texts do not change", async ({ page }) => {
  const { html } = await namespacesInHtml(page, "/login");
  const href = /<link[^>]*href="([^"]+)"[^>]*data-i18n-ns="common"/.exec(html)![1].replaceAll("&amp;", "&");
  const current = await page.request.get(href);
  expect(current.headers()["cache-control"]).toContain("immutable");
  expect((await current.json()).site.name).toBe("武隆区生育服务一网通办");
  // A page from before a deploy asks with an old version: today's texts, not cached.
  const stale = await page.request.get(href.replace(/v=[^&]+/, "v=old"));
  expect(stale.headers()["cache-control"]).toBe("no-cache");
  expect((await page.request.get("/locales/en/no-such-namespace?v=1")).status()).toBe(404);
  expect((await page.request.get("/locales/xx/common?v=1")).status()).toBe(404);
});

test("navigating in the browser from a common page to a service page brings the service's texts", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/locales/")) fetched.push(new URL(request.url()).pathname);
  });
  await page.goto("/login");
  await rootLoaderData(page);
  expect(fetched).toEqual(["/locales/zh-CN/common"]);
  // Client-side navigation (no document load): the start page needs birth-registration.
  await page.evaluate((slug) => (window as unknown as { __remixRouter: { navigate: (to: string) => Promise<void> } }).__remixRouter.navigate(`/services/${slug}`), SERVICE_SLUG);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生育服务登记");
  await expect(page.getByRole("button", { name: "开始办理" })).toBeVisible();
  await expect(page.locator("main")).not.toContainText(`${SERVICE_SLUG}:`);
  expect(fetched).toEqual(["/locales/zh-CN/common", `/locales/zh-CN/${SERVICE_SLUG}`]);

  // English pages fetch English texts.
  await page.goto("/login?lng=en");
  await expect(page.getByRole("banner")).toContainText("Wulong");
  expect(fetched).toContain("/locales/en/common");
});

test("the verification pages, opened from a certificate's QR code, ship no script and no translations to fetch", async ({ page }) => {
  for (const path of ["/verify", "/verify/AAAAAAAAAAAAAAAAAAAAAAAA"]) {
    const { names, html } = await namespacesInHtml(page, path);
    expect(names, path).toEqual([]);
    expect(html, path).not.toMatch(/<script[\s>]/);
    expect(html, path).not.toContain("modulepreload");
  }
  // Still complete and translated, and the form works as plain HTML.
  await page.goto("/verify?lng=en");
  await expect(page.getByRole("banner")).toContainText("Wulong");
  await page.locator("input[name=code]").fill("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "unknown");
});

test("arriving at a page without scripts by client-side navigation keeps the app working", async ({ page }) => {
  await page.goto("/login");
  await rootLoaderData(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "凭证查验" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("电子凭证查验");
  await page.locator("input[name=code]").fill("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA");
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByTestId("verify-result")).toHaveAttribute("data-result", "unknown");
});

test("when the translations cannot be fetched, the page stays as the server sent it and its forms still work", async ({ page }) => {
  await page.route("**/locales/**", (route) => route.abort());
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`/services/${SERVICE_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("生育服务登记");
  await expect.poll(() => errors.some((text) => text.includes("Translations did not load"))).toBe(true);
  // Not hydrated: the start button is a plain form post, which (signed out) leads to sign-in.
  expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false);
  await page.getByRole("button", { name: "开始办理" }).click();
  await page.waitForURL(/\/login/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("登录");
});
