import { SAMPLE_RECOMMENDATIONS } from "../prisma/sample-data";
import { expect, seriousAxeViolations, test } from "./fixtures";

const stalledActions = SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions).filter(
  (action) => action.history.at(-1)?.status === "stalled",
);
const figure = (page: import("@playwright/test").Page, key: string) =>
  page.getByTestId(`figure-${key}`).locator("[data-value]");

test("filters live in the URL and survive a reload; axe finds nothing serious", async ({ page }) => {
  await page.goto("/zh-CN/dashboard");
  await expect(page.getByRole("heading", { name: "统计看板", level: 1 })).toBeVisible();
  await expect(figure(page, "items")).toHaveText(String(SAMPLE_RECOMMENDATIONS.length));
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByLabel("事项类型").selectOption("action");
  await page.getByRole("checkbox", { name: "受阻" }).check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/kind=action/);
  await expect(page).toHaveURL(/status=stalled/);
  await expect(figure(page, "items")).toHaveText(String(stalledActions.length));

  await page.reload();
  await expect(figure(page, "items")).toHaveText(String(stalledActions.length));
  await expect(page.getByRole("checkbox", { name: "受阻" })).toBeChecked();
  await expect(page.getByLabel("事项类型")).toHaveValue("action");

  // The other language shows the same view.
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/dashboard\?.*kind=action/);
  await expect(figure(page, "items")).toHaveText(String(stalledActions.length));
});

test("clicking a chart segment opens the table filtered to it", async ({ page }) => {
  await page.goto("/zh-CN/dashboard");
  const overdueCount = await figure(page, "overdue").textContent();
  await page.getByTestId("chart-health").locator('[data-segment="overdue"]').click();
  await expect(page).toHaveURL(/\/zh-CN\/table\?health=overdue$/);
  await expect(page.getByTestId("table-row")).toHaveCount(Number(overdueCount));
  await expect(page.getByRole("checkbox", { name: "逾期" })).toBeChecked();

  // A recommendation's bar: a filter the form has no field for, said above the table.
  await page.goto("/zh-CN/dashboard");
  await page.getByTestId("chart-groups").locator("[data-segment]").first().click();
  await expect(page).toHaveURL(/\/zh-CN\/table\?recommendation=/);
  await expect(page.getByTestId("recommendation-filter")).toContainText("R1");
  await page.getByTestId("recommendation-filter").getByRole("link").click();
  await expect(page).toHaveURL(/\/zh-CN\/table$/);

  // The same view without a mouse: the chart's table, one link away, carries the links.
  await page.goto("/zh-CN/dashboard");
  await page.getByTestId("chart-status").getByRole("link", { name: "以表格查看" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/dashboard\?show=tables#figure-status$/);
  const status = page.getByTestId("chart-status");
  await expect(status.locator(".recharts-wrapper")).toHaveCount(0);
  await expect(status.getByRole("row")).toHaveCount(6);
  await status.getByRole("link", { name: "推进中" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/table\?status=in_progress$/);
  await page.goBack();
  await page.getByTestId("chart-status").getByRole("link", { name: "以图表查看" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/dashboard#figure-status$/);
  await expect(page.getByTestId("chart-status").locator(".recharts-wrapper")).toBeVisible();
});

test("the as-of date shows the state on that day, rebuilt from the history", async ({ page }) => {
  await page.goto("/en/dashboard");
  const completedToday = await figure(page, "completed").textContent();
  const progressToday = await figure(page, "averageProgress").textContent();
  await page.getByLabel("As of").fill("2025-06-30");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/asOf=2025-06-30/);
  await expect(page.getByTestId("as-of-notice")).toContainText("Jun 30, 2025");
  // On 30 June 2025 nothing was completed yet and the average progress was lower.
  await expect(figure(page, "completed")).toHaveText("0");
  expect(completedToday).not.toBe("0");
  const progressThen = await figure(page, "averageProgress").textContent();
  expect(Number.parseInt(progressThen ?? "", 10)).toBeLessThan(Number.parseInt(progressToday ?? "", 10));
  // The timeline ends on that day; its table keeps the day.
  await page.getByTestId("chart-timeline").getByRole("link", { name: "View as a table" }).click();
  await expect(page).toHaveURL(/asOf=2025-06-30&show=tables#figure-timeline$/);
  await expect(page.getByTestId("chart-timeline").getByRole("row").last()).toContainText("2025-06");

  await page.getByRole("link", { name: "Back to today" }).click();
  await expect(page).not.toHaveURL(/asOf=/);
  await expect(figure(page, "completed")).toHaveText(completedToday ?? "");
});

for (const locale of ["zh-CN", "en"] as const) {
  test(`screenshot of the dashboard in ${locale}`, async ({ page }, testInfo) => {
    await page.goto(`/${locale}/dashboard`);
    await expect(page.getByTestId("chart-timeline").locator(".recharts-line")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`dashboard-${locale}.png`), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The figures as tables.
    await page.goto(`/${locale}/dashboard?show=tables`);
    await expect(page.getByTestId("chart-timeline").getByRole("table")).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`dashboard-tables-${locale}.png`), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

test("the dashboard fits a phone screen @phone", async ({ page }) => {
  await page.goto("/zh-CN/dashboard");
  await expect(figure(page, "items")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("counts re-handling after a dissatisfied feedback, and links to those items", async ({ page }) => {
  // R5's deputy was dissatisfied, and the agency has not answered again within the month.
  await page.goto("/zh-CN/dashboard");
  const overdue = page.getByTestId("rehandling-overdue");
  await expect(overdue).toContainText("重新办理逾期");
  await overdue.getByRole("link").click();
  await expect(page).toHaveURL(/\/zh-CN\/table\?.*rehandling=overdue/);
  await expect(page.getByLabel("重新办理")).toHaveValue("overdue");
  await expect(page.getByRole("link", { name: /R5/ }).first()).toBeVisible();
});
