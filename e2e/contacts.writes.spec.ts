// 沟通记录 by two accounts: the lead agency's staff (SHEITC) records two contacts with the deputy, one
// in Chinese and one in English (a bad link refused first); the demo deputy, first author of the item's
// proposal, on a 390 px phone, disputes one (a comment required) in Chinese and confirms the other in
// English; every reader then sees the dispute flagged. The spec adds its own item, RC9, copied from R3
// into a proposal of its own (the same first author).
import { storageStateFor } from "./accounts";
import { addDemoItem } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const ITEM = "/proposals/E2E-CONTACTS/RC9";
const SUMMARY_ZH = "当面听取代表对开源社区建设的意见，代表建议明确托管平台的运营单位。";
const SUMMARY_EN = "Phoned the deputy about the reply's draft; the deputy asked for a clearer timetable.";
const DISPUTE = "当天并未面商，只收到了书面材料。";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  addDemoItem({
    proposal: "E2E-CONTACTS",
    code: "RC9",
    titleZh: "沟通记录演示条目",
    values: { stage: "handling", status: "in_progress" },
  });
});

const card = (page: import("@playwright/test").Page) => page.getByTestId("contact-card");

test.describe("the lead agency's staff", () => {
  test.use({ storageState: storageStateFor("staffJxw") });
  test("records a 面商 (zh-CN) and a phone call (en)", async ({ page }) => {
    await page.goto(`/zh-CN${ITEM}`);
    const form = card(page).getByTestId("contact-record-form");
    await form.getByLabel("沟通方式").selectOption("in_person");
    await form.getByLabel("参加人员").fill("王延峰（示例）代表；市经济信息化委软件处");
    await form.getByLabel("沟通内容").fill(SUMMARY_ZH);
    await form.getByLabel(/链接/).fill("javascript:alert(1)");
    await form.getByRole("button", { name: "保存记录" }).click();
    await expect(form.getByText("每个链接须为 http 或 https 地址。")).toBeVisible();
    await expect(card(page).getByTestId("contact-record")).toHaveCount(0);
    await form.getByLabel(/链接/).fill("https://example.org/minutes");
    await form.getByRole("button", { name: "保存记录" }).click();
    const record = card(page).getByTestId("contact-record");
    await expect(record).toHaveCount(1);
    await expect(record).toContainText(SUMMARY_ZH);
    await expect(record.getByTestId("contact-state")).toHaveText("待代表确认");
    await expect(record.getByRole("link", { name: "https://example.org/minutes" })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`/en${ITEM}`);
    const english = card(page).getByTestId("contact-record-form");
    await english.getByLabel("Method").selectOption("phone");
    await english.getByLabel("Participants").fill("The deputy; the commission's software division");
    await english.getByLabel("Summary").fill(SUMMARY_EN);
    await english.getByRole("button", { name: "Save the record" }).click();
    await expect(card(page).getByTestId("contact-record")).toHaveCount(2);
    await expect(card(page)).toContainText(SUMMARY_EN);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("the deputy on a phone", () => {
  test.use({
    storageState: storageStateFor("deputy"),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  test("disputes the 面商 with a comment (zh-CN) and confirms the call (en)", async ({ page }) => {
    await page.goto(`/zh-CN${ITEM}`);
    const record = card(page).getByTestId("contact-record").filter({ hasText: SUMMARY_ZH });
    // No record form for a deputy: they answer, they do not record.
    await expect(card(page).getByTestId("contact-record-form")).toHaveCount(0);
    const answer = record.getByTestId("contact-respond-form");
    await answer.getByRole("button", { name: "提出异议" }).click();
    await answer.getByRole("alertdialog").getByRole("button", { name: "是，提出异议" }).click();
    await expect(answer.getByText("提出异议时请说明理由。")).toBeVisible();
    await answer.getByLabel(/意见/).fill(DISPUTE);
    await answer.getByRole("button", { name: "提出异议" }).click();
    await answer.getByRole("alertdialog").getByRole("button", { name: "是，提出异议" }).click();
    await expect(record.getByTestId("contact-state")).toHaveText("代表有异议");
    await expect(record).toHaveAttribute("data-state", "disputed");
    await expect(record.getByTestId("contact-response")).toContainText(DISPUTE);
    await expect(record.getByTestId("contact-respond-form")).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`/en${ITEM}`);
    const call = card(page).getByTestId("contact-record").filter({ hasText: SUMMARY_EN });
    await call.getByRole("button", { name: "Confirm" }).click();
    await call.getByRole("alertdialog").getByRole("button", { name: "Yes, confirm" }).click();
    await expect(call.getByTestId("contact-state")).toHaveText("Confirmed by the deputy");
    await expect(
      card(page).getByTestId("contact-record").filter({ hasText: SUMMARY_ZH }).getByTestId("contact-state"),
    ).toHaveText("Disputed by the deputy");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("an official, afterwards", () => {
  test.use({ storageState: storageStateFor("official") });
  test("sees the dispute flagged and the deputy's comment, with no form", async ({ page }) => {
    await page.goto(`/zh-CN${ITEM}`);
    const disputed = card(page).locator('[data-state="disputed"]');
    await expect(disputed).toHaveCount(1);
    await expect(disputed).toContainText(DISPUTE);
    await expect(card(page).locator('[data-state="confirmed"]')).toHaveCount(1);
    await expect(card(page).locator("form")).toHaveCount(0);
  });
});
