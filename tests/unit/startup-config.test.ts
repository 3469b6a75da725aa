import { afterEach, describe, expect, it, vi } from "vitest";

// Each case loads the modules afresh under its own environment, as a starting server would.
async function freshSms() {
  vi.resetModules();
  return import("~/utils/sms.server");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("start-up configuration", () => {
  it("refuses the production SMS gateway without its settings", async () => {
    vi.stubEnv("PORTAL_MODE", "production");
    vi.stubEnv("SMS_ADAPTER", undefined);
    vi.stubEnv("SMS_GATEWAY_URL", undefined);
    const { sms } = await freshSms();
    expect(() => sms()).toThrow(/SMS_GATEWAY_URL/);
  });

  it("refuses the outbox in production mode", async () => {
    vi.stubEnv("PORTAL_MODE", "production");
    vi.stubEnv("SMS_ADAPTER", "outbox");
    const { sms, outboxEnabled } = await freshSms();
    expect(() => sms()).toThrow(/demo and development modes only/);
    expect(outboxEnabled()).toBe(false);
  });

  it.each(["demo", "development"])("uses the outbox in %s mode", async (mode) => {
    vi.stubEnv("PORTAL_MODE", mode);
    vi.stubEnv("SMS_ADAPTER", undefined);
    const { outboxEnabled } = await freshSms();
    expect(outboxEnabled()).toBe(true);
  });

  it("never opens the outbox merely because NODE_ENV is not production", async () => {
    vi.stubEnv("NODE_ENV", "test");
    vi.stubEnv("PORTAL_MODE", undefined);
    vi.stubEnv("SMS_ADAPTER", "outbox");
    const { outboxEnabled } = await freshSms();
    expect(outboxEnabled()).toBe(false);
    const { deploymentMode } = await import("~/utils/config.server");
    expect(deploymentMode()).toBe("production");
  });

  it("requires every secret in production mode, whatever NODE_ENV says", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("PORTAL_MODE", "production");
    vi.stubEnv("SESSION_SECRET", undefined);
    vi.resetModules();
    const { secrets } = await import("~/utils/config.server");
    expect(() => secrets()).toThrow(/SESSION_SECRET/);
  });

  it("marks cookies Secure in production mode only", async () => {
    vi.resetModules();
    const { secureCookies } = await import("~/utils/config.server");
    vi.stubEnv("PORTAL_MODE", "production");
    expect(secureCookies()).toBe(true);
    vi.stubEnv("INSECURE_COOKIES", "1");
    expect(secureCookies()).toBe(false);
    vi.stubEnv("INSECURE_COOKIES", undefined);
    vi.stubEnv("PORTAL_MODE", "demo");
    vi.stubEnv("NODE_ENV", "production");
    expect(secureCookies()).toBe(false);
  });
});
