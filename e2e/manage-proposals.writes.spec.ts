import type { Page } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

// A short proposal in the usual form: a title and an opening, three numbered measures (the second of
// which holds two), and a closing formula.
const TEXT = [
  "关于推进公共数据开放共享的建议",
  "当前，公共数据开放程度不高，制约了数据要素价值的释放。为此，建议：",
  "一、建立公共数据开放清单。由市数据局牵头，按年度更新开放目录。",
  "二、完善数据授权运营机制。明确授权范围和收益分配。同时建设数据安全监测平台，及时发现和处置风险。",
  "三、加强人才培养。支持高校开设数据相关专业。",
  "以上建议，请予研究。",
].join("\n");

const HIERARCHICAL = [
  "关于加快公共数据开放的建议",
  "为此建议如下：",
  "一、完善公共数据开放制度体系",
  "（一）制定公共数据开放条例。明确开放的范围、方式和责任。",
  "（二）建立开放目录动态更新机制。每季度更新一次。",
  "二、推动数据要素市场化配置",
  "（一）培育数据交易场所。支持数据交易所扩大业务。",
  "（二）探索数据资产入表。开展试点。",
  "以上建议，请予研究。",
].join("\n");

/** Screenshots in test-results/ to look at: the whole page, and the screen at the review's heading. */
async function shoot(page: Page, name: string, testId?: string) {
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
  await (testId ? page.getByTestId(testId) : page.locator("#entry-parts")).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/${name}-review.png` });
}

test.describe("an admin entering a proposal", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("pastes its text, adjusts the split, saves, then assigns agencies", async ({ page }) => {
    await page.goto("/zh-CN/admin/proposals");
    await page.getByRole("link", { name: "新建建议（辅助录入）" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/proposals\/new$/);

    await page.getByLabel("编号", { exact: true }).fill("DATA-2025");
    await page.getByLabel("标题（中文）").fill("关于推进公共数据开放共享的建议");
    await page.getByLabel("提出人（代表）").fill("测试代表");
    await page.getByLabel("届次与会次", { exact: true }).fill("上海市第十六届人民代表大会第三次会议");
    await page.getByLabel("提出日期").fill("2025-01-20");
    await page.getByLabel("内容摘要", { exact: true }).fill("建议加快公共数据开放共享。");
    await page.getByLabel("建议全文").fill(TEXT);
    await page.getByRole("button", { name: "按序号拆分" }).click();

    const parts = page.getByTestId("entry-part");
    await expect(parts).toHaveCount(3);
    await expect(page.getByText("拆分结果：3 条")).toBeVisible();
    await expect(parts.nth(0).getByLabel("标题（中文）")).toHaveValue("建立公共数据开放清单");

    // The second part holds two measures: split it before 同时.
    const quote = parts.nth(1).getByLabel("原文引述");
    await quote.evaluate((area: HTMLTextAreaElement) => {
      const at = area.value.indexOf("同时");
      area.focus();
      area.setSelectionRange(at, at);
    });
    await parts.nth(1).getByRole("button", { name: "在光标处拆分 R2" }).click();
    await expect(parts).toHaveCount(4);
    await expect(parts.nth(2).getByLabel("原文引述")).toHaveValue(/^同时建设数据安全监测平台/);
    await parts.nth(2).getByLabel("标题（中文）").fill("建设数据安全监测平台");

    // The last one is not wanted after all; then a duplicate code is refused.
    await parts.nth(3).getByRole("button", { name: "删除 R4" }).click();
    await expect(parts).toHaveCount(3);
    await parts.nth(2).getByLabel("编号").fill("R1");
    await page.getByRole("button", { name: "保存建议及 3 条建议条目" }).click();
    await expect(parts.nth(2).getByText("该编号已被使用。")).toBeVisible();
    await parts.nth(2).getByLabel("编号").fill("R3");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "保存建议及 3 条建议条目" }).click();

    await expect(page).toHaveURL(/\/zh-CN\/admin\/proposals\/DATA-2025$/);
    const list = page.getByTestId("admin-recommendations");
    await expect(list.getByRole("listitem")).toHaveCount(3);
    await expect(list.getByRole("listitem").nth(2)).toContainText("建设数据安全监测平台");
    await expect(list.getByText("未交办")).toHaveCount(3);

    // Assign agencies to R1; a lead that is also a co-handler and due before start are refused.
    await page.getByRole("link", { name: "编辑建议条目 R1" }).click();
    const form = page.getByTestId("recommendation-form");
    await form.getByLabel("主办单位").selectOption({ label: "上海市数据局" });
    await form.getByRole("checkbox", { name: "上海市数据局" }).check();
    await form.getByLabel("开始日期").fill("2025-03-01");
    await form.getByLabel("完成时限").fill("2025-02-01");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByText("主办单位不能同时是协办单位。")).toBeVisible();
    await expect(form.getByText("完成时限不能早于开始日期。")).toBeVisible();
    await form.getByRole("checkbox", { name: "上海市数据局" }).uncheck();
    await form.getByRole("checkbox", { name: "上海市经济和信息化委员会" }).check();
    await form.getByLabel("完成时限").fill("2025-12-31");
    await form.getByRole("button", { name: "保存" }).click();
    await expect(form.getByText("已保存。")).toBeVisible();

    // The item's history shows each edit, before → after.
    await page.getByRole("link", { name: "查看条目及历史记录" }).click();
    const edits = page.getByTestId("edit-history");
    await expect(edits).toContainText("主办单位");
    await expect(edits).toContainText("协办单位");
    await expect(edits).toContainText("上海市经济和信息化委员会");
    await expect(edits).toContainText("2025-12-31");
  });

  test("finds both proposals on the home page, reorders and archives a recommendation", async ({ page }) => {
    await page.goto("/zh-CN");
    const portfolio = page.getByTestId("portfolio");
    // Both of them (other specs running beside this one may add proposals of their own).
    await expect(portfolio.getByTestId("portfolio-LLM-2024")).toBeVisible();
    const card = portfolio.getByTestId("portfolio-DATA-2025");
    await expect(card).toContainText("3 条建议条目");
    await expect(card).toContainText("未启动 3");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto("/zh-CN/admin/proposals/DATA-2025");
    const list = page.getByTestId("admin-recommendations");
    await page.getByRole("button", { name: "上移 R3" }).click();
    await expect(list.getByRole("listitem").nth(1)).toContainText("R3");

    await page.getByRole("link", { name: "编辑建议条目 R2" }).click();
    await expect(page.getByRole("heading", { name: "编辑建议条目 R2" })).toBeVisible();
    // The move's revalidation refreshes the router once more: type only after it (as the actions spec does).
    await page.waitForLoadState("networkidle");
    await page.getByLabel("归档原因").fill("与 R1 合并办理");
    await page.getByRole("button", { name: "归档" }).click();
    await expect(page.getByText("已归档：与 R1 合并办理")).toBeVisible();

    await page.goto("/zh-CN/table?proposal=DATA-2025");
    await expect(page.getByRole("main")).toContainText("建立公共数据开放清单");
    await expect(page.getByRole("main")).not.toContainText("完善数据授权运营机制");
    await page.goto("/zh-CN/proposals/DATA-2025/R2");
    await expect(page.getByText("此建议条目已归档（与 R1 合并办理）", { exact: false })).toBeVisible();
    await expect(page.getByTestId("edit-history")).toContainText("归档");
  });

  // After the test above, which counts the proposals on the home page.
  // Issue 15: the 一、 headings were dropped; now each is a recommendation and its （一） items its
  // actions, or, at the admin's choice, recommendations of their own.
  test("keeps 一、 headings over （一） items: the admin chooses actions or recommendations, saves actions", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/zh-CN/admin/proposals/new");
    await page.getByLabel("编号", { exact: true }).fill("OPEN-DATA");
    await page.getByLabel("标题（中文）").fill("关于加快公共数据开放的建议");
    await page.getByLabel("提出人（代表）").fill("测试代表");
    await page.getByLabel("届次与会次", { exact: true }).fill("上海市第十六届人民代表大会第三次会议");
    await page.getByLabel("提出日期").fill("2025-01-20");
    await page.getByLabel("内容摘要", { exact: true }).fill("建议完善公共数据开放制度。");
    await page.getByLabel("建议全文").fill(HIERARCHICAL);
    await page.getByRole("button", { name: "按序号拆分" }).click();

    const recs = page.getByTestId("entry-part");
    await expect(page.getByText("拆分结果：2 条建议条目，4 项举措")).toBeVisible();
    await expect(recs).toHaveCount(2);
    await expect(recs.nth(0).getByLabel("标题（中文）").first()).toHaveValue("完善公共数据开放制度体系");
    const actions = recs.nth(0).getByTestId("entry-action");
    await expect(actions).toHaveCount(2);
    await expect(actions.nth(1).getByLabel("编号")).toHaveValue("R1.2");
    await expect(actions.nth(1).getByLabel("原文引述（保存为举措说明）")).toHaveValue(
      "建立开放目录动态更新机制。每季度更新一次。",
    );
    // Required fields are marked before saving (issue 15, point 6): a visible * and aria-required.
    const summary = page.getByLabel("内容摘要", { exact: true });
    await expect(summary).toHaveAttribute("aria-required", "true");
    await expect(page.locator('label[for="summaryZh"] + [data-required-mark]')).toBeVisible();
    await expect(page.getByLabel("标题（英文，可选）", { exact: true }).first()).not.toHaveAttribute(
      "aria-required",
      "true",
    );
    await expect(actions.nth(1).getByLabel("标题（中文）")).toHaveAttribute("aria-required", "true");
    await shoot(page, "entry15-actions-zh-1440");

    // As recommendations of their own: four, the heading shown over the first of each group.
    const choice = page.getByRole("group", { name: "大标题（一、二、…）下的（一）（二）等条目作为" });
    await choice.getByLabel("单独的建议条目", { exact: false }).check();
    await expect(recs).toHaveCount(4);
    await expect(page.getByTestId("entry-action")).toHaveCount(0);
    await expect(recs.nth(2).getByTestId("entry-heading")).toContainText("推动数据要素市场化配置");
    await expect(page.getByRole("button", { name: "保存建议及 4 条建议条目" })).toBeVisible();
    await shoot(page, "entry15-recommendations-zh-1440");

    // Back to actions, and saved: the actions stand under their recommendation.
    await choice.getByLabel("所属建议条目的举措").check();
    await expect(recs).toHaveCount(2);
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "entry15-actions-zh-390");
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "保存建议及 2 条建议条目、4 项举措" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/proposals\/OPEN-DATA$/);
    const list = page.getByTestId("admin-recommendations");
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list.getByRole("listitem").nth(0)).toContainText("完善公共数据开放制度体系");
    await page.goto("/zh-CN/proposals/OPEN-DATA/R1/actions");
    await expect(page.getByRole("main")).toContainText("制定公共数据开放条例");
    await expect(page.getByRole("main")).toContainText("建立开放目录动态更新机制");
  });

  // Issue 15, point 7: one grid to assign all the new recommendations, saved together. The agencies
  // are none of the e2e staff accounts', so that other specs' counts of their items stay as they are.
  test("assigns lead, co-handlers, theme and dates to all new recommendations in one grid", async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/zh-CN/admin/proposals/OPEN-DATA");
    await page.getByRole("link", { name: "批量交办（承办单位、主题、日期）" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/proposals\/OPEN-DATA\/assign$/);
    const grid = page.getByTestId("assignment-grid");
    await expect(grid.getByTestId("assignment-row")).toHaveCount(2);
    await grid.getByLabel("R1 主办单位").selectOption({ label: "上海市数据局" });
    await grid.getByLabel("R1 协办单位").selectOption([{ label: "上海市发展和改革委员会" }]);
    await grid.getByLabel("R1 开始日期").fill("2025-03-01");
    await grid.getByLabel("R1 完成时限").fill("2025-12-31");
    await grid.getByLabel("R2 主办单位").selectOption({ label: "上海市发展和改革委员会" });
    await grid.getByLabel("R2 开始日期").fill("2025-06-01");
    await grid.getByLabel("R2 完成时限").fill("2025-05-01");
    await grid.getByRole("button", { name: "保存 2 条建议条目的交办信息" }).click();
    await expect(grid.getByText("完成时限不能早于开始日期。")).toBeVisible();
    await page.goto("/zh-CN/admin/proposals/OPEN-DATA");
    await expect(page.getByTestId("admin-recommendations").getByText("未交办")).toHaveCount(2);

    await page.goto("/zh-CN/admin/proposals/OPEN-DATA/assign");
    await grid.getByLabel("R1 主办单位").selectOption({ label: "上海市数据局" });
    await grid.getByLabel("R2 主办单位").selectOption({ label: "上海市发展和改革委员会" });
    await grid.getByLabel("R2 开始日期").fill("2025-06-01");
    await grid.getByLabel("R2 完成时限").fill("2025-12-31");
    await shoot(page, "entry15-assign-zh-1440", "assignment-grid");
    await page.setViewportSize({ width: 390, height: 844 });
    await shoot(page, "entry15-assign-zh-390", "assignment-grid");
    await page.setViewportSize({ width: 1440, height: 900 });
    await grid.getByRole("button", { name: "保存 2 条建议条目的交办信息" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();
    await page.goto("/zh-CN/admin/proposals/OPEN-DATA");
    await expect(page.getByTestId("admin-recommendations").getByText("未交办")).toHaveCount(0);
    await page.goto("/en/admin/proposals/OPEN-DATA/assign");
    await expect(page.getByTestId("assignment-grid").getByLabel("R2 Lead agency")).not.toHaveValue("");
    // At 1440 px every column shows: the frame does not scroll sideways (it does on a phone).
    const frame = page.getByTestId("assignment-frame");
    expect(await frame.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await shoot(page, "entry15-assign-en-1440", "assignment-grid");
  });

  test("shows the hierarchy and the choice in English too", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/en/admin/proposals/new");
    await page.getByLabel("Full text of the proposal").fill(HIERARCHICAL);
    await page.getByRole("button", { name: "Split by numbering" }).click();
    await expect(page.getByText("Proposed split: 2 recommendations with 4 actions")).toBeVisible();
    await expect(page.getByRole("radio", { name: "actions of the heading's recommendation" })).toBeChecked();
    await shoot(page, "entry15-actions-en-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("radio", { name: /recommendations of their own/ }).check();
    await expect(page.getByTestId("entry-part")).toHaveCount(4);
    await shoot(page, "entry15-recommendations-en-390");
  });
});
