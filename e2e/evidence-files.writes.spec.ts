// Evidence that is only a file, as staff add it: the lead agency's staff add a scanned reply letter
// (a small real PDF) as evidence with no link — told in words first that a file must be chosen, and
// why a disguised executable is refused — see it on the item with its file, attach a second file
// to it and remove that, and are told the last one cannot go; in Chinese on a desktop and in English
// on a phone (390 px, no horizontal scroll), axe clean. Then a contact record's file: the staff
// attach the minutes to a record and the deputy sees them on it. On an item of the spec's own (RE1,
// led by SHEITC as the sample's R3), with a contact record put in beside it.
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { EXECUTABLES, pdf } from "../tests/integration/support/sample-files";
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const ITEM = "/proposals/E2E-EVFILE/RE1";
const RECOMMENDATION_ID = "e2e-e2e-evfile-re1";
const CONTACT_ID = "e2e-evfile-contact";
/** This run's mark on its titles and file names: a second run on the same database adds its own. */
const RUN = Date.now().toString(36).slice(-5);

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  addDemoItem({
    proposal: "E2E-EVFILE",
    code: "RE1",
    titleZh: "文件佐证演示条目",
    values: { stage: "handling", status: "in_progress" },
  });
  const database = new Database("data/e2e.db", { timeout: 30_000 });
  try {
    const staff = database
      .prepare(
        `SELECT u."id", u."agencyId" FROM "User" u JOIN "Agency" a ON a."id" = u."agencyId" WHERE a."code" = 'SHEITC' LIMIT 1`,
      )
      .get() as { id: string; agencyId: string };
    const now = stored(new Date());
    database
      .prepare(
        `INSERT OR IGNORE INTO "DeputyContact" ("id", "recommendationId", "agencyId", "contactDate", "method", "participants", "summary", "recordedById", "createdAt")
         VALUES (?, ?, ?, ?, 'in_person', '王延峰（示例）代表；市经济信息化委', '当面沟通答复口径。', ?, ?)`,
      )
      .run(
        CONTACT_ID,
        RECOMMENDATION_ID,
        staff.agencyId,
        stored(new Date("2026-11-20T00:00:00+08:00")),
        staff.id,
        now,
      );
  } finally {
    database.close();
  }
});

/** The browser's report of an upload refused (400), which the form then explains. */
const REFUSED_UPLOAD = [/the server responded with a status of 400 \(Bad Request\)/];

async function choose(scope: ReturnType<Page["getByTestId"]> | Page, buffer: Buffer, name: string) {
  await scope
    .locator('input[type="file"]')
    .first()
    .setInputFiles({ name, mimeType: "application/pdf", buffer });
}

const noHorizontalScroll = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()?.width ?? 0,
  );

test.describe("the lead agency's staff, in Chinese on a desktop", () => {
  test.use({ storageState: storageStateFor("staffJxw"), allowedConsoleErrors: REFUSED_UPLOAD });

  test("add a scanned reply letter as evidence without a link, and remove a second file", async ({
    page,
  }) => {
    await page.goto(`/zh-CN${ITEM}/evidence/new`);
    await page.getByRole("radio", { name: "文件" }).check();
    await page.getByLabel("标题（中文）").fill(`市经济信息化委答复函（扫描件）${RUN}`);
    await page.getByLabel("类型").selectOption("report");
    // No file chosen: said next to the file field, nothing sent.
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page.getByText("请选择要上传的文件。")).toBeVisible();
    // A disguised executable: refused, with the reason.
    await choose(page, EXECUTABLES.elf(), "答复函.pdf");
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page.getByText(/不支持此类文件/)).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await choose(page, pdf("reply letter", 4096), `答复函扫描件${RUN}.pdf`);
    await page.getByRole("button", { name: "添加" }).click();

    // Back on the item: the piece, without a link, with its file.
    await page.waitForURL(/\/zh-CN\/proposals\/E2E-EVFILE\/RE1\?saved=1/);
    const piece = page
      .getByTestId("evidence-item")
      .filter({ hasText: `市经济信息化委答复函（扫描件）${RUN}` });
    await expect(piece.getByRole("link", { name: `答复函扫描件${RUN}.pdf` })).toBeVisible();
    // No link out: the piece has none.
    await expect(piece.locator('a[href^="http"]')).toHaveCount(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Its page: a second file, removed again; the last one stays.
    await piece.getByRole("link", { name: /编辑/ }).click();
    await expect(page.getByText("无链接：本佐证材料为文件，见下方文件列表。")).toBeVisible();
    const upload = page.getByTestId("file-upload");
    await choose(upload, pdf("second page", 2048), `答复函第二页${RUN}.pdf`);
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(upload.getByRole("status")).toContainText(`已上传：答复函第二页${RUN}.pdf`);
    const second = page.getByTestId("file-item").filter({ hasText: `答复函第二页${RUN}.pdf` });
    await second.getByRole("button", { name: "移除" }).click();
    await second.getByRole("alertdialog").getByRole("button", { name: "确认移除" }).click();
    await expect(page.getByTestId("file-item").filter({ hasText: `答复函第二页${RUN}.pdf` })).toHaveCount(0);
    const last = page.getByTestId("file-item").filter({ hasText: `答复函扫描件${RUN}.pdf` });
    await last.getByRole("button", { name: "移除" }).click();
    await last.getByRole("alertdialog").getByRole("button", { name: "确认移除" }).click();
    await expect(last.getByRole("alert")).toContainText("不能移除");
    await expect(last).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("attach the minutes to a contact record", async ({ page }) => {
    await page.goto(`/zh-CN${ITEM}`);
    const record = page.getByTestId("contact-record").filter({ hasText: "当面沟通答复口径。" });
    await record.getByTestId("contact-attach").locator("summary").click();
    const upload = record.getByTestId("file-upload");
    await choose(upload, pdf("minutes", 2048), `面商纪要${RUN}.pdf`);
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(record.getByRole("link", { name: `面商纪要${RUN}.pdf` })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("the lead agency's staff, in English on a phone", () => {
  test.use({
    storageState: storageStateFor("staffJxw"),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    allowedConsoleErrors: REFUSED_UPLOAD,
  });

  test("add signed minutes as evidence without a link, without horizontal scroll", async ({ page }) => {
    await page.goto(`/en${ITEM}/evidence/new`);
    await page.getByRole("radio", { name: "A file" }).check();
    await page.getByLabel("Title (Chinese)").fill(`沟通会议纪要（签字版）${RUN}`);
    await page.getByLabel("Title (English, optional)").fill(`Signed minutes of the meeting ${RUN}`);
    await page.getByLabel("Kind").selectOption("meeting_minutes");
    await choose(page, Buffer.alloc(0), `minutes-${RUN}.pdf`);
    await page.getByRole("button", { name: "Add" }).click();
    await expect(page.getByText("The file is empty (0 bytes) and was not saved.")).toBeVisible();
    await noHorizontalScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await choose(page, pdf("signed minutes", 2048), `minutes-${RUN}.pdf`);
    await page.getByRole("button", { name: "Add" }).click();
    await page.waitForURL(/\/en\/proposals\/E2E-EVFILE\/RE1\?saved=1/);
    const piece = page
      .getByTestId("evidence-item")
      .filter({ hasText: `Signed minutes of the meeting ${RUN}` });
    await expect(piece.getByRole("link", { name: `minutes-${RUN}.pdf` })).toBeVisible();
    await noHorizontalScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("the deputy on a phone", () => {
  test.use({
    storageState: storageStateFor("deputy"),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

  test("sees the contact record's file and the evidence's, and may remove neither", async ({ page }) => {
    await page.goto(`/en${ITEM}`);
    const record = page.getByTestId("contact-record").filter({ hasText: "当面沟通答复口径。" });
    await expect(record.getByRole("link", { name: `面商纪要${RUN}.pdf` })).toBeVisible();
    const piece = page
      .getByTestId("evidence-item")
      .filter({ hasText: `Signed minutes of the meeting ${RUN}` });
    await expect(piece.getByRole("link", { name: `minutes-${RUN}.pdf` })).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
    await noHorizontalScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
