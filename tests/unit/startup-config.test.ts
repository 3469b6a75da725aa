import { afterEach, describe, expect, it, vi } from "vitest";

// Each case loads the modules afresh under its own environment, as a starting server would.
async function freshSms() {
  vi.resetModules();
  return import("~/utils/sms.server");
}

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("start-up configuration", () => {
  it("refuses the production SMS gateway without its settings", async () => {
    vi.stubEnv("NODE_ENV", "production");
    delete process.env.SMS_ADAPTER;
    delete process.env.SMS_GATEWAY_URL;
    const { sms } = await freshSms();
    expect(() => sms()).toThrow(/SMS_GATEWAY_URL/);
    vi.unstubAllEnvs();
  });

  it("refuses the development outbox in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("SMS_ADAPTER", "outbox");
    const { sms, outboxEnabled } = await freshSms();
    expect(() => sms()).toThrow(/development only/);
    expect(outboxEnabled()).toBe(false);
    vi.unstubAllEnvs();
  });

  it("uses the outbox outside production", async () => {
    vi.stubEnv("NODE_ENV", "test");
    delete process.env.SMS_ADAPTER;
    const { outboxEnabled } = await freshSms();
    expect(outboxEnabled()).toBe(true);
    vi.unstubAllEnvs();
  });

  it("requires every secret in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    delete process.env.SESSION_SECRET;
    vi.resetModules();
    const { secrets } = await import("~/utils/config.server");
    expect(() => secrets()).toThrow(/SESSION_SECRET/);
    vi.unstubAllEnvs();
  });
});
