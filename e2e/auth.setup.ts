// Signs each demo account in once and keeps its session for the specs (e2e/.auth/<role>.json).
import { expect, test as setup } from "@playwright/test";
import { SAMPLE_PASSWORD } from "../prisma/sample-data";
import { DEMO_ACCOUNTS, storageStateFor } from "./accounts";

for (const [role, email] of Object.entries(DEMO_ACCOUNTS)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/zh-CN/sign-in");
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码").fill(SAMPLE_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
    await page.context().storageState({ path: storageStateFor(role as keyof typeof DEMO_ACCOUNTS) });
  });
}
