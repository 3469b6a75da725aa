// Sign-in as an attacker and as the owner meet it: redirects, session lifetime, throttling
// by account and address, two-factor sign-in, account administration and password changes.
import { generate } from "otplib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as login from "~/routes/login";
import * as loginVerify from "~/routes/login_.verify";
import * as staffAccounts from "~/routes/staff.admin.accounts";
import * as staffLogin from "~/routes/staff.login";
import * as staffPassword from "~/routes/staff.password";
import * as staffQueue from "~/routes/staff.queue";
import * as twoFactorSignIn from "~/routes/staff.login_.two-factor";
import * as twoFactorSettings from "~/routes/staff.two-factor";
import { getUser, hashPassword } from "~/utils/auth.server";
import { decryptText, newId } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { addressKey } from "~/utils/rate-limit.server";
import { startSession } from "~/utils/session.server";
import { getRequest, locationOf, postRequest, settle, statusOf, type Session } from "./helpers";

const STRONG = "Lantern-Orchard-Pebble-42";

/** The same request as coming from a given client address (server.mjs sets this header from the socket). */
function from(address: string, request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set("x-portal-client-ip", address);
  return new Request(request, { headers });
}

function cookieOf(response: Response, name: string): string | undefined {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .find((pair) => pair.startsWith(`${name}=`));
}

async function makeStaff(role: string, jurisdictionPath = "500156/500156001/"): Promise<{ id: string; username: string }> {
  const username = `t.${role}.${newId().slice(0, 8).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
  const id = newId();
  await db.user.create({ data: { id, kind: "staff", username, name: "测试人员", role, jurisdictionPath, passwordHash: await hashPassword(STRONG) } });
  return { id, username };
}

async function staffSignIn(username: string, password: string, address = "10.0.0.1", redirectTo = "") {
  return settle(() => staffLogin.action({ request: from(address, postRequest("/staff/login", { username, password, redirectTo })), params: {}, context: {} }));
}

async function lastCodeFor(phoneMasked: string): Promise<string> {
  const message = await db.smsOutbox.findFirstOrThrow({ where: { phoneMasked }, orderBy: { createdAt: "desc" } });
  return /\d{6}/.exec(message.body)![0];
}

beforeEach(async () => {
  await db.rateLimit.deleteMany({});
  await db.signInThrottle.deleteMany({});
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("redirect after sign-in", () => {
  const foreign = ["//evil.example/", "/\\evil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/\t/evil.example", "/%09/evil.example", "/.//evil.example", "https://evil.example", "/\r\nSet-Cookie: owned=1", "/applications%0d%0aSet-Cookie:%20owned=1"];

  it.each(foreign)("staff sign-in never follows %j, never fails and starts exactly one session", async (redirectTo) => {
    const staff = await makeStaff("window_staff");
    const before = await db.session.count({ where: { userId: staff.id } });
    const result = await staffSignIn(staff.username, STRONG, "10.0.0.1", redirectTo);
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe("/staff/queue");
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(before + 1);
  });

  it("staff sign-in follows a path of the portal", async () => {
    const staff = await makeStaff("window_staff");
    expect(locationOf(await staffSignIn(staff.username, STRONG, "10.0.0.1", "/staff/queue?status=in_review"))).toBe("/staff/queue?status=in_review");
  });

  it.each(foreign)("citizen sign-in never follows %j and never fails", async (redirectTo) => {
    const started = await settle(() => login.action({ request: postRequest("/login", { phone: "13800000001", password: "Demo#2026", redirectTo }), params: {}, context: {} }));
    const next = locationOf(started)!;
    expect(next).toMatch(/^\/login\/verify\?c=/);
    const code = await lastCodeFor("138****0001");
    const done = await settle(() => loginVerify.action({ request: postRequest(next, { code }), params: {}, context: {} }));
    expect(statusOf(done)).toBe(302);
    expect(locationOf(done)).toBe("/applications");
  });

  it("says why the user was sent to sign in, with the service title from the registry", async () => {
    const page = (await settle(() => login.loader({ request: getRequest(`/login?redirectTo=${encodeURIComponent("/services/birth-registration/apply")}`), params: {}, context: {} }))) as { data: { reason: { key: string; serviceTitleKey?: string } } };
    expect(page.data.reason).toEqual({ key: "login.reasonService", serviceTitleKey: "birth-registration:title" });
    const none = (await settle(() => login.loader({ request: getRequest(`/login?redirectTo=${encodeURIComponent("//evil.example/services/x")}`), params: {}, context: {} }))) as { data: { reason: unknown } };
    expect(none.data.reason).toBeNull();
  });
});

describe("sessions", () => {
  it("is a browser-session cookie: no Max-Age, no Expires", async () => {
    const staff = await makeStaff("window_staff");
    const response = (await staffSignIn(staff.username, STRONG)) as Response;
    const setCookie = response.headers.getSetCookie().find((cookie) => cookie.startsWith("portal_session="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).not.toMatch(/max-age/i);
    expect(setCookie).not.toMatch(/expires/i);
  });

  it("ends a staff session after 30 idle minutes and keeps a busy one going", async () => {
    const staff = await makeStaff("window_staff");
    const busy: Session = { cookie: (await startSession(staff.id)).split(";")[0] };
    const idle: Session = { cookie: (await startSession(staff.id)).split(";")[0] };
    const [busyRow, idleRow] = await db.session.findMany({ where: { userId: staff.id }, orderBy: { expiresAt: "asc" } });
    expect(idleRow.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(30 * 60 * 1000);
    // 20 minutes without a request: still signed in, and the request moves the end on.
    await db.session.update({ where: { id: busyRow.id }, data: { expiresAt: new Date(Date.now() + 10 * 60 * 1000) } });
    expect((await getUser(getRequest("/staff/queue", busy)))?.id).toBe(staff.id);
    expect((await db.session.findUniqueOrThrow({ where: { id: busyRow.id } })).expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 60 * 1000);
    // 31 minutes without a request: over.
    await db.session.update({ where: { id: idleRow.id }, data: { expiresAt: new Date(Date.now() - 60 * 1000) } });
    expect(await getUser(getRequest("/staff/queue", idle))).toBeNull();
    const page = await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", idle), params: {}, context: {} }));
    expect(locationOf(page)).toMatch(/^\/staff\/login\?redirectTo=.*&ended=1$/);
  });

  it("keeps a citizen signed in for 12 hours, sliding", async () => {
    const citizen = await db.user.findFirstOrThrow({ where: { kind: "citizen" } });
    const session: Session = { cookie: (await startSession(citizen.id)).split(";")[0] };
    const row = await db.session.findFirstOrThrow({ where: { userId: citizen.id }, orderBy: { expiresAt: "desc" } });
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(11.9 * 60 * 60 * 1000);
    // 31 idle minutes end a staff session but not a citizen's.
    await db.session.update({ where: { id: row.id }, data: { expiresAt: new Date(row.expiresAt.getTime() - 31 * 60 * 1000) } });
    expect((await getUser(getRequest("/applications", session)))?.id).toBe(citizen.id);
  });
});

describe("sign-in throttling by account and address", () => {
  it("an attacker elsewhere cannot lock the owner out; a locked account opens from the owner's address after the delay", async () => {
    const staff = await makeStaff("window_staff");
    const OWNER = "192.0.2.10";
    const ATTACKER = "198.51.100.7";
    expect(statusOf(await staffSignIn(staff.username, STRONG, OWNER))).toBe(302);

    for (let index = 0; index < 5; index += 1) expect(statusOf(await staffSignIn(staff.username, "wrong-password-1", ATTACKER))).toBe(400);
    // The attacker's address is held back, even with the right password ...
    const held = (await staffSignIn(staff.username, STRONG, ATTACKER)) as { data: { retry: { messageKey: string; retryAfterSeconds: number } }; init: ResponseInit };
    expect(statusOf(held)).toBe(429);
    expect(held.data.retry.messageKey).toBe("common:limits.signIn");
    expect(held.data.retry.retryAfterSeconds).toBeGreaterThan(14 * 60);
    // ... but the owner is not.
    expect(statusOf(await staffSignIn(staff.username, STRONG, OWNER))).toBe(302);

    // The owner mistypes five times at their own address: slowed down, not locked for 15 minutes.
    for (let index = 0; index < 5; index += 1) expect(statusOf(await staffSignIn(staff.username, "wrong-password-1", OWNER))).toBe(400);
    const slowed = (await staffSignIn(staff.username, STRONG, OWNER)) as { data: { retry: { messageKey: string; retryAfterSeconds: number } }; init: ResponseInit };
    expect(statusOf(slowed)).toBe(429);
    expect(slowed.data.retry.messageKey).toBe("common:limits.signInSlowed");
    expect(slowed.data.retry.retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(new Headers(slowed.init.headers).get("Retry-After")).toBe(String(slowed.data.retry.retryAfterSeconds));

    // After the delay the right password opens the account from the owner's address.
    await db.signInThrottle.updateMany({ where: { key: { startsWith: `staff:${staff.username}|` } }, data: { lastFailureAt: new Date(Date.now() - 31 * 1000) } });
    expect(statusOf(await staffSignIn(staff.username, STRONG, OWNER))).toBe(302);
    // Each further mistake doubles the wait; it never becomes a lock-out for the owner.
    const ownerKey = `staff:${staff.username}|${addressKey(from(OWNER, getRequest("/")))}`;
    await db.signInThrottle.update({ where: { key: ownerKey }, data: { failures: 6, lastFailureAt: new Date() } }).catch(async () => db.signInThrottle.create({ data: { key: ownerKey, failures: 6, lastFailureAt: new Date() } }));
    const longer = (await staffSignIn(staff.username, STRONG, OWNER)) as { data: { retry: { retryAfterSeconds: number } } };
    expect(longer.data.retry.retryAfterSeconds).toBeGreaterThan(30);
    expect(longer.data.retry.retryAfterSeconds).toBeLessThanOrEqual(60);
    await db.signInThrottle.update({ where: { key: ownerKey }, data: { failures: 40 } });
    const capped = (await staffSignIn(staff.username, STRONG, OWNER)) as { data: { retry: { retryAfterSeconds: number } } };
    expect(capped.data.retry.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
  });

  it("many addresses together hold back unknown addresses only; the county administrator unlocks (audited)", async () => {
    const staff = await makeStaff("window_staff");
    const OWNER = "192.0.2.20";
    expect(statusOf(await staffSignIn(staff.username, STRONG, OWNER))).toBe(302);
    for (let index = 0; index < 50; index += 1) await staffSignIn(staff.username, "wrong-password-1", `203.0.113.${index}`);
    expect(statusOf(await staffSignIn(staff.username, STRONG, "203.0.113.200"))).toBe(429);
    expect(statusOf(await staffSignIn(staff.username, STRONG, OWNER))).toBe(302);

    const admin = await sessionOf("admin.county");
    const list = (await settle(() => staffAccounts.loader({ request: getRequest("/staff/admin/accounts", admin), params: {}, context: {} }))) as { data: { accounts: { id: string; locked: boolean }[] } };
    expect(list.data.accounts.find((account) => account.id === staff.id)?.locked).toBe(true);
    const unlocked = await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { intent: "unlock", userId: staff.id }, admin), params: {}, context: {} }));
    expect(locationOf(unlocked)).toBe("/staff/admin/accounts?done=unlock");
    expect(statusOf(await staffSignIn(staff.username, STRONG, "203.0.113.200"))).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "staff_account.unlocked", subjectId: staff.id } });
    expect(entry.actorRole).toBe("county_admin");
    expect(entry.actorId).toBe((await db.user.findUniqueOrThrow({ where: { username: "admin.county" } })).id);
  });

  it("remembers addresses as keyed hashes only", async () => {
    const staff = await makeStaff("window_staff");
    await staffSignIn(staff.username, STRONG, "192.0.2.99");
    const known = await db.knownAddress.findMany({ where: { userId: staff.id } });
    expect(known).toHaveLength(1);
    expect(known[0].addressHash).not.toContain("192.0.2.99");
    expect(JSON.stringify(await db.rateLimit.findMany({}))).not.toContain("192.0.2");
  });
});

async function sessionOf(username: string): Promise<Session & { userId: string }> {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return { cookie: (await startSession(user.id)).split(";")[0], userId: user.id };
}

describe("two-factor sign-in (TOTP) for staff", () => {
  async function enrol(username: string): Promise<{ secret: string; recoveryCodes: string[]; session: Session }> {
    const user = await db.user.findUniqueOrThrow({ where: { username } });
    const session: Session = { cookie: (await startSession(user.id)).split(";")[0] };
    const page = (await settle(() => twoFactorSettings.loader({ request: getRequest("/staff/two-factor", session), params: {}, context: {} }))) as { data: { enabled: false; secret: string; qrSvg: string } };
    expect(page.data.qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // The secret is stored encrypted.
    expect((await db.totpSecret.findUniqueOrThrow({ where: { userId: user.id } })).secretEnc).not.toContain(page.data.secret);
    expect(decryptText((await db.totpSecret.findUniqueOrThrow({ where: { userId: user.id } })).secretEnc)).toBe(page.data.secret);
    const wrong = await settle(() => twoFactorSettings.action({ request: postRequest("/staff/two-factor", { intent: "confirm", code: "000000" }, session), params: {}, context: {} }));
    expect(statusOf(wrong)).toBe(400);
    const code = await generate({ secret: page.data.secret });
    const confirmed = (await settle(() => twoFactorSettings.action({ request: postRequest("/staff/two-factor", { intent: "confirm", code }, session), params: {}, context: {} }))) as { data: { recoveryCodes: string[] } };
    expect(confirmed.data.recoveryCodes).toHaveLength(10);
    // Stored hashed, never in clear.
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.codeHash)).not.toContain(confirmed.data.recoveryCodes[0]);
    return { secret: page.data.secret, recoveryCodes: confirmed.data.recoveryCodes, session };
  }

  async function passwordStep(username: string, address = "10.0.0.2"): Promise<Session> {
    const result = (await staffSignIn(username, STRONG, address)) as Response;
    expect(locationOf(result)).toBe("/staff/login/two-factor");
    expect(cookieOf(result, "portal_session")).toBeUndefined();
    return { cookie: cookieOf(result, "portal_2fa")! };
  }

  function codeStep(ticket: Session, code: string) {
    return settle(() => twoFactorSignIn.action({ request: postRequest("/staff/login/two-factor", { code }, ticket), params: {}, context: {} }));
  }

  it("refuses a code from the wrong window and a code used before; accepts the current one", async () => {
    const staff = await makeStaff("township_reviewer");
    const { secret } = await enrol(staff.username);
    const now = Math.floor(Date.now() / 1000);
    const ticket = await passwordStep(staff.username);
    // Steps more than one window away, in the past and in the future.
    for (const offset of [-120, -90, 90, 120]) {
      const code = await generate({ secret, epoch: now + offset });
      const current = await generate({ secret, epoch: now });
      if (code === current) continue;
      expect(statusOf(await codeStep(ticket, code)), `offset ${offset}`).toBe(400);
    }
    const ticketTwo = await passwordStep(staff.username);
    // The next window (within the tolerance): the current one was used to confirm the set-up.
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const accepted = (await codeStep(ticketTwo, code)) as Response;
    expect(statusOf(accepted)).toBe(302);
    expect(locationOf(accepted)).toBe("/staff/queue");
    expect(cookieOf(accepted, "portal_session")).toBeDefined();
    // The same code again (a replay, or a shoulder-surfer): refused.
    const ticketThree = await passwordStep(staff.username);
    expect(statusOf(await codeStep(ticketThree, code))).toBe(400);
    expect(await db.auditLog.count({ where: { action: "signin.staff", subjectId: staff.id } })).toBe(1);
  });

  it("a recovery code works once", async () => {
    const staff = await makeStaff("county_admin", "500156/");
    const { recoveryCodes } = await enrol(staff.username);
    const first = await passwordStep(staff.username);
    expect(statusOf(await codeStep(first, recoveryCodes[3].toUpperCase()))).toBe(302);
    const second = await passwordStep(staff.username);
    expect(statusOf(await codeStep(second, recoveryCodes[3]))).toBe(400);
    expect(statusOf(await codeStep(second, recoveryCodes[4]))).toBe(302);
    expect(await db.recoveryCode.count({ where: { userId: staff.id, usedAt: null } })).toBe(8);
  });

  it("sends the browser back to the password after five wrong codes", async () => {
    const staff = await makeStaff("township_reviewer");
    await enrol(staff.username);
    const ticket = await passwordStep(staff.username);
    for (let index = 0; index < 4; index += 1) expect(statusOf(await codeStep(ticket, "000000"))).toBe(400);
    expect(locationOf(await codeStep(ticket, "000000"))).toBe("/staff/login");
    expect(locationOf(await codeStep(ticket, "000000"))).toBe("/staff/login");
  });

  it("is required for reviewers and administrators in production mode, not for window staff", async () => {
    vi.stubEnv("PORTAL_MODE", "production");
    const reviewer = await makeStaff("township_reviewer");
    const desk = await makeStaff("window_staff");
    const reviewerSession = await sessionOf(reviewer.username);
    const page = await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", reviewerSession), params: {}, context: {} }));
    expect(locationOf(page)).toBe("/staff/two-factor");
    const deskSession = await sessionOf(desk.username);
    expect(statusOf(await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", deskSession), params: {}, context: {} })))).toBe(200);
    vi.stubEnv("PORTAL_MODE", "demo");
    expect(statusOf(await settle(() => staffQueue.loader({ request: getRequest("/staff/queue", reviewerSession), params: {}, context: {} })))).toBe(200);
  });
});

describe("staff account administration", () => {
  it("creates accounts only with strong passwords, in the administrator's jurisdiction, audited", async () => {
    const admin = await sessionOf("admin.county");
    const username = `new.${newId().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
    const fields = { intent: "create", username, name: "新同事", role: "township_reviewer", jurisdiction: "500156/500156001/" };
    const weak = (await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { ...fields, password: "password1234" }, admin), params: {}, context: {} }))) as { data: { errors: Record<string, string[]> } };
    expect(weak.data.errors.password).toEqual(["common:errors.passwordCommon"]);
    const short = (await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { ...fields, password: "Tq8#vLm2!pX" }, admin), params: {}, context: {} }))) as { data: { errors: Record<string, string[]> } };
    expect(short.data.errors.password).toEqual(["common:errors.staffPasswordShort"]);
    const outside = (await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { ...fields, jurisdiction: "999999/", password: STRONG }, admin), params: {}, context: {} }))) as { data: { errors: Record<string, string[]> } };
    expect(outside.data.errors.jurisdiction).toBeDefined();
    const created = await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { ...fields, password: STRONG }, admin), params: {}, context: {} }));
    expect(locationOf(created)).toBe("/staff/admin/accounts?done=created");
    expect(statusOf(await staffSignIn(username, STRONG))).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "staff_account.created" }, orderBy: { at: "desc" } });
    expect(entry.actorRole).toBe("county_admin");
    expect(entry.detail).toContain(username);
  });

  it("disabling an account ends its sessions at once", async () => {
    const staff = await makeStaff("window_staff");
    const session = await sessionOf(staff.username);
    expect((await getUser(getRequest("/staff/queue", session)))?.id).toBe(staff.id);
    const admin = await sessionOf("admin.county");
    await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { intent: "disable", userId: staff.id }, admin), params: {}, context: {} }));
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(0);
    expect(await getUser(getRequest("/staff/queue", session))).toBeNull();
    expect(statusOf(await staffSignIn(staff.username, STRONG))).toBe(400);
    await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { intent: "enable", userId: staff.id }, admin), params: {}, context: {} }));
    expect(statusOf(await staffSignIn(staff.username, STRONG))).toBe(302);
  });

  it("resetting two-factor removes it and ends the sessions", async () => {
    const staff = await makeStaff("township_reviewer");
    await db.totpSecret.create({ data: { userId: staff.id, secretEnc: "x", enabledAt: new Date() } });
    const session = await sessionOf(staff.username);
    const admin = await sessionOf("admin.county");
    await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { intent: "resetSecondFactor", userId: staff.id }, admin), params: {}, context: {} }));
    expect(await db.totpSecret.count({ where: { userId: staff.id } })).toBe(0);
    expect(await getUser(getRequest("/staff/queue", session))).toBeNull();
  });

  it("is for the county administrator only, and finds only accounts of their jurisdiction", async () => {
    const reviewer = await sessionOf("reviewer.fengshan");
    expect(statusOf(await settle(() => staffAccounts.loader({ request: getRequest("/staff/admin/accounts", reviewer), params: {}, context: {} })))).toBe(403);
    // A township administrator of 白马镇 (a narrower scope) cannot touch a 凤山街道 account.
    const baimaAdmin = await makeStaff("county_admin", "500156/500156101/");
    const fengshan = await db.user.findUniqueOrThrow({ where: { username: "window.fengshan" } });
    const session = await sessionOf(baimaAdmin.username);
    const list = (await settle(() => staffAccounts.loader({ request: getRequest("/staff/admin/accounts", session), params: {}, context: {} }))) as { data: { accounts: { id: string }[] } };
    expect(list.data.accounts.map((account) => account.id)).not.toContain(fengshan.id);
    expect(statusOf(await settle(() => staffAccounts.action({ request: postRequest("/staff/admin/accounts", { intent: "disable", userId: fengshan.id }, session), params: {}, context: {} })))).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { id: fengshan.id } })).active).toBe(true);
  });
});

describe("password change", () => {
  it("ends the other sessions and keeps this one", async () => {
    const staff = await makeStaff("window_staff");
    const here = await sessionOf(staff.username);
    const elsewhere = await sessionOf(staff.username);
    const refused = await settle(() => staffPassword.action({ request: postRequest("/staff/password", { current: "wrong", password: "Meadow-Copper-Violin-77", confirm: "Meadow-Copper-Violin-77" }, here), params: {}, context: {} }));
    expect(statusOf(refused)).toBe(400);
    const changed = await settle(() => staffPassword.action({ request: postRequest("/staff/password", { current: STRONG, password: "Meadow-Copper-Violin-77", confirm: "Meadow-Copper-Violin-77" }, here), params: {}, context: {} }));
    expect(statusOf(changed)).toBe(200);
    expect((await getUser(getRequest("/staff/queue", here)))?.id).toBe(staff.id);
    expect(await getUser(getRequest("/staff/queue", elsewhere))).toBeNull();
    expect(statusOf(await staffSignIn(staff.username, "Meadow-Copper-Violin-77"))).toBe(302);
  });
});
