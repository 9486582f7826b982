// Review of status updates (审核), in zh-CN: the admin turns on 进展更新需审核 for the science and technology
// commission (STCSM); its staff (李强) submits two updates, of R7.2 (which STCSM leads) and R7.1 (which it
// co-handles), which wait beside R7's history and move nothing; STCSM's reviewer, in the queue at 390 px,
// approves one and rejects the other with a reason; the staff then sees the approved one in the history
// and the rejected one with its reason.
// STCSM rather than SHEITC: other specs running beside this one record SHEITC's updates at once. The
// sample has no reviewer for STCSM: the spec adds one (赵磊, the demo password), and turns review off
// again afterwards.
import Database from "better-sqlite3";
import { SAMPLE_PASSWORD } from "../prisma/sample-data";
import { storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

const DATABASE_FILE = "data/e2e.db";
const ITEM = "/zh-CN/proposals/LLM-2024/R7";
const REVIEWER = "reviewer.kw.e2e@tracker.example";

test.describe.configure({ mode: "serial" });

function withDatabase(run: (database: Database.Database) => void) {
  // Waits its turn while the app writes (other specs run beside this one).
  const database = new Database(DATABASE_FILE, { timeout: 30_000 });
  try {
    run(database);
  } finally {
    database.close();
  }
}

test.beforeAll(() =>
  withDatabase((database) => {
    const id = "e2e-update-review-reviewer";
    database.transaction(() => {
      database
        .prepare(
          `INSERT OR IGNORE INTO "User" ("id", "name", "email", "emailVerified", "role", "isReviewer", "agencyId", "createdAt", "updatedAt")
           SELECT ?, '赵磊', ?, 1, 'staff', 1, "agencyId", "createdAt", "updatedAt" FROM "User" WHERE "email" = 'staff.kw@tracker.example'`,
        )
        .run(id, REVIEWER);
      database
        .prepare(
          `INSERT OR IGNORE INTO "Account" ("id", "accountId", "providerId", "userId", "password", "createdAt", "updatedAt")
           SELECT ?, ?, 'credential', ?, "password", "createdAt", "updatedAt" FROM "Account"
           WHERE "userId" = (SELECT "id" FROM "User" WHERE "email" = 'staff.kw@tracker.example') AND "providerId" = 'credential'`,
        )
        .run(`${id}-account`, id, id);
    })();
  }),
);

test.afterAll(() =>
  withDatabase((database) => {
    database.prepare(`UPDATE "Agency" SET "updatesNeedReview" = 0 WHERE "code" = 'STCSM'`).run();
  }),
);

test.describe("the admin", () => {
  test.use({ storageState: storageStateFor("admin") });
  test("turns on 进展更新需审核 for the science and technology commission", async ({ page }) => {
    await page.goto("/zh-CN/admin/agencies");
    const agency = page.getByTestId("agency-STCSM");
    await agency.getByLabel("进展更新需审核").check();
    await agency.getByRole("button", { name: "保存" }).click();
    await expect(agency.getByText("已保存。")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("agency-STCSM").getByLabel("进展更新需审核")).toBeChecked();
  });
});

async function submitUpdate(
  page: import("@playwright/test").Page,
  action: string,
  progress: string,
  comment: string,
) {
  await page.goto(`${ITEM}/${action}/update`);
  // The form says beforehand that the update will wait for review.
  await expect(page.getByText("本单位的进展更新需经单位负责人审核", { exact: false })).toBeVisible();
  await page.getByLabel("推进中").check();
  await page.getByLabel("进度（%）").fill(progress);
  await page.getByLabel("说明").fill(comment);
  await page.getByRole("button", { name: "保存进展" }).click();
}

test.describe("the commission's staff", () => {
  test.use({ storageState: storageStateFor("staffKw") });
  test("submits two updates, which wait for review and move nothing", async ({ page }) => {
    await page.goto(ITEM);
    const historyBefore = await page.getByTestId("history").textContent();

    await submitUpdate(page, "R7.2", "65", "审核演示：共同体首批成员单位签约。");
    await expect(page).toHaveURL(/\/R7\?saved=review/);
    await expect(page.getByText("已提交审核：本单位审核人批准后，这条进展更新才会生效。")).toBeVisible();
    const waiting = page.getByTestId("item-proposals");
    await expect(waiting.locator('li[data-state="pending"]')).toHaveCount(1);
    await expect(waiting).toContainText("待审核");
    await expect(waiting).toContainText("R7.2");
    await expect(waiting).toContainText("审核演示：共同体首批成员单位签约。");
    // The history is as it was: nothing is recorded before the reviewer approves.
    expect(await page.getByTestId("history").textContent()).toBe(historyBefore);

    await submitUpdate(page, "R7.1", "85", "审核演示：人工智能学院筹建方案报批。");
    await expect(page).toHaveURL(/\/R7\?saved=review/);
    await expect(page.getByTestId("item-proposals").locator('li[data-state="pending"]')).toHaveCount(2);

    // One waits at a time per item: its form says so before anything is typed, and offers no save.
    await page.goto(`${ITEM}/R7.2/update`);
    await expect(page.getByTestId("update-pending")).toContainText(
      "该事项已有一条进展更新在等待审核，请待审核后再提交。",
    );
    await expect(page.getByRole("button", { name: "保存进展" })).toHaveCount(0);
  });
});

test.describe("the commission's reviewer", () => {
  test.use({ storageState: { cookies: [], origins: [] } });
  test.beforeEach(async ({ page }) => {
    await page.goto("/zh-CN/sign-in");
    await page.getByLabel("电子邮箱").fill(REVIEWER);
    await page.getByLabel("密码").fill(SAMPLE_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByTestId("current-user")).toBeVisible();
  });

  test("sees the count in the navigation", async ({ page }) => {
    await page.goto("/zh-CN/dashboard");
    const link = page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: /审核/ });
    await expect(link.getByTestId("review-count")).toHaveText("2");
  });

  test("approves one and rejects the other in the queue, on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/zh-CN/review");
    await expect(page.getByRole("heading", { name: "进展更新审核" })).toBeVisible();
    const queue = page.getByTestId("review-queue");
    await expect(queue.locator(":scope > li")).toHaveCount(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByTestId("proposal-R7.2").getByRole("checkbox").check();
    await page.getByRole("button", { name: "批准所选" }).click();
    await expect(page.getByText("已批准 1 条进展更新。")).toBeVisible();
    await expect(page.getByTestId("proposal-R7.2")).toHaveCount(0);

    // A rejection needs its reason.
    await page.getByTestId("proposal-R7.1").getByRole("checkbox").check();
    await page.getByRole("button", { name: "退回所选" }).click();
    await expect(page.getByText("退回须填写理由。")).toBeVisible();
    await page.getByLabel("退回理由").fill("请附筹建方案报批文件作为佐证。");
    await page.getByRole("button", { name: "退回所选" }).click();
    await expect(page.getByText("已退回 1 条进展更新。")).toBeVisible();
    await expect(page.getByTestId("review-empty")).toBeVisible();
  });
});

test.describe("the staff afterwards", () => {
  test.use({ storageState: storageStateFor("staffKw") });
  test("sees the approved update in the history and the rejected one with its reason", async ({ page }) => {
    await page.goto(ITEM);
    const latest = page.getByTestId("history").locator(":scope > li").first();
    await expect(latest).toContainText("R7.2");
    await expect(latest).toContainText("→ 65%");
    await expect(latest).toContainText("李强");
    const rejected = page.getByTestId("item-proposals").locator('li[data-state="rejected"]');
    await expect(rejected).toContainText("已退回");
    await expect(rejected).toContainText("R7.1");
    await expect(rejected.getByTestId("rejection-reason")).toContainText("请附筹建方案报批文件作为佐证。");
    await expect(page.getByTestId("item-proposals").locator('li[data-state="pending"]')).toHaveCount(0);
  });
});
