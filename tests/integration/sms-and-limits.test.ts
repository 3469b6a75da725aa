// SMS codes (resend after 60 s, masked number, per-day limits), forgotten passwords, and the
// limits that public forms and look-ups share.
import { beforeEach, describe, expect, it } from "vitest";
import * as login from "~/routes/login";
import * as forgot from "~/routes/login_.forgot";
import * as forgotVerify from "~/routes/login_.forgot_.verify";
import * as loginVerify from "~/routes/login_.verify";
import * as signup from "~/routes/signup";
import * as verifyCode from "~/routes/verify.$code";
import { getUser, hashPassword } from "~/utils/auth.server";
import { encryptText, lookupHash, newId } from "~/utils/crypto.server";
import { db } from "~/utils/db.server";
import { isHoneypotTripped } from "~/utils/forms.server";
import { publicFormLimit } from "~/utils/rate-limit.server";
import { startSession } from "~/utils/session.server";
import { getRequest, locationOf, postRequest, settle, statusOf, type Session } from "./helpers";

beforeEach(async () => {
  await db.rateLimit.deleteMany({});
  await db.signInThrottle.deleteMany({});
});

async function newCitizen(phone: string, password = "abc12345"): Promise<string> {
  const id = newId();
  await db.user.create({ data: { id, kind: "citizen", role: "citizen", name: "测试", phoneEnc: encryptText(phone), phoneHash: lookupHash(phone), phoneVerifiedAt: new Date(), passwordHash: await hashPassword(password) } });
  return id;
}

const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

async function lastCode(phone: string): Promise<string> {
  const message = await db.smsOutbox.findFirstOrThrow({ where: { phoneMasked: masked(phone) }, orderBy: { createdAt: "desc" } });
  return /\d{6}/.exec(message.body)![0];
}

describe("the SMS code page", () => {
  it("shows the masked number and offers a new code only after 60 seconds (checked on the server)", async () => {
    const phone = "13711110001";
    await newCitizen(phone);
    const started = await settle(() => login.action({ request: postRequest("/login", { phone, password: "abc12345" }), params: {}, context: {} }));
    const next = locationOf(started)!;
    const challengeId = new URL(next, "http://x").searchParams.get("c")!;
    const page = (await settle(() => loginVerify.loader({ request: getRequest(next), params: {}, context: {} }))) as { data: { phoneMasked: string; resendInSeconds: number } };
    expect(page.data.phoneMasked).toBe("137****0001");
    expect(page.data.resendInSeconds).toBeGreaterThan(55);

    // Too soon: refused with when, whatever the (disabled) button said.
    const tooSoon = (await settle(() => loginVerify.action({ request: postRequest(next, { intent: "resend" }), params: {}, context: {} }))) as { data: { retry: { messageKey: string; retryAfterSeconds: number } }; init: ResponseInit };
    expect(tooSoon.init.status).toBe(400);
    expect(tooSoon.data.retry.messageKey).toBe("common:limits.resendWait");
    expect(await db.smsOutbox.count({ where: { phoneMasked: "137****0001" } })).toBe(1);

    // A minute later: a new code, the old one spent.
    await db.smsChallenge.update({ where: { id: challengeId }, data: { createdAt: new Date(Date.now() - 61 * 1000) } });
    const oldCode = await lastCode(phone);
    const resent = await settle(() => loginVerify.action({ request: postRequest(next, { intent: "resend" }), params: {}, context: {} }));
    const again = locationOf(resent)!;
    expect(again).toMatch(/^\/login\/verify\?c=[^&]+&resent=1$/);
    expect(await db.smsOutbox.count({ where: { phoneMasked: "137****0001" } })).toBe(2);
    expect(statusOf(await settle(() => loginVerify.action({ request: postRequest(next, { code: oldCode }), params: {}, context: {} })))).toBe(400);
    const newCode = await lastCode(phone);
    const done = await settle(() => loginVerify.action({ request: postRequest(again, { code: newCode }), params: {}, context: {} }));
    expect(locationOf(done)).toBe("/applications");
  });

  it("limits codes per phone per day as well as per hour, and says when to retry", async () => {
    const phone = "13711110002";
    const ask = () => settle(() => signup.action({ request: postRequest("/signup", { name: "赵测", phone, password: "abc12345", confirm: "abc12345" }), params: {}, context: {} }));
    for (let index = 0; index < 5; index += 1) expect(statusOf(await ask())).toBe(302);
    expect(statusOf(await ask())).toBe(429);
    // The hour is over; the day is not.
    await db.rateLimit.updateMany({ where: { key: `sms:phone:${lookupHash(phone)}` }, data: { windowStart: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    for (let index = 0; index < 5; index += 1) expect(statusOf(await ask())).toBe(302);
    await db.rateLimit.updateMany({ where: { key: `sms:phone:${lookupHash(phone)}` }, data: { windowStart: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    const refused = (await ask()) as { data: { retry: { messageKey: string; retryAfterSeconds: number } }; init: ResponseInit };
    expect(refused.init.status).toBe(429);
    expect(refused.data.retry.messageKey).toBe("common:limits.smsCodes");
    expect(refused.data.retry.retryAfterSeconds).toBeGreaterThan(20 * 60 * 60);
    expect(await db.smsOutbox.count({ where: { phoneMasked: masked(phone) } })).toBe(10);
  });
});

describe("forgotten password (citizens)", () => {
  it("sets a new password with an SMS code and ends every session", async () => {
    const phone = "13711110003";
    const userId = await newCitizen(phone, "old-pass-123");
    const session: Session = { cookie: (await startSession(userId)).split(";")[0] };
    const started = await settle(() => forgot.action({ request: postRequest("/login/forgot", { phone }), params: {}, context: {} }));
    const next = locationOf(started)!;
    expect(next).toMatch(/^\/login\/forgot\/verify\?c=/);
    const code = await lastCode(phone);
    const mismatch = (await settle(() => forgotVerify.action({ request: postRequest(next, { code, password: "new-pass-456", confirm: "other-456" }), params: {}, context: {} }))) as { data: { errors: Record<string, string[]> } };
    expect(mismatch.data.errors.confirm).toEqual(["common:errors.passwordMismatch"]);
    const done = await settle(() => forgotVerify.action({ request: postRequest(next, { code, password: "new-pass-456", confirm: "new-pass-456" }), params: {}, context: {} }));
    expect(locationOf(done)).toBe("/login?reset=1");
    expect(await getUser(getRequest("/applications", session))).toBeNull();
    expect(locationOf(await settle(() => login.action({ request: postRequest("/login", { phone, password: "new-pass-456" }), params: {}, context: {} })))).toMatch(/^\/login\/verify/);
    expect(statusOf(await settle(() => login.action({ request: postRequest("/login", { phone, password: "old-pass-123" }), params: {}, context: {} })))).toBe(400);
  });

  it("looks the same for a number without an account, and sends nothing", async () => {
    const phone = "13711110004";
    const started = await settle(() => forgot.action({ request: postRequest("/login/forgot", { phone }), params: {}, context: {} }));
    expect(locationOf(started)).toMatch(/^\/login\/forgot\/verify\?c=/);
    expect(await db.smsOutbox.count({ where: { phoneMasked: masked(phone) } })).toBe(0);
    const guess = await settle(() => forgotVerify.action({ request: postRequest(locationOf(started)!, { code: "123456", password: "new-pass-456", confirm: "new-pass-456" }), params: {}, context: {} }));
    expect(statusOf(guess)).toBe(400);
  });
});

describe("public forms and look-ups", () => {
  const request = (address: string) => new Request("http://localhost/progress", { headers: { "x-portal-client-ip": address } });

  it("publicFormLimit lets 20 submissions an hour through per address and form, then says when", async () => {
    for (let index = 0; index < 20; index += 1) expect((await publicFormLimit(request("192.0.2.1"), "progress")).limited).toBe(false);
    const refused = await publicFormLimit(request("192.0.2.1"), "progress");
    expect(refused).toEqual({ limited: true, retryAfterSeconds: expect.any(Number) });
    expect(refused.limited && refused.retryAfterSeconds).toBeGreaterThan(59 * 60);
    // Another address, or another form, is not affected.
    expect((await publicFormLimit(request("192.0.2.2"), "progress")).limited).toBe(false);
    expect((await publicFormLimit(request("192.0.2.1"), "objection")).limited).toBe(false);
  });

  it("isHoneypotTripped is true only when the hidden field is filled", () => {
    const form = new FormData();
    expect(isHoneypotTripped(form)).toBe(false);
    form.set("homepage", "");
    expect(isHoneypotTripped(form)).toBe(false);
    form.set("homepage", "http://spam.example");
    expect(isHoneypotTripped(form)).toBe(true);
  });

  it("limits certificate look-ups per address, with when to retry", async () => {
    const lookUp = (address: string) => settle(() => verifyCode.loader({ request: new Request("http://localhost/verify/AAAA", { headers: { "x-portal-client-ip": address } }), params: { code: "AAAA" }, context: {} }));
    for (let index = 0; index < 60; index += 1) expect(statusOf(await lookUp("192.0.2.50"))).toBe(200);
    const refused = (await lookUp("192.0.2.50")) as { data: { result: string; retryAfterSeconds: number }; init: ResponseInit };
    expect(statusOf(refused)).toBe(429);
    expect(refused.data.result).toBe("limited");
    expect(Number(new Headers(refused.init.headers).get("Retry-After"))).toBe(refused.data.retryAfterSeconds);
    expect(statusOf(await lookUp("192.0.2.51"))).toBe(200);
  });
});
