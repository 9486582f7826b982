// Files, as staff attach them: the lead's staff attach a scanned letter (an image) to the reply draft
// and see it previewed, attach a PDF to a piece of evidence and download it, and are told in words
// why a disguised executable is refused; in Chinese on a desktop and in English on a phone (390 px,
// no horizontal scroll), axe clean. On an item of the spec's own (RF9, led by SHEITC as the sample's
// R3), in drafting, with a reply draft and a piece of evidence put in beside it.

import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { EXECUTABLES, pdf, png } from "../tests/integration/support/sample-files";
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const ITEM = "/zh-CN/proposals/E2E-FILES/RF9";
const RECOMMENDATION_ID = "e2e-e2e-files-rf9";
const EVIDENCE_ID = "e2e-files-evidence";
const SHOTS = "/work/shots/files";
const shot = (page: Page, name: string) =>
  process.env.FILE_SHOTS ? page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }) : null;

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  addDemoItem({ proposal: "E2E-FILES", code: "RF9", titleZh: "附件演示条目", values: { stage: "drafting" } });
  const database = new Database("data/e2e.db", { timeout: 30_000 });
  try {
    const now = stored(new Date());
    const drafter = database
      .prepare(
        `SELECT u."id" FROM "User" u JOIN "Agency" a ON a."id" = u."agencyId" WHERE a."code" = 'SHEITC' LIMIT 1`,
      )
      .get() as { id: string };
    database
      .prepare(
        `INSERT OR IGNORE INTO "ReplyDraft" ("recommendationId", "round", "replyClass", "text", "draftedById", "createdAt", "updatedAt")
         VALUES (?, 1, 'B', '经研究，我委将牵头建设开源大模型生态。', ?, ?, ?)`,
      )
      .run(RECOMMENDATION_ID, drafter.id, now, now);
    database
      .prepare(
        `INSERT OR IGNORE INTO "Evidence" ("id", "recommendationId", "url", "titleZh", "kind", "isPublic", "createdAt", "updatedAt")
         VALUES (?, ?, 'https://example.org/notice', '工作推进通知', 'other', false, ?, ?)`,
      )
      .run(EVIDENCE_ID, RECOMMENDATION_ID, now, now);
  } finally {
    database.close();
  }
});

/** The browser's report of an upload refused (400), which the form then explains. */
const REFUSED_UPLOAD = [/the server responded with a status of 400 \(Bad Request\)/];

const workflow = (page: Page) => page.getByTestId("reply-workflow");

async function choose(scope: ReturnType<Page["getByTestId"]>, name: string, buffer: Buffer) {
  await scope
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: "application/octet-stream", buffer });
}

test.describe("the lead agency's staff, in Chinese", () => {
  test.use({ storageState: storageStateFor("staffJxw"), allowedConsoleErrors: REFUSED_UPLOAD });

  test("attach a scanned letter to the reply draft and see it previewed", async ({ page }) => {
    await page.goto(ITEM);
    const upload = workflow(page).getByTestId("file-upload");
    await expect(upload.getByText("最大 20 MB")).toBeVisible();
    // An executable named .pdf is refused, and says why.
    await choose(upload, "答复函.pdf", EXECUTABLES.elf());
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(upload.getByRole("alert")).toContainText("不支持此类文件");
    // The scan, an image.
    await choose(upload, "答复函扫描件.png", png(600, 400));
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(upload.getByRole("status")).toContainText("已上传：答复函扫描件.png");
    const preview = workflow(page).getByRole("img", { name: "答复函扫描件.png 的预览" });
    await expect(preview).toBeVisible();
    // Loaded and drawn: the image's own width, read from its bytes.
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(600);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "reply-zh-1440");
  });

  test("attach a PDF to a piece of evidence, preview it and download it", async ({ page }) => {
    await page.goto(`${ITEM}/evidence/${EVIDENCE_ID}`);
    const upload = page.getByTestId("file-upload");
    await choose(upload, "工作推进通知.pdf", pdf("scanned notice", 2048));
    await upload.getByRole("button", { name: "上传附件" }).click();
    await expect(upload.getByRole("status")).toContainText("已上传：工作推进通知.pdf");
    const item = page.getByTestId("file-item").filter({ hasText: "工作推进通知.pdf" });
    await expect(item).toContainText("SHA-256：");
    // The preview is the file inline, under a sandbox.
    const previewUrl = await item.getByRole("link", { name: "预览" }).getAttribute("href");
    const inline = await page.request.get(previewUrl ?? "");
    expect(inline.headers()["content-disposition"]).toMatch(/^inline;/);
    expect(inline.headers()["content-security-policy"]).toMatch(/^sandbox;/);
    expect(inline.headers()["x-content-type-options"]).toBe("nosniff");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      item.getByRole("link", { name: "工作推进通知.pdf" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("工作推进通知.pdf");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "evidence-zh-1440");
    // The recommendation's page lists it under its piece of evidence.
    await page.goto(ITEM);
    await expect(page.getByTestId("evidence-item").filter({ hasText: "工作推进通知" })).toContainText(
      "工作推进通知.pdf",
    );
  });
});

test.describe("the lead agency's staff, in English on a phone", () => {
  test.use({
    storageState: storageStateFor("staffJxw"),
    viewport: { width: 390, height: 844 },
    allowedConsoleErrors: REFUSED_UPLOAD,
  });

  test("see the letter's scan previewed and attach another, without horizontal scroll", async ({ page }) => {
    await page.goto(ITEM.replace("/zh-CN/", "/en/"));
    await expect(workflow(page).getByRole("img", { name: "Preview of 答复函扫描件.png" })).toBeVisible();
    const upload = workflow(page).getByTestId("file-upload");
    await choose(upload, "empty.pdf", Buffer.alloc(0));
    await upload.getByRole("button", { name: "Upload a file" }).click();
    await expect(upload.getByRole("alert")).toContainText("The file is empty");
    await choose(upload, "letter-page-2.jpg", png(300, 200));
    await upload.getByRole("button", { name: "Upload a file" }).click();
    await expect(upload.getByRole("alert")).toContainText("does not match the file's content");
    await choose(upload, "letter-page-2.png", png(300, 200));
    await upload.getByRole("button", { name: "Upload a file" }).click();
    await expect(workflow(page).getByRole("img", { name: "Preview of letter-page-2.png" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "reply-en-390");
  });
});
