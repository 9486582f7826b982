import { SAMPLE_EVIDENCE, SAMPLE_RECOMMENDATIONS } from "../prisma/sample-data";
import { expect, seriousAxeViolations, test } from "./fixtures";

for (const rec of SAMPLE_RECOMMENDATIONS) {
  test(`${rec.code} shows its source quote, actions, evidence and history`, async ({ page }) => {
    await page.goto(`/zh-CN/proposals/LLM-2024/${rec.code}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(rec.titleZh);
    await expect(page.getByTestId("source-quote")).toHaveText(rec.sourceQuote);

    for (const action of rec.actions) {
      const row = page.getByTestId(`action-${action.code}`);
      await expect(row).toContainText(action.titleZh);
    }

    const codes = new Set([rec.code, ...rec.actions.map((action) => action.code)]);
    const evidence = SAMPLE_EVIDENCE.filter((item) => codes.has(item.target));
    expect(evidence.length).toBeGreaterThan(0);
    await expect(page.getByTestId("evidence-item")).toHaveCount(evidence.length);
    for (const item of evidence) {
      const link = page.getByTestId("evidence-item").getByRole("link", { name: item.titleZh });
      await expect(link).toHaveAttribute("href", item.url);
      await expect(link).toHaveAttribute("target", "_blank");
      await expect(link).toHaveAttribute("rel", "noopener noreferrer");
    }

    const historyEntries = rec.actions.reduce((sum, action) => sum + action.history.length, 0);
    // One entry per action update; the recommendation's roll-ups are shown inside them.
    await expect(page.getByTestId("history").locator(":scope > li")).toHaveCount(historyEntries);
  });
}

test("the timeline shows who changed what, when, from what to what", async ({ page }) => {
  await page.goto("/zh-CN/proposals/LLM-2024/R3");
  const first = page.getByTestId("history").getByRole("listitem").first();
  await expect(first).toContainText("生效日期");
  await expect(first).toContainText("→");
  await expect(first).toContainText(/记录于/);
});

test("the recommendation page reads in English and passes axe in both languages", async ({ page }) => {
  const rec = SAMPLE_RECOMMENDATIONS[2];
  if (!rec) throw new Error("sample has no R3");
  await page.goto(`/zh-CN/proposals/LLM-2024/${rec.code}`);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "切换到英文界面" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/proposals/LLM-2024/${rec.code}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(rec.titleEn);
  await expect(page.getByRole("heading", { name: "From the source text" })).toHaveCount(0);
  await expect(page.getByText("From the source text")).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();
  // After the client-side switch the title may still be on its way (axe: document-title).
  await expect(page).toHaveTitle(new RegExp(rec.code));
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test.describe(() => {
  test.use({ allowedConsoleErrors: [/status of 404/] });

  test("an unknown recommendation is a translated 404", async ({ page }) => {
    const response = await page.goto("/en/proposals/LLM-2024/R99");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const zh = await page.goto("/zh-CN/no/such/page");
    expect(zh?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  });
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", db: "ok" });
});
