// The form reader every action uses: the CSRF token, and size caps that hold without the
// server in front (server.mjs enforces the same totals on the wire).
import { describe, expect, it } from "vitest";
import { FORM_LIMITS, readForm } from "~/utils/forms.server";
import { postRequest } from "./helpers";

async function refusal(request: Request): Promise<number> {
  try {
    await readForm(request);
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

function urlencoded(body: string, cookie = "portal_csrf=integration-test-browser"): Request {
  return new Request("http://localhost:3000/login", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie } });
}

describe("readForm", () => {
  it("keeps the fields and drops the token", async () => {
    const form = await readForm(postRequest("/login", { phone: "13800000001" }));
    expect(form.get("phone")).toBe("13800000001");
    expect(form.get("csrf")).toBeNull();
  });

  it("refuses a missing or wrong token, in both encodings", async () => {
    expect(await refusal(postRequest("/login", { phone: "1" }, undefined, { csrf: false }))).toBe(403);
    expect(await refusal(urlencoded("csrf=wrong&phone=1"))).toBe(403);
  });

  it("refuses a file that comes before the token, without keeping it", async () => {
    const form = new FormData();
    form.set("scan", new File(["x".repeat(1000)], "scan.png", { type: "image/png" }));
    const token = (await postRequest("/login", {}).formData()).get("csrf") as string;
    form.set("csrf", token);
    const request = new Request("http://localhost:3000/login", { method: "POST", body: form, headers: { Cookie: "portal_csrf=integration-test-browser" } });
    expect(await refusal(request)).toBe(403);
  });

  it("refuses text over the cap with 413, in both encodings", async () => {
    const big = "a".repeat(FORM_LIMITS.textBytes + 1);
    expect(await refusal(postRequest("/login", { note: big }))).toBe(413);
    expect(await refusal(urlencoded(`note=${big}`))).toBe(413);
  });

  it("refuses a file over the cap with 413", async () => {
    const file = new File([new Uint8Array(FORM_LIMITS.fileBytes + 1)], "big.jpg", { type: "image/jpeg" });
    expect(await refusal(postRequest("/apply/x/materials", { womanIdCard: file }))).toBe(413);
  });

  it("refuses another content type", async () => {
    expect(await refusal(new Request("http://localhost:3000/login", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } }))).toBe(400);
  });
});
