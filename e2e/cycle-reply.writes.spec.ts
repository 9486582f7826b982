// The reply cycle by four accounts, in zh-CN: the lead's staff (SHEITC) drafts and submits, the
// co-handler (STCSM) signs, the lead's reviewer approves, the office accepts with a corrected class.
// The sample's items are all answered (2024): the spec adds its own item, RC9, copied from R3 (led by
// SHEITC, co-handled by STCSM) and put back to 办理中.
import { storageStateFor } from "./accounts";
import { addDemoItem } from "./demo-item";
import { expect, test } from "./fixtures";

const ITEM = "/zh-CN/proposals/E2E-REPLY/RC9";

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  addDemoItem({
    proposal: "E2E-REPLY",
    code: "RC9",
    titleZh: "答复流程演示条目",
    values: { stage: "handling" },
  });
});

const workflow = (page: import("@playwright/test").Page) => page.getByTestId("reply-workflow");

test.describe("the lead agency's staff", () => {
  test.use({ storageState: storageStateFor("staffJxw") });
  test("drafts the reply and submits it for sign-off", async ({ page }) => {
    await page.goto(ITEM);
    await expect(workflow(page).getByTestId("cycle-stage")).toHaveText("办理中");
    const draft = workflow(page).getByTestId("draft-form");
    await draft.getByLabel("答复类别").selectOption("B");
    await draft.getByLabel("答复内容").fill("经研究，我委将牵头建设开源大模型生态。");
    await draft.getByLabel("答复函链接（https）").fill("http://example.org/letter.pdf");
    await draft.getByRole("button", { name: "保存答复稿" }).click();
    await expect(draft.getByText("答复函链接须以 https:// 开头。")).toBeVisible();
    await draft.getByLabel("答复函链接（https）").fill("https://example.org/letter.pdf");
    await draft.getByRole("button", { name: "保存答复稿" }).click();
    await expect(workflow(page).getByTestId("cycle-stage")).toHaveText("答复起草");
    await workflow(page).getByRole("button", { name: "提交答复稿" }).click();
    await expect(workflow(page).getByTestId("cycle-stage")).toHaveText("会签中");
    await expect(workflow(page).getByRole("button", { name: "提交答复稿" })).toHaveCount(0);
  });
});

test.describe("the co-handler's staff", () => {
  test.use({ storageState: storageStateFor("staffKw") });
  test("signs the draft, which goes to review", async ({ page }) => {
    await page.goto(ITEM);
    // The draft's text (its promise is offered for review below it too).
    await expect(
      workflow(page).getByRole("paragraph").filter({ hasText: "经研究，我委将牵头建设开源大模型生态。" }),
    ).toBeVisible();
    await expect(workflow(page).getByTestId("signoffs")).toContainText("待会签");
    await workflow(page).getByRole("button", { name: "会签同意" }).click();
    await expect(workflow(page).getByTestId("cycle-stage")).toHaveText("审核中");
  });
});

test.describe("the lead agency's reviewer", () => {
  test.use({ storageState: storageStateFor("reviewerJxw") });
  test("approves it for the office", async ({ page }) => {
    await page.goto(ITEM);
    await workflow(page).getByRole("button", { name: "审核通过" }).click();
    await expect(workflow(page).getByTestId("cycle-stage")).toHaveText("待受理");
  });
});

test.describe("the office", () => {
  test.use({ storageState: storageStateFor("office") });
  test("accepts it with a corrected class, and the item counts as replied", async ({ page }) => {
    await page.goto(ITEM);
    const accept = workflow(page).getByTestId("accept-form");
    await accept.getByLabel("受理类别").selectOption("A");
    await accept.getByRole("button", { name: "受理答复" }).click();
    await expect(workflow(page).getByTestId("cycle-stage")).toHaveText("已答复");
    await expect(workflow(page).getByTestId("draft-class")).toContainText(
      "原定 B类 · 正在解决 → 更正为 A类 · 解决采纳",
    );
    const history = page.getByTestId("cycle-history");
    for (const step of ["受理答复", "审核", "会签", "提交答复稿", "起草答复"])
      await expect(history).toContainText(step);
    await expect(history).toContainText("陈静");
  });
});
