// Signing in through the portal's own pages, as a person would (no shortcut into the database).
import { randomInt } from "node:crypto";
import { Browser, expectRedirect } from "./http";
import type { Portal } from "./servers";

export const DEMO_PASSWORD = "Demo#2026";
export const DEMO_CITIZEN_PHONE = "13800000001";

async function enterCode(browser: Browser, portal: Portal, phone: string, verifyUrl: string) {
  const code = portal.sms.codeFor(phone);
  if (!code) throw new Error(`no SMS code for ${phone.slice(0, 3)}…`);
  return expectRedirect(await browser.post(verifyUrl, { code }), "SMS code");
}

export async function staffBrowser(portal: Portal, username: string): Promise<Browser> {
  const browser = new Browser(portal.base);
  expectRedirect(await browser.post("/staff/login", { username, password: DEMO_PASSWORD }), `staff sign-in ${username}`, /\/staff\/queue/);
  return browser;
}

export async function citizenBrowser(portal: Portal, phone = DEMO_CITIZEN_PHONE, password = DEMO_PASSWORD): Promise<Browser> {
  const browser = new Browser(portal.base);
  const verify = expectRedirect(await browser.post("/login", { phone, password }), "citizen sign-in", /\/login\/verify\?c=/);
  await enterCode(browser, portal, phone, verify);
  return browser;
}

/** A new citizen account (its own phone number), signed in. */
export async function newCitizen(portal: Portal): Promise<Browser> {
  const browser = new Browser(portal.base);
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
  const password = "Bench#2026pw";
  const verify = expectRedirect(await browser.post("/signup", { name: "压测", phone, password, confirm: password }), "sign-up", /\/signup\/verify\?c=/);
  await enterCode(browser, portal, phone, verify);
  return browser;
}
