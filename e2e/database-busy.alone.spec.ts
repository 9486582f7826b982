// A save while another connection holds the database's write lock: the status form says "busy, try
// again" and keeps what was typed, and the same form saves once the lock is gone (lib/db/busy.ts).
// Runs alone, after every other spec (playwright.config.ts): any other save meanwhile would be busy.
import Database from "better-sqlite3";
import { storageStateFor } from "./accounts";
import { expect, test } from "./fixtures";

// The database the config's web server runs on.
const DATABASE_FILE = "data/e2e.db";

test.describe("staff of the lead agency, while the database is busy", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("the status form keeps the input and saves on the second try", async ({ page }) => {
    await page.goto("/zh-CN/proposals/LLM-2024/R2/R2.2/update");
    await page.getByLabel("推进中").check();
    await page.getByLabel("进度（%）").fill("75");
    await page.getByLabel("说明").fill("数据库繁忙时填写的说明。");

    const other = new Database(DATABASE_FILE);
    try {
      other.prepare("BEGIN IMMEDIATE").run();
      await page.getByRole("button", { name: "保存进展" }).click();
      // (Next's route announcer is an alert too.)
      // The save first waits SQLite's busy timeout (5 s) for the lock.
      await expect(page.getByRole("alert").filter({ hasText: "系统繁忙" })).toHaveText(
        "系统繁忙，请稍后重试。您填写的内容已保留。",
        { timeout: 20_000 },
      );
    } finally {
      if (other.inTransaction) other.prepare("ROLLBACK").run();
      other.close();
    }
    await expect(page).toHaveURL(/\/R2\.2\/update$/);
    await expect(page.getByLabel("说明")).toHaveValue("数据库繁忙时填写的说明。");
    await expect(page.getByLabel("进度（%）")).toHaveValue("75");
    await expect(page.getByLabel("推进中")).toBeChecked();

    await page.getByRole("button", { name: "保存进展" }).click();
    await expect(page).toHaveURL(/\/R2\?saved=1/);
    await expect(page.getByTestId("history").locator(":scope > li").first()).toContainText(
      "数据库繁忙时填写的说明。",
    );
  });
});
