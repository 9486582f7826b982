import { SAMPLE_PASSWORD } from "../prisma/sample-data";
import { DEMO_ACCOUNTS } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

// Signs in itself, so that it can run on its own (npx playwright test --project writes --no-deps …).
test.use({ storageState: { cookies: [], origins: [] } });

test("an admin registers a group bot: https only, and its key and secret are never shown again", async ({
  page,
}, testInfo) => {
  await page.goto("/zh-CN/sign-in");
  await page.getByLabel("电子邮箱").fill(DEMO_ACCOUNTS.admin);
  await page.getByLabel("密码").fill(SAMPLE_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();

  await page.goto("/zh-CN/admin/users");
  await page.getByRole("link", { name: "群机器人" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/admin\/webhooks$/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  const form = page.getByTestId("new-webhook-form");
  await form.getByLabel("名称", { exact: true }).fill("经信委工作群（端到端）");
  await form.getByLabel("平台").selectOption("dingtalk");
  await form.getByLabel("Webhook 地址").fill("http://oapi.dingtalk.com/robot/send?access_token=e2etoken0001");
  await form.getByLabel("签名密钥（可选）").fill("SECe2esigningsecret");
  await form.getByRole("button", { name: "登记" }).click();
  await expect(form.getByText("机器人地址必须以 https:// 开头：不接受 http:// 或其他协议。")).toBeVisible();

  await form
    .getByLabel("Webhook 地址")
    .fill("https://oapi.dingtalk.com/robot/send?access_token=e2etoken0001");
  await form.getByRole("button", { name: "登记" }).click();
  await expect(form.getByText("已登记。")).toBeVisible();
  const bot = page.locator("li", { hasText: "经信委工作群（端到端）" });
  await expect(bot).toContainText("oapi.dingtalk.com/…0001");
  await expect(bot).toContainText("已设置");
  await expect(bot).toContainText("人大办（管理员）");
  const html = await page.content();
  expect(html).not.toContain("e2etoken");
  expect(html).not.toContain("SECe2esigningsecret");
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("admin-webhooks.png"), fullPage: true });
});
