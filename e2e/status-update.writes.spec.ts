import { storageStateFor } from "./accounts";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test.describe("staff of the lead agency", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("moves R3 to 推进中 and an action to 60 % with a new evidence link", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R3");
    await page.getByRole("link", { name: "更新进展" }).first().click();
    await expect(page).toHaveURL(/\/R3\/update$/);
    await page.getByLabel("推进中").check();
    await page.getByLabel("说明").fill("开源生态进入第二阶段建设。");
    await page.getByRole("button", { name: "保存进展" }).click();
    await expect(page).toHaveURL(/\/R3\?saved=1/);
    await expect(page.getByText("进展已保存。")).toBeVisible();

    await page.getByRole("link", { name: "更新进展：举措 R3.2" }).click();
    await page.getByLabel("推进中").check();
    await page.getByLabel("进度（%）").fill("60");
    await page.getByLabel("说明").fill("社区运营机制调整，重新评估进度。");
    await page.getByLabel("网址").fill("https://github.com/InternLM/InternLM/releases");
    await page.getByLabel("标题").fill("书生·浦语版本发布记录");
    await page.getByLabel("类型").selectOption("repository");
    await page.getByRole("button", { name: "保存进展" }).click();
    await expect(page).toHaveURL(/\/R3\?saved=1/);

    const latest = page.getByTestId("history").locator(":scope > li").first();
    await expect(latest).toContainText("R3.2");
    await expect(latest).toContainText("→ 60%");
    await expect(latest).toContainText("张敏");
    await expect(latest).toContainText("表单录入");
    await expect(latest.getByRole("link", { name: "书生·浦语版本发布记录" })).toHaveAttribute(
      "rel",
      "noopener noreferrer",
    );
  });

  test("sees what a bad link is and changes nothing", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R3/R3.1/update");
    await page.getByLabel("说明").fill("尝试添加不安全链接");
    await page.getByLabel("网址").fill("javascript:alert(document.cookie)");
    await page.getByLabel("标题").fill("恶意链接");
    await page.getByRole("button", { name: "保存进展" }).click();
    await expect(page.getByText("网址须以 http:// 或 https:// 开头。")).toBeVisible();
    await expect(page.getByLabel("网址")).toHaveAttribute("aria-invalid", "true");
    await page.goto("/zh-CN/proposals/LLM-2024/R3");
    await expect(page.getByText("尝试添加不安全链接")).toHaveCount(0);
  });

  test("a stale second tab gets the conflict, keeps its input and can re-apply", async ({
    page,
    context,
  }) => {
    const form = "/zh-CN/proposals/LLM-2024/R3/R3.3/update";
    const stale = await context.newPage();
    await stale.goto(form);
    await page.goto(form);

    const now = stale.getByTestId("current-state");
    const progressBefore = Number((await now.textContent())?.match(/进度 (\d+)%/)?.[1]);
    const progressFirst = progressBefore === 77 ? 78 : 77;
    await page.getByLabel("进度（%）").fill(String(progressFirst));
    await page.getByLabel("说明").fill("第一个标签页的更新。");
    await page.getByRole("button", { name: "保存进展" }).click();
    await expect(page).toHaveURL(/\/R3\?saved=1/);

    await stale.getByLabel("说明").fill("第二个标签页的更新。");
    await stale.getByRole("button", { name: "保存进展" }).click();
    await expect(stale.getByText("此事项已有更新", { exact: true })).toBeVisible();
    await expect(stale.getByTestId("conflict-current")).toContainText("张敏");
    await expect(stale.getByTestId("conflict-current")).toContainText(`进度 ${progressFirst}%`);
    // The page's own "now" line says what the banner says, and the input typed is kept.
    await expect(now).toContainText(`进度 ${progressFirst}%`);
    await expect(stale.getByLabel("说明")).toHaveValue("第二个标签页的更新。");

    await stale.getByRole("button", { name: "保存进展" }).click();
    await expect(stale).toHaveURL(/\/R3\?saved=1/);
    const entries = stale.getByTestId("history").locator(":scope > li");
    await expect(entries.nth(0)).toContainText("第二个标签页的更新。");
    await expect(entries.nth(1)).toContainText("第一个标签页的更新。");
  });
});

test.describe("an official", () => {
  test("sees the change and its evidence in the timeline, and cannot edit", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R3");
    await expect(page.getByRole("link", { name: "更新进展" })).toHaveCount(0);
    const history = page.getByTestId("history");
    await expect(history).toContainText("社区运营机制调整，重新评估进度。");
    await expect(history.getByRole("link", { name: "书生·浦语版本发布记录" })).toBeVisible();
    await expect(
      page.getByTestId("evidence-item").filter({ hasText: "书生·浦语版本发布记录" }),
    ).toBeVisible();

    await page.goto("/zh-CN/proposals/LLM-2024/R3/R3.2/update");
    await expect(page.getByText("您的账号为只读权限，不能修改办理信息。")).toBeVisible();
    await expect(page.getByRole("button", { name: "保存进展" })).toHaveCount(0);
  });
});

test.describe("in English", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("the form and its errors are translated", async ({ page }) => {
    await page.goto("/en/proposals/LLM-2024/R5/R5.2/update");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Update progress");
    await page.getByLabel("Stalled").check();
    await page.getByRole("button", { name: "Save update" }).click();
    await expect(
      page.getByText("A comment is required when the status becomes completed, stalled or not adopted."),
    ).toBeVisible();
  });
});

test.describe("evidence", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("is added, corrected and withdrawn, and stays in the history as withdrawn", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R3");
    await page.getByRole("link", { name: "添加佐证材料" }).click();
    await page.getByLabel("对应事项").selectOption({ label: "建议条目 R3" });
    await page.getByLabel("网址").fill("https://opendatalab.com/");
    await page.getByLabel("标题（中文）").fill("开放数据平台（待更正）");
    await page.getByLabel("类型").selectOption("dataset");
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page).toHaveURL(/\/R3\?saved=1/);

    await page.getByRole("link", { name: "编辑佐证材料：开放数据平台（待更正）" }).click();
    await page.getByLabel("标题（中文）").fill("OpenDataLab 开放数据平台");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();

    await page.getByLabel("撤回原因").fill("与本条目关联不够直接");
    await page.getByRole("button", { name: "撤回" }).click();
    await expect(page.getByText(/已于 .* 撤回：与本条目关联不够直接/)).toBeVisible();

    await page.goto("/zh-CN/proposals/LLM-2024/R3");
    const item = page.getByTestId("evidence-item").filter({ hasText: "OpenDataLab 开放数据平台" });
    await expect(item).toContainText("已撤回");
    await expect(item).toContainText("与本条目关联不够直接");

    // Evidence cited by an update stays in that update, marked as withdrawn.
    await page.getByRole("link", { name: "编辑佐证材料：书生·浦语版本发布记录" }).click();
    await page.getByLabel("撤回原因").fill("链接指向的版本页已调整");
    await page.getByRole("button", { name: "撤回" }).click();
    await expect(page.getByText(/撤回：链接指向的版本页已调整/)).toBeVisible();
    await page.goto("/zh-CN/proposals/LLM-2024/R3");
    const cited = page
      .getByTestId("history")
      .locator(":scope > li")
      .filter({ hasText: "书生·浦语版本发布记录" });
    await expect(cited.getByTestId("withdrawn-evidence")).toContainText("撤回");
  });
});

test.describe("the reply recorded outside the tracker (补录)", () => {
  test.use({ storageState: storageStateFor("office") });

  test("is recorded by the office within the statutory clock", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R4");
    await page.getByRole("link", { name: "记录答复" }).click();
    await expect(page).toHaveURL(/\/R4\/reply$/);
    await page.getByLabel("答复期限").fill("2024-08-05");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("答复期限超过交办后 3 个月的，须填写延期原因。")).toBeVisible();
    await page.getByLabel("延期原因").fill("涉及多部门会商，经批准延期。");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();

    // With the approved extension the reply of 2024-06-18 is no longer late.
    await page.goto("/zh-CN/proposals/LLM-2024/R4");
    await expect(page.getByText("2024年8月5日")).toBeVisible();
    await expect(page.getByText("逾期 13 天答复")).toHaveCount(0);
  });
});

test.describe("the reply form of the lead agency's staff", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("is not offered to a co-handling agency", async ({ page }) => {
    // R2 is led by the science and technology commission; the economy commission co-handles it.
    await page.goto("/zh-CN/proposals/LLM-2024/R2/reply");
    await expect(page.getByText(/答复由主办单位填报/)).toBeVisible();
    await expect(page.getByRole("button", { name: "保存" })).toHaveCount(0);
  });
});

test.describe("actions of a recommendation", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("are added, reordered and re-weighted by the agency that handles it", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R8");
    await page.getByRole("link", { name: "管理举措" }).click();
    await expect(page).toHaveURL(/\/R8\/actions$/);

    await page.getByLabel("名称（中文）").fill("建立大模型应用成效评估机制");
    await page.getByLabel("主办单位").selectOption({ label: "上海市经济和信息化委员会" });
    await page.getByRole("checkbox", { name: "上海市经济和信息化委员会" }).check();
    await page.getByRole("button", { name: "新增" }).click();
    await expect(page.getByText("主办单位不能同时是协办单位。")).toBeVisible();
    await page.getByRole("checkbox", { name: "上海市经济和信息化委员会" }).uncheck();
    await page.getByRole("button", { name: "新增" }).click();
    await expect(page.getByTestId("manage-R8.4")).toContainText("建立大模型应用成效评估机制");

    await page.getByRole("button", { name: "上移 R8.4" }).click();
    await expect(page.locator("[data-testid^=manage-]").nth(2)).toHaveAttribute("data-testid", "manage-R8.4");

    await page.getByRole("link", { name: "编辑举措 R8.4" }).click();
    await expect(page.getByRole("heading", { name: "编辑举措 R8.4" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.getByLabel("权重").fill("2");
    await page.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("已保存。")).toBeVisible();

    await page.goto("/zh-CN/proposals/LLM-2024/R8");
    const rows = page.locator("[data-testid^=action-]");
    await expect(rows.nth(2)).toHaveAttribute("data-testid", "action-R8.4");
    await expect(rows.nth(2)).toContainText("2");
  });
});

test.describe("a session that ends while a form is open", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("gets a clear message and keeps what was typed", async ({ page, context }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R3/R3.1/update");
    await page.getByLabel("说明").fill("会话结束前填写的内容");
    await context.clearCookies();
    await page.getByRole("button", { name: "保存进展" }).click();
    await expect(page.getByText("登录已失效，请重新登录后再提交。")).toBeVisible();
    await expect(page.getByLabel("说明")).toHaveValue("会话结束前填写的内容");
  });
});
