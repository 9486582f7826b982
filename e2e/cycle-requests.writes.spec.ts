// 延期 and 退回/改办 by two accounts, in zh-CN: the lead agency's staff (SHEITC) asks for a later reply
// deadline and to hand the item back; the office approves the extension on its desk (on a phone, 390 px),
// rejects the hand-back on the item's page, and approves a second one, which gives the item a new lead.
// The spec adds its own item, RQ1, copied from R3 (led by SHEITC, co-handled by STCSM), assigned today.
import { addMonths } from "../lib/dates";
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const ITEM = "/zh-CN/proposals/E2E-REQUESTS/RQ1";
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const DUE = addMonths(TODAY, 3);
const ASKED = addMonths(TODAY, 4);
const midnight = (day: string) => stored(new Date(`${day}T00:00:00+08:00`));

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  const now = stored(new Date());
  addDemoItem({
    proposal: "E2E-REQUESTS",
    code: "RQ1",
    titleZh: "延期与退回演示条目",
    values: { assignedAt: midnight(TODAY), replyDueAt: midnight(DUE), stage: "handling" },
    assignedAt: now,
    acknowledgedAt: now,
  });
});

const panel = (page: import("@playwright/test").Page) => page.getByTestId("requests-panel");

test.describe("the lead agency's staff", () => {
  test.use({ storageState: storageStateFor("staffJxw") });
  test("asks for an extension (refused beyond 6 months) and to hand the item back", async ({ page }) => {
    await page.goto(ITEM);
    await expect(panel(page)).toContainText(`现行答复期限：${DUE}`);
    const extension = panel(page).getByTestId("extension-request-form");
    await extension.getByLabel("申请延至").fill(addMonths(TODAY, 7));
    await extension.getByLabel("理由").fill("涉及多个部门协调，需延长答复期限。");
    await extension.getByRole("button", { name: "提交延期申请" }).click();
    await expect(extension.getByText(/申请的期限不得晚于交办后 6 个月/)).toBeVisible();
    await extension.getByLabel("申请延至").fill(ASKED);
    await extension.getByRole("button", { name: "提交延期申请" }).click();
    const asked = panel(page).getByTestId("extension-request");
    await expect(asked).toContainText(`答复期限 ${DUE} → ${ASKED}`);
    await expect(asked).toContainText("待审批");
    await expect(panel(page).getByTestId("extension-request-form")).toHaveCount(0);

    const handback = panel(page).getByTestId("handback-request-form");
    await handback.getByLabel("理由").fill("该事项主要涉及发展规划，不属于本委职责。");
    await handback.getByLabel("建议改由").selectOption({ label: "上海市发展和改革委员会" });
    await handback.getByRole("button", { name: "提交退回申请" }).click();
    const handed = panel(page).getByTestId("handback-request");
    await expect(handed).toContainText("上海市经济和信息化委员会（主办）申请退回");
    await expect(handed).toContainText("建议改由：上海市发展和改革委员会");
    await expect(panel(page).getByText("本单位已有一份退回申请待审批。")).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("the office on a phone", () => {
  test.use({
    storageState: storageStateFor("office"),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  test("approves the extension on its desk, oldest request first", async ({ page }) => {
    await page.goto("/zh-CN/office");
    const rows = page.getByTestId("pending-request").filter({ hasText: "RQ1" });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute("data-kind", "extension");
    expect(await seriousAxeViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await rows.first().getByRole("button", { name: "批准", exact: true }).click();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-kind", "handback");
    await page.goto(ITEM);
    await expect(panel(page)).toContainText(`现行答复期限：${ASKED}`);
    await expect(panel(page).getByTestId("extension-request")).toContainText("已批准");
  });
});

test.describe("the office on the item's page", () => {
  test.use({ storageState: storageStateFor("office") });
  test("rejects the hand-back with a reason", async ({ page }) => {
    await page.goto(ITEM);
    const decide = panel(page).getByTestId("handback-decide-form");
    await decide.getByRole("button", { name: "不批准" }).click();
    await expect(decide.getByText("不批准时请填写审批意见。")).toBeVisible();
    await decide.getByLabel("审批意见").fill("属于本委职责范围，请继续办理。");
    await decide.getByRole("button", { name: "不批准" }).click();
    const handed = panel(page).getByTestId("handback-request");
    await expect(handed).toContainText("未批准");
    await expect(handed).toContainText("审批意见：属于本委职责范围，请继续办理。");
    await expect(page.getByTestId("assignment-panel").getByTestId("cycle-stage")).toHaveText("办理中");
    await expect(page.getByTestId("cycle-history")).toContainText("退回审批");
    await expect(page.getByTestId("cycle-history")).toContainText("延期审批");
  });
});

test.describe("a second hand-back", () => {
  test("the lead asks again, the office approves: the suggested agency leads, to acknowledge", async ({
    browser,
  }) => {
    const lead = await (await browser.newContext({ storageState: storageStateFor("staffJxw") })).newPage();
    await lead.goto(ITEM);
    await expect(panel(lead).getByTestId("handback-request")).toContainText("审批意见：属于本委职责范围");
    const handback = panel(lead).getByTestId("handback-request-form");
    await handback.getByLabel("理由").fill("补充说明：该事项由发展改革部门统筹。");
    await handback.getByLabel("建议改由").selectOption({ label: "上海市发展和改革委员会" });
    await handback.getByRole("button", { name: "提交退回申请" }).click();
    await expect(panel(lead).getByText("本单位已有一份退回申请待审批。")).toBeVisible();

    const office = await (await browser.newContext({ storageState: storageStateFor("office") })).newPage();
    await office.goto(ITEM);
    const decide = panel(office).getByTestId("handback-decide-form");
    await expect(decide.getByLabel("新主办单位")).toHaveValue(/.+/);
    await expect(decide.getByLabel("新主办单位").locator("option:checked")).toHaveText(
      "上海市发展和改革委员会",
    );
    await decide.getByRole("button", { name: "批准", exact: true }).click();
    const assignment = office.getByTestId("assignment-panel");
    await expect(assignment.getByTestId("cycle-stage")).toHaveText("待签收");
    await expect(assignment).toContainText("上海市发展和改革委员会");
    await expect(assignment).not.toContainText("上海市经济和信息化委员会");
    await expect(assignment.getByText(/未签收，应于 \d{4}-\d{2}-\d{2} 前签收/)).toHaveCount(1);
    await expect(panel(office)).toContainText(`现行答复期限：${DUE}`);

    // The agency that handed it back no longer has a part in its requests.
    await lead.reload();
    await expect(panel(lead)).toHaveCount(0);
  });
});
