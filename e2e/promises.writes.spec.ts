// Promises in replies become actions (issue 21): the lead's staff save a reply text with two dated
// promises, review them (untick one, edit the other's date), create; the action shows its sentence.
// Then the table's 重答复轻办理 filter. In zh-CN and en, each on its own item.
import { storageStateFor } from "./accounts";
import { addDemoItem } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const FIRST = "下一步，我委将于2027年6月底前出台算力调度实施方案。";
const SECOND = "力争2028年底前建成智能算力调度平台。";
const TEXT = `王延峰代表：您的建议收悉。2024年以来，我委已发放算力券。\n${FIRST}\n${SECOND}`;

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStateFor("staffJxw") });

const CASES = [
  {
    locale: "zh-CN",
    code: "PR9",
    l: {
      class: "答复类别",
      text: "答复内容",
      save: "保存答复稿",
      review: "从答复中提取的承诺（2）",
      due: "完成时限",
      create: "创建所选举措（1）",
      from: "来自答复的承诺：",
      filter: "重答复轻办理",
    },
  },
  {
    locale: "en",
    code: "PR8",
    l: {
      class: "Reply class",
      text: "Reply text",
      save: "Save draft",
      review: "Promises found in the reply (2)",
      due: "Due date",
      create: "Create the selected actions (1)",
      from: "Promise from the reply: ",
      filter: "Replied, not acted on",
    },
  },
] as const;

test.beforeAll(() => {
  for (const { code } of CASES)
    addDemoItem({
      proposal: "E2E-PROMISE",
      code,
      titleZh: `承诺演示条目 ${code}`,
      values: { stage: "handling" },
    });
});

for (const { locale, code, l } of CASES) {
  test(`${locale}: a reply's promises reviewed and created as actions`, async ({ page }) => {
    await page.goto(`/${locale}/proposals/E2E-PROMISE/${code}`);
    const workflow = page.getByTestId("reply-workflow");
    const draft = workflow.getByTestId("draft-form");
    await draft.getByLabel(l.class).selectOption("B");
    await draft.getByLabel(l.text).fill(TEXT);
    await draft.getByRole("button", { name: l.save }).click();
    const review = page.getByTestId("promise-review");
    await expect(review.getByRole("heading", { name: l.review })).toBeVisible();
    const rows = review.getByTestId("promise-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).getByTestId("promise-sentence")).toHaveText(FIRST);
    await expect(rows.nth(0).getByLabel(l.due)).toHaveValue("2027-06-30");
    await expect(rows.nth(1).getByLabel(l.due)).toHaveValue("2028-12-31");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await rows.nth(1).getByRole("checkbox").uncheck();
    await rows.nth(0).getByLabel(l.due).fill("2027-07-31");
    await review.getByRole("button", { name: l.create }).click();
    const source = page.getByTestId("promise-source").filter({ visible: true });
    await expect(source).toHaveText(`${l.from}${FIRST}`);
    await expect(source).toHaveCount(1);
    // Made once: the review offers only the one left.
    await expect(page.getByTestId("promise-row")).toHaveCount(1);
  });

  test(`${locale}: the table filters 重答复轻办理`, async ({ page }) => {
    await page.goto(`/${locale}/table?neglected=1`);
    await expect(page.getByRole("checkbox", { name: l.filter })).toBeChecked();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
