import { describe, expect, it } from "vitest";
import { detectLanguage } from "~/i18n/detect.server";

const request = (url: string, headers: Record<string, string> = {}) => new Request(`http://localhost${url}`, { headers });

describe("language detection", () => {
  it("takes ?lng= first, then the cookie, then Accept-Language, then Chinese", () => {
    expect(detectLanguage(request("/?lng=en", { Cookie: "lng=zh-CN", "Accept-Language": "zh-CN" }))).toBe("en");
    expect(detectLanguage(request("/", { Cookie: "lng=en", "Accept-Language": "zh-CN" }))).toBe("en");
    expect(detectLanguage(request("/", { "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(detectLanguage(request("/", { "Accept-Language": "fr-FR, en;q=0.5, zh;q=0.8" }))).toBe("zh-CN");
    expect(detectLanguage(request("/"))).toBe("zh-CN");
  });

  it("ignores languages it does not offer", () => {
    expect(detectLanguage(request("/?lng=fr", { Cookie: "lng=de" }))).toBe("zh-CN");
  });
});
