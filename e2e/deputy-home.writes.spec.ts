// Issue 19, part 1: the demo deputy (王延峰（示例）, the sample proposal's first author) signs in on a
// phone, lands on their own page, sees their items only, opens one; another proposal's item is a 404.
// Writes: opening the home page records the visit (DeputyVisit).
import { devices } from "@playwright/test";
import Database from "better-sqlite3";
import { SAMPLE_PASSWORD, SAMPLE_PROPOSAL } from "../prisma/sample-data";
import { DEMO_ACCOUNTS } from "./accounts";
import { addDemoItem } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const OTHER = "E2E-NOTMINE";
const OTHER_TITLE = "另一位代表的演示条目";

test.use({
  ...devices["Pixel 7"],
  viewport: { width: 390, height: 844 },
  storageState: { cookies: [], origins: [] },
  // The refused item's page is a 404, which the browser reports.
  allowedConsoleErrors: [/404/],
});
test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  addDemoItem({ proposal: OTHER, code: "RX1", titleZh: OTHER_TITLE, values: { stage: "handling" } });
  // A copy of the sample would be his too: this one is nobody's (another deputy's, unlinked).
  const database = new Database("data/e2e.db", { timeout: 30_000 });
  try {
    database.prepare(`UPDATE "Proposal" SET "authorUserId" = NULL WHERE "code" = ?`).run(OTHER);
    database
      .prepare(`DELETE FROM "ProposalCosigner" WHERE "proposalId" = ?`)
      .run(`e2e-${OTHER.toLowerCase()}`);
  } finally {
    database.close();
  }
});

for (const [locale, words] of [
  [
    "zh-CN",
    {
      email: "电子邮箱",
      password: "密码",
      signIn: "登录",
      title: "我的建议",
      awaiting: "待您评价",
      changes: "您上次查看以来的变化",
    },
  ],
  [
    "en",
    {
      email: "Email",
      password: "Password",
      signIn: "Sign in",
      title: "My proposals",
      awaiting: "Awaiting your rating",
      changes: "What changed since you last looked",
    },
  ],
] as const) {
  test(`a deputy signs in on a phone and sees only their own items (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}/sign-in`);
    await page.getByLabel(words.email).fill(DEMO_ACCOUNTS.deputy);
    await page.getByLabel(words.password).fill(SAMPLE_PASSWORD);
    await page.getByRole("button", { name: words.signIn }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/deputy$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.title);
    await expect(page.getByRole("heading", { name: words.awaiting })).toBeVisible();
    await expect(page.getByRole("heading", { name: words.changes })).toBeVisible();
    const home = page.getByTestId("deputy-home");
    const title = locale === "en" ? SAMPLE_PROPOSAL.titleEn : SAMPLE_PROPOSAL.titleZh;
    await expect(home.getByRole("link", { name: title, exact: true })).toBeVisible();
    await expect(home).not.toContainText(OTHER_TITLE);
    expect(await page.getByTestId("deputy-recommendation").count()).toBeGreaterThanOrEqual(8);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The menu offers the deputy their page only: no dashboard, table, reports or admin.
    await page.getByRole("button", { name: locale === "en" ? "Menu" : "菜单" }).click();
    const nav = page.getByRole("navigation", { name: locale === "en" ? "Main navigation" : "主导航" });
    await expect(nav.getByRole("link")).toHaveCount(1);
    await page.getByRole("button", { name: locale === "en" ? "Menu" : "菜单" }).click();

    // One of the sample proposal's items opens (other specs' demo proposals are the deputy's too).
    await home
      .getByTestId("deputy-proposal")
      .filter({ has: page.getByRole("link", { name: title, exact: true }) })
      .getByTestId("deputy-recommendation")
      .first()
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/proposals/${SAMPLE_PROPOSAL.code}/R\\d`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Another proposal's item, its proposal, its public preview, the dashboard and the API: refused.
    for (const path of [
      `/${locale}/proposals/${OTHER}/RX1`,
      `/${locale}/proposals/${OTHER}`,
      `/${locale}/public/${OTHER}`,
      `/${locale}/dashboard`,
      `/${locale}/table`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText(OTHER_TITLE)).toHaveCount(0);
    }
    const api = await page.request.get(`/api/v1/recommendations?proposal=${OTHER}`);
    expect(api.status()).toBe(403);
    expect(await api.text()).not.toContain(OTHER_TITLE);
  });
}
