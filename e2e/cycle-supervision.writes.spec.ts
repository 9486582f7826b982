// 督办 by two accounts, in zh-CN: the office marks an item 重点督办 and issues a red 督办单 to its lead
// (SHEITC), whose staff acknowledges and answers it; the office's desk lists the notice until it is
// answered; the table, filtered by warning level, on a phone. The spec adds its own item, RS9, copied
// from R3 (led by SHEITC, co-handled by STCSM), put back to 办理中 with its reply deadline past: red.
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const ITEM = "/zh-CN/proposals/E2E-SUPERVISE/RS9";
const NOTICE = "请于一周内报送开源大模型生态建设的阶段性进展。";
const ANSWER = "已报送阶段性进展，并明确下一步时间表。";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  // Thirty days past its reply deadline (midnight in Shanghai).
  const dueDay = new Date(Date.now() - 30 * 86_400_000).toLocaleDateString("sv-SE", {
    timeZone: "Asia/Shanghai",
  });
  addDemoItem({
    proposal: "E2E-SUPERVISE",
    code: "RS9",
    titleZh: "督办演示条目",
    values: {
      replyDueAt: stored(new Date(`${dueDay}T00:00:00+08:00`)),
      stage: "handling",
      status: "in_progress",
    },
  });
});

const panel = (page: import("@playwright/test").Page) => page.getByTestId("supervision-panel");
/** A week from today, in Shanghai, as a date field takes it. */
const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

test.describe("the office", () => {
  test.use({ storageState: storageStateFor("office") });
  test("marks the item 重点督办 and issues a red 督办单 to its lead", async ({ page }) => {
    await page.goto(ITEM);
    await expect(panel(page).getByTestId("item-warning")).toHaveText("红色");
    await panel(page).getByRole("button", { name: "列为重点督办" }).click();
    await expect(panel(page).getByTestId("priority-mark")).toHaveText("重点督办");
    const issue = panel(page).getByTestId("issue-notice-form");
    // Nothing chosen or written: refused, with the fields' messages.
    await issue.getByLabel("督办等级").selectOption("");
    await issue.getByRole("button", { name: "下发督办单" }).click();
    await expect(issue.getByText("请选择督办等级（蓝色、黄色或红色）。")).toBeVisible();
    await issue.getByLabel("督办等级").selectOption("red");
    await issue.getByLabel("答复期限").fill(inAWeek());
    await issue.getByLabel("督办内容").fill(NOTICE);
    await issue.getByRole("button", { name: "下发督办单" }).click();
    const notice = panel(page).getByTestId("supervision-notice");
    await expect(notice).toHaveCount(1);
    await expect(notice).toHaveAttribute("data-level", "red");
    await expect(notice).toContainText(NOTICE);
    await expect(notice).toContainText("尚未签收");
    await expect(notice).toContainText("陈静");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto("/zh-CN/office");
    await expect(page.getByTestId("open-notices")).toContainText("督办演示条目");
  });
});

test.describe("the lead agency's staff", () => {
  test.use({ storageState: storageStateFor("staffJxw") });
  test("acknowledges the notice, then answers it", async ({ page }) => {
    await page.goto(ITEM);
    const notice = panel(page).getByTestId("supervision-notice");
    await expect(notice).toContainText(NOTICE);
    // Neither the priority mark nor a new notice is the agency's to give.
    await expect(panel(page).getByTestId("priority-form")).toHaveCount(0);
    await expect(panel(page).getByTestId("issue-notice-form")).toHaveCount(0);
    await expect(notice.getByTestId("answer-notice-form")).toHaveCount(0);
    await notice.getByRole("button", { name: "签收督办单" }).click();
    await expect(notice).toContainText("已签收");
    const answer = notice.getByTestId("answer-notice-form");
    await answer.getByRole("button", { name: "提交答复" }).click();
    await expect(answer.getByText("此项为必填项。")).toBeVisible();
    await answer.getByLabel("答复内容").fill(ANSWER);
    await answer.getByRole("button", { name: "提交答复" }).click();
    await expect(notice.getByTestId("notice-answer")).toHaveText(ANSWER);
    await expect(notice.getByTestId("answer-notice-form")).toHaveCount(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("the office, afterwards", () => {
  test.use({ storageState: storageStateFor("office") });
  test("no longer has the notice on its desk; the history keeps each step", async ({ page }) => {
    await page.goto("/zh-CN/office");
    await expect(page.getByRole("heading", { name: "待答复的督办单" })).toBeVisible();
    await expect(page.getByText("督办演示条目")).toHaveCount(0);
    await page.goto(ITEM);
    const history = page.getByTestId("cycle-history");
    for (const step of ["督办单答复", "督办单签收", "下发督办单", "重点督办"])
      await expect(history).toContainText(step);
  });
});

test.describe("the table on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("filtered by warning level, shows the red item with its level and priority", async ({ page }) => {
    await page.goto("/zh-CN/table?warning=red,yellow&proposal=E2E-SUPERVISE");
    const row = page.locator("tr, li, article").filter({ hasText: "督办演示条目" }).first();
    await expect(row).toBeVisible();
    await expect(row.locator('[data-warning="red"]')).toHaveText("红色");
    await expect(row).toContainText("是");
    // Every listed item is red or yellow.
    const levels = await page
      .locator("[data-warning]")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-warning")));
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((level) => level === "red" || level === "yellow")).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
