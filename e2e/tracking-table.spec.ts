import { SAMPLE_RECOMMENDATIONS } from "../prisma/sample-data";
import { expect, seriousAxeViolations, test } from "./fixtures";

const stalledActions = SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions).filter(
  (action) => action.history.at(-1)?.status === "stalled",
);

test("filters live in the URL, survive a reload, and a row opens its item", async ({ page }) => {
  await page.goto("/zh-CN/table");
  await expect(page.getByTestId("table-row")).toHaveCount(8);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByLabel("事项类型").selectOption("action");
  await page.getByRole("checkbox", { name: "受阻" }).check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/kind=action/);
  await expect(page).toHaveURL(/status=stalled/);
  await expect(page.getByTestId("table-row")).toHaveCount(stalledActions.length);

  await page.reload();
  await expect(page.getByTestId("table-row")).toHaveCount(stalledActions.length);
  await expect(page.getByRole("checkbox", { name: "受阻" })).toBeChecked();

  await page.getByTestId("table-row").first().getByRole("cell").nth(1).click();
  await expect(page).toHaveURL(/\/zh-CN\/proposals\/LLM-2024\/R\d#action-R\d\.\d$/);
});

test("searches Chinese text and sorts on the server", async ({ page }) => {
  await page.goto("/en/table?kind=action");
  await page.getByLabel("Search").fill("开源");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/q=%E5%BC%80%E6%BA%90/);
  const rows = page.getByTestId("table-row");
  // Titles, descriptions and evidence titles are searched: R3.1's title has 开源, R1.1's evidence does.
  await expect(rows.filter({ hasText: "R3.1" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "R1.1" })).toHaveCount(1);
  expect(await rows.count()).toBeLessThan(25);

  await page.goto("/en/table?kind=action");
  await page.getByRole("link", { name: "Progress" }).click();
  await expect(page).toHaveURL(/sort=progress&dir=asc/);
  await expect(page.getByRole("columnheader", { name: "Progress" })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
  await expect(rows.first()).toContainText("0%");
});

test("columns can be hidden and the choice is kept in the URL", async ({ page }) => {
  await page.goto("/zh-CN/table");
  await page.locator("summary", { hasText: "显示列" }).click();
  // The checkbox follows the URL, which changes once the server has answered.
  await page.getByRole("checkbox", { name: "主题" }).click();
  await expect(page).toHaveURL(/hide=theme/);
  await expect(page.getByRole("columnheader", { name: "主题" })).toHaveCount(0);
});

test("a page past the end shows the last page", async ({ page }) => {
  await page.goto("/zh-CN/table?page=5");
  await expect(page).toHaveURL(/\/zh-CN\/table$/);
  await expect(page.getByTestId("table-row")).toHaveCount(8);
});
