import { SAMPLE_PROPOSAL, SAMPLE_RECOMMENDATIONS } from "../prisma/sample-data";
import { expect, seriousAxeViolations, test } from "./fixtures";

test("the home page is the proposal overview in Chinese, listing R1–R8", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/zh-CN$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SAMPLE_PROPOSAL.titleZh);
  await expect(page.getByText("示例数据").first()).toBeVisible();

  const rows = page.getByTestId(/^recommendation-R\d$/);
  await expect(rows).toHaveCount(8);
  for (const rec of SAMPLE_RECOMMENDATIONS) {
    const row = page.getByTestId(`recommendation-${rec.code}`);
    await expect(row).toContainText(rec.titleZh);
    await expect(row.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /^\d+$/);
  }
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("switches to English at a click, and back", async ({ page }) => {
  await page.goto("/zh-CN");
  await page.getByRole("link", { name: "切换到英文界面" }).click();
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_PROPOSAL.titleEn);
  await expect(page.getByText("Sample data").first()).toBeVisible();
  for (const rec of SAMPLE_RECOMMENDATIONS) {
    await expect(page.getByTestId(`recommendation-${rec.code}`)).toContainText(rec.titleEn);
  }
  await expect(page.getByText("Overall progress (weighted)")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Switch to the Chinese interface" }).click();
  await expect(page).toHaveURL(/\/zh-CN$/);
});

test("the figures add up to the recommendations listed", async ({ page }) => {
  await page.goto("/zh-CN");
  const figure = (label: string) =>
    page
      .getByRole("listitem")
      .filter({ has: page.getByText(label, { exact: true }) })
      .locator("p")
      .nth(1);
  const total = Number(await figure("条目总数").textContent());
  expect(total).toBe(8);
  let sum = 0;
  for (const label of ["未启动", "推进中", "已完成", "受阻", "未采纳"])
    sum += Number(await figure(label).textContent());
  expect(sum).toBe(total);
});

test("a recommendation row opens its page", async ({ page }) => {
  await page.goto("/zh-CN");
  await page.getByTestId("recommendation-R3").getByRole("link").click();
  await expect(page).toHaveURL(/\/zh-CN\/proposals\/LLM-2024\/R3$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SAMPLE_RECOMMENDATIONS[2]?.titleZh ?? "");
});

test("fits a phone screen without sideways scrolling @phone", async ({ page }) => {
  // A mobile browser widens its layout viewport to overflowing content, so compare with the screen.
  const screenWidth = page.viewportSize()?.width ?? 0;
  for (const path of [
    "/zh-CN",
    "/en",
    ...["R1", "R2", "R4"].flatMap((code) => [
      `/zh-CN/proposals/LLM-2024/${code}`,
      `/en/proposals/LLM-2024/${code}`,
    ]),
  ]) {
    await page.goto(path);
    const contentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(contentWidth, path).toBeLessThanOrEqual(screenWidth);
  }
});
