import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { DEMO_ACCOUNTS, storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

// The sample's demo accounts have the reminders its dates imply (prisma/seed.ts). Other specs that
// run beside this one may tell these people of their changes meanwhile, so counts are compared
// with what the same page shows, never with fixed numbers.

/** The unread count the header's bell announces. */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByTestId("notification-bell").getAttribute("aria-label")) ?? "";
  if (/没有未读|none unread/i.test(label)) return 0;
  const count = label.match(/(\d+)/);
  if (!count) throw new Error(`the bell says no count: ${label}`);
  return Number(count[1]);
}

test.describe("the inbox, in Chinese on a desktop", () => {
  test.use({ storageState: storageStateFor("staffSjj") });
  // One person's inbox: opening one entry, then marking all read, in this order.
  test.describe.configure({ mode: "serial" });

  test("an entry opens its item and is read from then on", async ({ page }) => {
    await page.goto("/zh-CN/notifications");
    const entry = page.getByTestId("inbox").locator(":scope > li[data-unread]").first();
    const id = await entry.locator('input[name="notificationId"]').first().getAttribute("value");
    await entry.locator("form button").first().click();
    await expect(page).toHaveURL(/\/zh-CN\/(proposals\/[^/]+|dashboard)/);
    // Read now: as the database says (the inbox lists the unread first, and specs running beside this
    // one may have pushed it off the first page meanwhile).
    const database = new Database("data/e2e.db", { readonly: true, timeout: 30_000 });
    try {
      const row = database
        .prepare(
          `SELECT r."readAt" FROM "NotificationRecipient" r JOIN "User" u ON u."id" = r."userId"
           WHERE r."notificationId" = ? AND u."email" = ?`,
        )
        .get(id, DEMO_ACCOUNTS.staffSjj) as { readAt: unknown } | undefined;
      expect(row?.readAt).toBeTruthy();
    } finally {
      database.close();
    }
    await page.goto("/zh-CN/notifications?unread=1");
    await expect(page.getByTestId("inbox").locator(`input[value="${id}"]`)).toHaveCount(0);
  });

  test("the bell counts the unread, the inbox lists them and marks one and then all read", async ({
    page,
  }, testInfo) => {
    await page.goto("/zh-CN");
    const unread = await bellCount(page);
    expect(unread, "the sample's reminders").toBeGreaterThan(0);
    await expect(page.getByTestId("notification-bell")).toHaveAttribute(
      "aria-label",
      `通知：${unread} 条未读`,
    );

    await page.getByTestId("notification-bell").click();
    await expect(page).toHaveURL(/\/zh-CN\/notifications$/);
    await expect(page.getByRole("heading", { level: 1, name: "通知" })).toBeVisible();
    const inbox = page.getByTestId("inbox");
    const unreadRows = inbox.locator(":scope > li[data-unread]");
    // As this page's own bell says (another spec may have told this person of something meanwhile).
    expect(await unreadRows.count()).toBe(Math.min(await bellCount(page), 20));
    // Unread first: no read row stands before an unread one.
    await expect(inbox.locator(":scope > li").first()).toHaveAttribute("data-unread", "true");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("inbox-zh-1440.png"), fullPage: true });

    const first = unreadRows.first();
    const id = await first.locator('input[name="notificationId"]').first().getAttribute("value");
    await first.getByRole("button", { name: "标为已读" }).click();
    const marked = inbox.locator(":scope > li", { has: page.locator(`input[value="${id}"]`) });
    await expect(marked.getByRole("button", { name: "标为已读" })).toHaveCount(0);
    await expect(marked).not.toHaveAttribute("data-unread", "true");
    await page.reload();
    expect(await bellCount(page)).toBe(await inbox.locator(":scope > li[data-unread]").count());

    await page.getByRole("button", { name: "全部标为已读" }).click();
    await expect(inbox.locator(":scope > li[data-unread]")).toHaveCount(0);
    await expect(page.getByTestId("notification-bell")).toHaveAttribute("aria-label", "通知：没有未读");
    await page.getByRole("link", { name: /^未读/ }).click();
    await expect(page.getByText("没有未读通知。")).toBeVisible();
  });

  test("preferences refuse half a quiet-hours range, then save and stay saved", async ({ page }) => {
    await page.goto("/zh-CN/notifications");
    await page.getByRole("link", { name: "通知设置" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/notifications\/preferences$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const deadlines = page.getByRole("group", { name: "期限提醒" });
    await deadlines.getByLabel("汇总为每日摘要（早上 8:00）").check();
    await page.getByLabel("开始").fill("22:00");
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByText("免打扰时段需同时填写开始和结束时间。")).toBeVisible();
    await expect(page.getByLabel("结束")).toHaveAttribute("aria-invalid", "true");

    await page.getByLabel("结束").fill("08:00");
    await page.getByRole("button", { name: "保存设置" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.reload();
    await expect(
      page.getByRole("group", { name: "期限提醒" }).getByLabel("汇总为每日摘要（早上 8:00）"),
    ).toBeChecked();
    await expect(
      page.getByRole("group", { name: "重要变化" }).getByLabel("汇总为每日摘要（早上 8:00）"),
    ).not.toBeChecked();
    await expect(page.getByLabel("开始")).toHaveValue("22:00");
    await expect(page.getByLabel("结束")).toHaveValue("08:00");
  });

  test("an action is followed from its recommendation's page", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R2");
    const follow = page.getByTestId("action-R2.1").getByRole("button", { name: "关注举措 R2.1" });
    await expect(follow).toHaveAttribute("aria-pressed", "false");
    await follow.click();
    await expect(follow).toHaveAttribute("aria-pressed", "true");
    await page.reload();
    await expect(
      page.getByTestId("action-R2.1").getByRole("button", { name: "关注举措 R2.1" }),
    ).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("action-R2.1").getByRole("button", { name: "关注举措 R2.1" }).click();
    await expect(
      page.getByTestId("action-R2.1").getByRole("button", { name: "关注举措 R2.1" }),
    ).toHaveAttribute("aria-pressed", "false");
  });
});

test.describe("the inbox, in English on a phone", () => {
  test.use({ storageState: storageStateFor("staffJxw"), viewport: { width: 390, height: 844 } });

  test("the bell is in sight, the inbox fits the screen, and all is marked read", async ({
    page,
  }, testInfo) => {
    await page.goto("/en/notifications");
    const unread = await bellCount(page);
    expect(unread, "the sample's reminders").toBeGreaterThan(0);
    await expect(page.getByTestId("notification-bell")).toBeInViewport();
    await expect(page.getByTestId("notification-bell")).toHaveAttribute(
      "aria-label",
      `Notifications: ${unread} unread`,
    );
    await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("inbox-en-390.png"), fullPage: true });

    await page.getByRole("button", { name: "Mark all read" }).click();
    await expect(page.getByTestId("inbox").locator(":scope > li[data-unread]")).toHaveCount(0);
    await expect(page.getByTestId("notification-bell")).toHaveAttribute(
      "aria-label",
      "Notifications: none unread",
    );

    await page.getByRole("link", { name: "Notification settings" }).click();
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("group", { name: "Important changes" }).getByLabel("E-mail").uncheck();
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("preferences-en-390.png"), fullPage: true });
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("sets the reminder days and an agency's defaults", async ({ page }, testInfo) => {
    await page.goto("/zh-CN/admin/users");
    await page.getByRole("link", { name: "通知规则" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/notifications$/);
    await expect(page.getByTestId("mail-off")).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const replyDays = page.getByLabel("答复期限（含会办意见、重新办理）");
    await expect(replyDays).toHaveValue("14, 7, 1");
    await replyDays.fill("30, 0");
    await page.getByRole("button", { name: "保存提醒天数" }).click();
    await expect(page.getByText("请填写 1 至 180 之间的整数天数，用逗号分隔，最多 6 个。")).toBeVisible();
    await replyDays.fill("30、14, 7,1");
    await page.getByRole("button", { name: "保存提醒天数" }).click();
    await expect(page.getByText("已保存。").first()).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("答复期限（含会办意见、重新办理）")).toHaveValue("30, 14, 7, 1");

    await page.getByLabel("单位", { exact: true }).selectOption("STCSM");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(/agency=STCSM/);
    await expect(page.getByTestId("defaults-state")).toContainText("STCSM 尚未设定");
    await page.getByRole("group", { name: "期限提醒" }).getByLabel("电子邮件").uncheck();
    await page.getByRole("button", { name: "保存单位默认设置" }).click();
    await expect(page.getByText("已保存。").last()).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("defaults-state")).toContainText("STCSM 的默认设置由管理员设定");
    await expect(page.getByRole("group", { name: "期限提醒" }).getByLabel("电子邮件")).not.toBeChecked();
    await page.screenshot({ path: testInfo.outputPath("admin-notifications-zh.png"), fullPage: true });

    await page.goto("/en/admin/audit");
    await expect(page.getByText("notifications.thresholds").first()).toBeVisible();
  });
});
