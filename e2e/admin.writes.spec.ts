import { storageStateFor } from "./accounts";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test.describe("an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("creates a staff account that can sign in, then deactivates it", async ({ page, browser }) => {
    await page.goto("/zh-CN");
    await page.getByRole("link", { name: "系统管理" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/users$/);

    const form = page.locator("form").last();
    await form.getByLabel("电子邮箱").fill("new.staff@tracker.example");
    await form.getByLabel("姓名").fill("赵新");
    await form.getByLabel("角色").selectOption({ label: "工作人员" });
    await form.getByLabel("初始密码").fill("short");
    await form.getByRole("button", { name: "新增" }).click();
    await expect(form.getByText("工作人员须指定所属单位。")).toBeVisible();
    await expect(form.getByText("密码至少 10 个字符。")).toBeVisible();
    await form.getByLabel("所属单位").selectOption({ label: "上海市数据局" });
    await form.getByLabel("初始密码").fill("a-new-staff-password");
    await form.getByRole("button", { name: "新增" }).click();
    await expect(page.getByTestId("user-new.staff@tracker.example")).toBeVisible();

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const newcomer = await other.newPage();
    await newcomer.goto("/zh-CN/sign-in");
    await newcomer.getByLabel("电子邮箱").fill("new.staff@tracker.example");
    await newcomer.getByLabel("密码").fill("a-new-staff-password");
    await newcomer.getByRole("button", { name: "登录" }).click();
    await expect(newcomer.getByTestId("current-user")).toContainText("赵新");

    const row = page.getByTestId("user-new.staff@tracker.example");
    await row.getByLabel("停用原因").fill("借调结束");
    await row.getByRole("button", { name: "停用 new.staff@tracker.example" }).click();
    await expect(row).toContainText("已停用（借调结束）");

    await newcomer.reload();
    await expect(newcomer).toHaveURL(/\/sign-in/);
    await newcomer.getByLabel("电子邮箱").fill("new.staff@tracker.example");
    await newcomer.getByLabel("密码").fill("a-new-staff-password");
    await newcomer.getByRole("button", { name: "登录" }).click();
    await expect(newcomer.getByText("该账号已停用，请联系系统管理员。")).toBeVisible();
    await other.close();
  });

  test("adds an agency, a theme and a feedback option", async ({ page }) => {
    await page.goto("/en/admin/agencies");
    const agencyForm = page.locator("form").last();
    await agencyForm.getByLabel("Code", { exact: true }).fill("SHSASAC");
    await agencyForm.getByLabel("Name (Chinese)", { exact: true }).fill("上海市国有资产监督管理委员会");
    await agencyForm.getByRole("button", { name: "Add" }).click();
    await expect(page.getByTestId("agency-SHSASAC")).toBeVisible();
    await agencyForm.getByRole("button", { name: "Add" }).click();
    await expect(agencyForm.getByText("This code is already in use.")).toBeVisible();

    await page.goto("/en/admin/satisfaction");
    const levelForm = page.locator("form").last();
    await levelForm.getByLabel("Key").fill("understood");
    await levelForm.getByLabel("Label (Chinese)").fill("理解");
    await levelForm.getByLabel("Label (English)").fill("Understood");
    await levelForm.getByRole("button", { name: "Add" }).click();
    await expect(page.getByTestId("level-understood")).toBeVisible();
  });
});

test.describe("staff", () => {
  test.use({ storageState: storageStateFor("staffJxw"), allowedConsoleErrors: [/status of 404/] });

  test("see no administration and get a 404 there", async ({ page }) => {
    await page.goto("/zh-CN");
    await expect(page.getByRole("link", { name: "系统管理" })).toHaveCount(0);
    const response = await page.goto("/zh-CN/admin/users");
    expect(response?.status()).toBe(404);
  });
});

test.describe("the audit log", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("shows who did what, newest first", async ({ page }) => {
    await page.goto("/zh-CN/admin/audit");
    const first = page.getByTestId("audit-event").first();
    await expect(first).toBeVisible();
    await expect(page.getByTestId("audit-event").filter({ hasText: "停用用户" })).toContainText("借调结束");
  });

  for (const [locale, width] of [
    ["zh-CN", 1440],
    ["en", 1440],
    ["zh-CN", 390],
    ["en", 390],
  ] as const)
    test(`reads as words, not codes, and filters on the server (${locale}, ${width} px)`, async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${locale}/admin/audit`);
      const rows = page.getByTestId("audit-event");
      await expect(rows.first()).toBeVisible();
      const text = (await rows.allInnerTexts()).join("\n");
      // No action code, no JSON, no internal id of an item.
      expect(text).not.toMatch(/\b(statusUpdate|recommendation|evidence|session|sample)\.[a-zA-Z]+\b/);
      expect(text).not.toMatch(/[{}]|"\w+":/);
      expect(text).not.toMatch(/\bc[a-z0-9]{24}\b/);
      // Every field has its name in the language (none shown as its code, such as "revokedById").
      const fields = await page.locator("[data-testid=audit-event] dt").allInnerTexts();
      expect(fields.filter((field) => /^[a-z]+[A-Z]/.test(field))).toEqual([]);

      const what = locale === "zh-CN" ? "操作" : "What";
      // The user deactivated above.
      const recorded = locale === "zh-CN" ? "停用用户" : "Deactivated a user";
      await page.getByLabel(what, { exact: true }).selectOption({ label: recorded });
      await page.getByRole("button", { name: locale === "zh-CN" ? "筛选" : "Filter" }).click();
      await expect(page).toHaveURL(/action=user\.deactivate/);
      await expect(rows.first()).toBeVisible();
      for (const row of await rows.all()) await expect(row).toContainText(recorded);
      await expect(rows.first()).toContainText("new.staff@tracker.example");
      await page.screenshot({ path: testInfo.outputPath(`audit-${locale}-${width}.png`), fullPage: false });
    });
});
