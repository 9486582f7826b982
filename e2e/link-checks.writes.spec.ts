// Link checks in the browser: the admin page lists a broken link and one changed since cited, with
// their item and "check again now"; the item's evidence list says the same in a line; the allowed
// hosts are saved, and a bad one refused. The checks are real: the spec serves the pages itself (on
// 127.0.0.1), runs the app's checker on them (allowed as an admin allows an intranet host) and stores
// what it found as the app's background loop would, so that the spec need not wait a minute for it.
import Database from "better-sqlite3";
import { checkLink } from "../lib/link-checks/check";
import { startTestSite, type TestSite } from "../tests/integration/support/link-site";
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const DATABASE_FILE = "data/e2e.db";
let site: TestSite;
let itemPage = "";

/** Cites `url` on the demo item and stores its checks: `versions` texts, one check after each. */
async function citeAndCheck(id: string, url: string, titleZh: string, versions: string[]) {
  const allowed = { allowedHosts: ["127.0.0.1"] };
  const checks = [];
  for (const text of versions) {
    site.setPage(id, text);
    checks.push(await checkLink(url, allowed));
  }
  const baseline = checks.find((check) => check.textHash !== null);
  const last = checks.at(-1);
  if (!last) throw new Error("at least one check");
  const database = new Database(DATABASE_FILE, { timeout: 30_000 });
  const now = new Date();
  try {
    database
      .transaction(() => {
        database
          .prepare(
            `INSERT OR IGNORE INTO "Evidence" ("id", "recommendationId", "url", "titleZh", "kind", "isPublic", "createdAt", "updatedAt")
             VALUES (?, 'e2e-e2e-lnk-l1', ?, ?, 'other', 0, ?, ?)`,
          )
          .run(`e2e-link-${id}`, url, titleZh, stored(now), stored(now));
        database
          .prepare(
            `INSERT OR IGNORE INTO "LinkCheck" ("id", "evidenceId", "url", "dueAt", "baselineAt", "baselineHash",
               "checkedAt", "outcome", "failure", "httpStatus", "finalUrl", "title", "textHash", "snapshot", "error",
               "checks", "createdAt", "updatedAt")
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            `ev:e2e-link-${id}`,
            `e2e-link-${id}`,
            url,
            stored(new Date(now.getTime() + 7 * 86_400_000)),
            baseline ? stored(now) : null,
            baseline?.textHash ?? null,
            stored(now),
            last.outcome,
            last.failure,
            last.httpStatus,
            last.finalUrl,
            last.title,
            last.textHash,
            last.snapshot,
            last.error,
            checks.length,
            stored(now),
            stored(now),
          );
      })
      .immediate();
  } finally {
    database.close();
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  site = await startTestSite();
  itemPage = addDemoItem({
    proposal: "E2E-LNK",
    code: "L1",
    titleZh: "链接检查演示条目",
    values: { stage: "handling", status: "in_progress", progress: 40 },
  });
  await citeAndCheck("changed", `${site.origin}/page/changed`, "改版的政策解读（端到端）", [
    "第一版：到 2025 年建成算力调度平台",
    "第二版：到 2026 年建成算力调度平台",
  ]);
  await citeAndCheck("gone", `${site.origin}/missing`, "已删除的通知（端到端）", ["—"]);
});

test.afterAll(async () => {
  await site?.close();
});

test.describe("an admin, in Chinese on a desktop", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

  test("sees the broken and the changed link with their item", async ({ page }, testInfo) => {
    await page.goto("/zh-CN/admin/users");
    await page.getByRole("navigation", { name: "系统管理" }).getByRole("link", { name: "链接检查" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/link-checks$/);
    const broken = page.getByTestId("flagged-link").filter({ hasText: "已删除的通知（端到端）" });
    await expect(broken).toHaveAttribute("data-state", "broken");
    await expect(broken).toContainText("已失效");
    await expect(broken).toContainText("网页返回 HTTP 404");
    await expect(broken.getByRole("link", { name: "E2E-LNK L1" })).toBeVisible();
    const changed = page.getByTestId("flagged-link").filter({ hasText: "改版的政策解读（端到端）" });
    await expect(changed).toHaveAttribute("data-state", "changed");
    await expect(changed).toContainText("自引用以来已变化");
    await expect(changed).toContainText("第二版：到 2026 年建成算力调度平台");
    await expect(changed).toContainText("页面 changed");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("admin-link-checks-zh.png"), fullPage: true });
  });

  test("the item's evidence list says which link changed and which is broken", async ({ page }, testInfo) => {
    await page.goto(itemPage);
    const evidence = page.getByTestId("evidence-item");
    await expect(
      evidence.filter({ hasText: "改版的政策解读（端到端）" }).getByTestId("link-status"),
    ).toContainText("自引用以来已变化");
    await expect(
      evidence.filter({ hasText: "已删除的通知（端到端）" }).getByTestId("link-status"),
    ).toContainText("已失效：网页返回 HTTP 404");
    await page.screenshot({ path: testInfo.outputPath("item-link-status-zh.png"), fullPage: true });
  });
});

test.describe("an admin, in English on a phone", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 390, height: 844 } });

  test("reads the same list, without scrolling sideways", async ({ page }, testInfo) => {
    await page.goto("/en/admin/link-checks");
    const broken = page.getByTestId("flagged-link").filter({ hasText: "已删除的通知（端到端）" });
    await expect(broken).toContainText("Broken");
    await expect(broken).toContainText("the page answered HTTP 404");
    const changed = page.getByTestId("flagged-link").filter({ hasText: "改版的政策解读（端到端）" });
    await expect(changed).toContainText("Changed since cited");
    await expect(page.getByRole("heading", { name: "Intranet hosts allowed" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("admin-link-checks-en-390.png"), fullPage: true });

    await page.goto(itemPage.replace("/zh-CN/", "/en/"));
    await expect(
      page
        .getByTestId("evidence-item")
        .filter({ hasText: "已删除的通知（端到端）" })
        .getByTestId("link-status"),
    ).toContainText("Broken: the page answered HTTP 404");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("item-link-status-en-390.png"), fullPage: true });
  });
});

// Last: a check asked for now may run (in the app's background loop) while later tests read the page.
test.describe("an admin, in Chinese on a desktop, afterwards", () => {
  test.use({ storageState: storageStateFor("admin"), viewport: { width: 1440, height: 900 } });

  test("asks for a check again, and saves the allowed hosts (a bad one refused)", async ({ page }) => {
    await page.goto("/zh-CN/admin/link-checks");
    const broken = page.getByTestId("flagged-link").filter({ hasText: "已删除的通知（端到端）" });
    await broken.getByRole("button", { name: `立即重新检查：${site.origin}/missing` }).click();
    await expect(broken.getByText("已安排检查，一分钟内完成。")).toBeVisible();

    const hosts = page.getByLabel("主机（每行一个）");
    await hosts.fill("oa.example.gov.cn\n不是主机!");
    await page.getByRole("button", { name: "保存主机" }).click();
    await expect(page.getByText("请每行填写一个主机名（如 oa.example.gov.cn）或 IP 地址。")).toBeVisible();
    await hosts.fill("oa.example.gov.cn\n10.0.0.8");
    await page.getByRole("button", { name: "保存主机" }).click();
    await expect(page.getByText("已保存允许访问的内网主机。")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("主机（每行一个）")).toHaveValue("oa.example.gov.cn\n10.0.0.8");
  });
});
