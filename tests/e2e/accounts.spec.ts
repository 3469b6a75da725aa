// Accounts as people meet them in a browser, with and without JavaScript: why the sign-in
// page was shown, the SMS code page, a forgotten password, and a new reviewer whom the
// county administrator creates and who sets up two-step sign-in.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { latestCode, maskedPhone, signOut, signUp, staffSignIn } from "./helpers";

async function expectAccessible(page: Page, label: string) {
  if (!test.info().project.use.javaScriptEnabled) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect.soft(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), label).toEqual([]);
}

test("sign-in says why it was needed, shows where the code went, and continues to the service", async ({ page }) => {
  const citizen = await signUp(page, "登录测");
  await signOut(page);
  await page.goto("/services/birth-registration");
  await page.getByRole("button", { name: "开始办理" }).click();
  await page.waitForURL(/\/login\?redirectTo=/);
  await expect(page.getByTestId("sign-in-reason")).toHaveText("登录后即可申请生育服务登记。");
  await expectAccessible(page, "sign-in with a reason");
  await page.locator("#f-phone").fill(citizen.phone);
  await page.locator("#f-password").fill(citizen.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(/\/login\/verify\?c=/);
  await expect(page.getByText(`验证码已发送到 ${maskedPhone(citizen.phone)}`)).toBeVisible();
  // A new code only after 60 seconds: the button is disabled by the server's own clock.
  await expect(page.getByRole("button", { name: "重新发送验证码" })).toBeDisabled();
  await expect(page.getByText(/秒后可以重新发送/)).toBeVisible();
  await expectAccessible(page, "code page");
  await page.locator("#f-code").fill(await latestCode(page.context(), citizen.phone));
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await page.waitForURL(/\/apply\/[^/]+\/woman$/);
});

test("a forgotten password is reset with an SMS code", async ({ page }) => {
  const citizen = await signUp(page, "忘记测");
  await signOut(page);
  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("找回密码");
  await page.locator("#f-phone").fill(citizen.phone);
  await page.getByRole("button", { name: "获取短信验证码" }).click();
  await page.waitForURL(/\/login\/forgot\/verify\?c=/);
  await expect(page.getByText(`验证码已发送到 ${maskedPhone(citizen.phone)}`)).toBeVisible();
  await expectAccessible(page, "reset page");
  const bodies = await page.context().newPage();
  await bodies.goto("/dev/outbox");
  const message = (await bodies.getByTestId("sms-body").filter({ hasText: "找回密码" }).first().textContent()) ?? "";
  await bodies.close();
  await page.locator("#f-code").fill(/\d{6}/.exec(message)![0]);
  await page.locator("#f-password").fill("NewPassword2027");
  await page.locator("#f-confirm").fill("NewPassword2027");
  await page.getByRole("button", { name: "保存新密码" }).click();
  await page.waitForURL(/\/login\?reset=1$/);
  await expect(page.getByRole("status")).toContainText("密码已修改");
  await page.locator("#f-phone").fill(citizen.phone);
  await page.locator("#f-password").fill("NewPassword2027");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(/\/login\/verify\?c=/);
});

test("the county administrator creates a reviewer, who sets up two-step sign-in and signs in with it", async ({ page }) => {
  const username = `e2e.reviewer.${Date.now().toString(36)}`;
  const password = "Copper-Lantern-Meadow-58";
  await staffSignIn(page, "admin.county");
  await page.goto("/staff/admin/accounts");
  await expectAccessible(page, "staff accounts");
  await page.locator("#f-username").fill(username);
  await page.locator("#f-name").fill("新审核员");
  await page.locator("#f-role").selectOption("township_reviewer");
  await page.locator("#f-jurisdiction").selectOption({ label: "凤山街道" });
  await page.locator("#f-password").fill(password);
  await page.getByRole("button", { name: "创建账户" }).click();
  await expect(page.getByRole("status")).toContainText("账户已创建");
  await expect(page.locator(`tr[data-username="${username}"]`)).toContainText("乡镇（街道）审核人员");
  await signOut(page);

  const signInWithPassword = async () => {
    await page.goto("/staff/login");
    await page.locator("#f-username").fill(username);
    await page.locator("#f-password").fill(password);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  };
  await signInWithPassword();
  await page.waitForURL(/\/staff\/queue$/);
  await page.goto("/staff/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("设置两步验证");
  await expect(page.locator("figure svg")).toBeVisible();
  await expectAccessible(page, "two-factor set-up");
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  await page.locator("#f-code").fill(await generate({ secret }));
  await page.getByRole("button", { name: "确认并开启" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);

  await page.getByRole("button", { name: "退出登录" }).click();
  await page.waitForURL(/\/staff\/login/);
  await signInWithPassword();
  await page.waitForURL(/\/staff\/login\/two-factor$/);
  await expectAccessible(page, "two-factor sign-in");
  // The next 30-second window: the current one was spent confirming the set-up.
  await page.locator("#f-code").fill(await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
  await page.getByRole("button", { name: "确认", exact: true }).click();
  await page.waitForURL(/\/staff\/queue$/);
});
