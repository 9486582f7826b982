import { storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

// A proposal of its own, entered by an admin: its recommendations start unassigned (待交办).
const CODE = "CYCLE-ASSIGN";
const TEXT = [
  "关于完善人工智能算力调度的建议",
  "为此，建议：",
  "一、建立全市算力调度平台。统一调度公共算力资源。",
  "二、支持中小企业使用算力。发放算力券。",
  "以上建议，请予研究。",
].join("\n");
const ITEM = `/zh-CN/proposals/${CODE}/R1`;

test.describe("交办 and 签收", () => {
  test("an admin enters the proposal", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("admin") })).newPage();
    await page.goto("/zh-CN/admin/proposals/new");
    await page.getByLabel("编号", { exact: true }).fill(CODE);
    await page.getByLabel("标题（中文）").fill("关于完善人工智能算力调度的建议");
    await page.getByLabel("提出人（代表）").fill("测试代表");
    await page.getByLabel("届次与会次", { exact: true }).fill("上海市第十六届人民代表大会第三次会议");
    await page.getByLabel("提出日期").fill("2025-01-20");
    await page.getByLabel("内容摘要", { exact: true }).fill("建议完善算力调度。");
    await page.getByLabel("建议全文").fill(TEXT);
    await page.getByRole("button", { name: "按序号拆分" }).click();
    await expect(page.getByTestId("entry-part")).toHaveCount(2);
    await page.getByRole("button", { name: "保存建议及 2 条建议条目" }).click();
    await expect(page).toHaveURL(new RegExp(`/zh-CN/admin/proposals/${CODE}$`));
  });

  test("the office assigns R1 from its desk", async ({ browser }) => {
    const page = await (await browser.newContext({ storageState: storageStateFor("office") })).newPage();
    await page.goto("/zh-CN");
    await page.getByRole("link", { name: "督办台" }).first().click();
    await expect(page).toHaveURL(/\/zh-CN\/office$/);
    await expect(page.getByRole("heading", { name: "督办台", level: 1 })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("listitem").filter({ hasText: CODE }).getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/zh-CN/office/proposals/${CODE}/assign$`));
    const grid = page.getByTestId("assignment-grid");
    await grid.getByLabel("R1 主办单位").selectOption({ label: "上海市经济和信息化委员会" });
    await grid.getByLabel("R1 协办单位").selectOption([{ label: "上海市科学技术委员会" }]);
    await grid.getByRole("button", { name: "保存 2 条建议条目的交办信息" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();

    await page.goto(ITEM);
    const panel = page.getByTestId("assignment-panel");
    await expect(panel.getByTestId("cycle-stage")).toHaveText("待签收");
    await expect(panel).toContainText("上海市经济和信息化委员会");
    await expect(panel.getByText(/未签收，应于 \d{4}-\d{2}-\d{2} 前签收/)).toHaveCount(2);
    // The office does not acknowledge for an agency.
    await expect(panel.getByRole("button", { name: "签收" })).toHaveCount(0);
  });

  test("the co-handler and then the lead acknowledge", async ({ browser }) => {
    const co = await (await browser.newContext({ storageState: storageStateFor("staffKw") })).newPage();
    await co.goto(ITEM);
    let panel = co.getByTestId("assignment-panel");
    await panel.getByRole("button", { name: "签收" }).click();
    await expect(panel.getByText(/\d{4}-\d{2}-\d{2} 已签收/)).toHaveCount(1);
    await expect(panel.getByTestId("cycle-stage")).toHaveText("待签收");

    const lead = await (await browser.newContext({ storageState: storageStateFor("staffJxw") })).newPage();
    await lead.goto(ITEM);
    panel = lead.getByTestId("assignment-panel");
    expect(await seriousAxeViolations(lead)).toEqual([]);
    await panel.getByRole("button", { name: "签收" }).click();
    await expect(panel.getByTestId("cycle-stage")).toHaveText("办理中");
    await expect(panel.getByText(/\d{4}-\d{2}-\d{2} 已签收/)).toHaveCount(2);
    await expect(panel.getByRole("button", { name: "签收" })).toHaveCount(0);
  });
});
