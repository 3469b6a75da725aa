import { describe, expect, it } from "vitest";
import * as login from "~/routes/login";
import * as loginVerify from "~/routes/login_.verify";
import * as signup from "~/routes/signup";
import * as signupVerify from "~/routes/signup_.verify";
import * as staffLogin from "~/routes/staff.login";
import * as healthz from "~/routes/healthz";
import { db } from "~/utils/db.server";
import { locationOf, postRequest, settle, statusOf } from "./helpers";

async function lastCode(): Promise<string> {
  const message = await db.smsOutbox.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  return /\d{6}/.exec(message.body)![0];
}

describe("accounts", () => {
  it("signs up with an SMS code, stores the phone encrypted and starts a session", async () => {
    const phone = "13912345678";
    const started = await settle(() => signup.action({ request: postRequest("/signup", { name: "王小明", phone, password: "abc12345", confirm: "abc12345" }), params: {}, context: {} }));
    const next = locationOf(started)!;
    expect(next).toMatch(/^\/signup\/verify\?c=/);
    const wrong = await settle(() => signupVerify.action({ request: postRequest(next, { code: "000000" }), params: {}, context: {} }));
    expect(statusOf(wrong)).toBe(400);
    const code = await lastCode();
    const done = (await settle(() => signupVerify.action({ request: postRequest(next, { code }), params: {}, context: {} }))) as Response;
    expect(done.headers.get("Set-Cookie")).toMatch(/portal_session=.+HttpOnly/i);
    expect(done.headers.get("Set-Cookie")).toMatch(/SameSite=Lax/i);
    const user = await db.user.findFirstOrThrow({ where: { name: "王小明" } });
    expect(user.phoneEnc).not.toContain(phone);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("signs a citizen in with password and SMS code", async () => {
    const started = await settle(() => login.action({ request: postRequest("/login", { phone: "13800000002", password: "Demo#2026" }), params: {}, context: {} }));
    const next = locationOf(started)!;
    expect(next).toMatch(/^\/login\/verify\?c=/);
    const code = await lastCode();
    const done = (await settle(() => loginVerify.action({ request: postRequest(next, { code }), params: {}, context: {} }))) as Response;
    expect(done.headers.get("Location")).toBe("/applications");
    expect(await db.auditLog.count({ where: { action: "signin.citizen" } })).toBeGreaterThan(0);
  });

  it("limits failed staff sign-ins per account and address, in the database", async () => {
    const attempt = () => settle(() => staffLogin.action({ request: postRequest("/staff/login", { username: "window.fengshan", password: "wrong-password1" }), params: {}, context: {} }));
    for (let index = 0; index < 5; index += 1) expect(statusOf(await attempt())).toBe(400);
    expect(statusOf(await attempt())).toBe(429);
    // The right password is refused too at this (never used) address while it is held back.
    const right = await settle(() => staffLogin.action({ request: postRequest("/staff/login", { username: "window.fengshan", password: "Demo#2026" }), params: {}, context: {} }));
    expect(statusOf(right)).toBe(429);
    // One counter for the account at this address, one for the account at unknown addresses.
    expect(await db.signInThrottle.count({ where: { key: { startsWith: "staff:window.fengshan|" } } })).toBe(2);
    await db.signInThrottle.deleteMany({});
    await db.rateLimit.deleteMany({});
  });

  it("answers /healthz with the database status", async () => {
    const response = (await healthz.loader()) as Response;
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});

describe("sessions and limits", () => {
  it("signs out everywhere: every session of the account ends", async () => {
    const { sessionFor } = await import("./helpers");
    const first = await sessionFor({ username: "reviewer.baima" });
    const second = await sessionFor({ username: "reviewer.baima" });
    expect(first.cookie).not.toBe(second.cookie);
    const logout = await import("~/routes/logout");
    const result = (await settle(() => logout.action({ request: postRequest("/logout", {}, first), params: {}, context: {} }))) as Response;
    expect(result.headers.get("Set-Cookie")).toMatch(/portal_session=;/);
    expect(await db.session.count({ where: { userId: second.userId } })).toBe(0);
  });

  it("limits failed sign-ins per address across accounts", async () => {
    await db.rateLimit.deleteMany({});
    const attempt = (phone: string) => settle(() => login.action({ request: postRequest("/login", { phone, password: "wrong-password1" }), params: {}, context: {} }));
    // Different accounts, one address: the per-account limit (5) is never reached.
    for (let index = 0; index < 30; index += 1) expect(statusOf(await attempt(`1370000${String(index).padStart(4, "0")}`))).toBe(400);
    expect(statusOf(await attempt("13700009999"))).toBe(429);
    await db.rateLimit.deleteMany({});
  });
});

describe("SMS codes", () => {
  it("sends at most five codes an hour to one phone", async () => {
    await db.rateLimit.deleteMany({});
    const request = () => settle(() => signup.action({ request: postRequest("/signup", { name: "赵小测", phone: "13655550000", password: "abc12345", confirm: "abc12345" }), params: {}, context: {} }));
    for (let index = 0; index < 5; index += 1) expect(statusOf(await request())).toBe(302);
    const refused = (await request()) as { data: { retry: { messageKey: string; retryAfterSeconds: number } }; init: ResponseInit };
    expect(refused.init.status).toBe(429);
    expect(refused.data.retry.messageKey).toBe("common:limits.smsCodes");
    // When to try again: the hour's window is still almost whole.
    expect(refused.data.retry.retryAfterSeconds).toBeGreaterThan(55 * 60);
    expect(await db.smsOutbox.count({ where: { phoneMasked: "136****0000" } })).toBe(5);
    await db.rateLimit.deleteMany({});
  });
});
