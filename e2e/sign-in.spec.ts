import { SAMPLE_PASSWORD } from "../prisma/sample-data";
import { DEMO_ACCOUNTS } from "./accounts";
import { expect, test } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("a signed-out visitor is sent to sign in, then back to the page asked for", async ({ page }) => {
  await page.goto("/zh-CN/proposals/LLM-2024/R5");
  await expect(page).toHaveURL(/\/zh-CN\/sign-in\?next=%2Fzh-CN%2Fproposals%2FLLM-2024%2FR5$/);
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();

  await page.getByLabel("电子邮箱").fill(DEMO_ACCOUNTS.official);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText("邮箱或密码不正确。")).toBeVisible();

  await page.getByLabel("密码").fill(SAMPLE_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/proposals\/LLM-2024\/R5$/);
  await expect(page.getByTestId("current-user")).toContainText("领导/代表");
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "tracker.session_token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/sign-in$/);
  await page.goto("/zh-CN");
  await expect(page).toHaveURL(/\/zh-CN\/sign-in/);
});

test("every page needs a session, item codes with dots included", async ({ page }) => {
  await page.goto("/en/proposals/LLM-2024/R3/R3.1/update");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=%2Fen%2Fproposals%2FLLM-2024%2FR3%2FR3\.1%2Fupdate$/);
});

test("the sign-in page reads in English, with translated errors", async ({ page }) => {
  await page.goto("/en/sign-in");
  await page.getByLabel("Email").fill("nobody");
  await page.getByLabel("Password").fill("x");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address and password.")).toBeVisible();
});

test("a link cannot send a signed-in user to another site", async ({ page }) => {
  await page.goto("/zh-CN/sign-in?next=//evil.example/phish");
  await page.getByLabel("电子邮箱").fill(DEMO_ACCOUNTS.official);
  await page.getByLabel("密码").fill(SAMPLE_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/zh-CN$/);
});

test.describe("signed in", () => {
  test.use({ storageState: "e2e/.auth/official.json" });

  test("the sign-in page sends a signed-in user home, not to another site", async ({ page }) => {
    for (const next of ["/.//evil.example", "/%2F%2Fevil.example", "/\\evil.example", "/%09/evil.example"]) {
      await page.goto(`/zh-CN/sign-in?next=${encodeURIComponent(next)}`);
      await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/zh-CN$/);
    }
    await page.goto(`/zh-CN/sign-in?next=${encodeURIComponent("/zh-CN/table")}`);
    await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/zh-CN\/table$/);
  });
});

test("repeated failures from one address make the next attempt wait", async ({ page }) => {
  const email = `locked-${Date.now()}@tracker.example`;
  await page.goto("/zh-CN/sign-in");
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByLabel("电子邮箱").fill(email);
    await page.getByLabel("密码").fill(`wrong-${attempt}`);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("邮箱或密码不正确。")).toBeVisible();
    // The form is reset once the attempt has been answered.
    await expect(page.getByLabel("密码")).toHaveValue("");
    await expect(page.getByRole("button", { name: "登录" })).toBeEnabled();
  }
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill("wrong-again");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByText(/登录失败次数过多，请在 \d+ 秒后再试。/)).toBeVisible();
});
