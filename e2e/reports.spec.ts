import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { SAMPLE_RECOMMENDATIONS } from "../prisma/sample-data";
import { expect, seriousAxeViolations, test } from "./fixtures";

const REPORT = "proposal=LLM-2024&asOf=2025-06-30&compareTo=2025-01-31";

test("the Reports page previews a past day in Chinese and downloads the PDF and the Word file", async ({
  page,
}) => {
  await page.goto("/zh-CN/dashboard");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "报告" }).click();
  await expect(page).toHaveURL(/\/zh-CN\/reports$/);
  await expect(page.getByRole("heading", { name: "报告", level: 1 })).toBeVisible();
  // The newest proposal is chosen and previewed at once.
  await expect(page.getByLabel("建议")).toHaveValue("LLM-2024");
  await expect(page.getByTestId("report-preview")).toBeVisible();

  await page.getByLabel("截至日期").fill("2025-06-30");
  await page.getByLabel("对比日期").fill("2025-01-31");
  await page.getByRole("button", { name: "预览" }).click();
  await expect(page).toHaveURL(/asOf=2025-06-30/);
  await expect(page.getByRole("heading", { name: "预览：截至2025年6月30日" })).toBeVisible();
  await expect(page.getByTestId("report-recommendations").locator("tbody tr")).toHaveCount(
    SAMPLE_RECOMMENDATIONS.length,
  );
  await expect(page.getByTestId("report-moved").locator("tbody tr").first()).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/reports-zh.png", fullPage: true });

  const pdf = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载 PDF" }).click();
  // While it is made, the page says so and the buttons wait.
  await expect(page.getByTestId("report-download-status")).toContainText(/正在生成 PDF 报告|已生成/);
  const pdfFile = await pdf;
  expect(pdfFile.suggestedFilename()).toBe("LLM-2024-进展报告-2025-06-30.pdf");
  const pdfBytes = readFileSync((await pdfFile.path()) ?? "");
  expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
  // The built app draws its three charts too (in a child process it starts from the app's folder).
  expect(pdfBytes.toString("latin1").match(/\/Subtype \/Image/g)).toHaveLength(3);

  const docx = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载 Word" }).click();
  const docxFile = await docx;
  expect(docxFile.suggestedFilename()).toBe("LLM-2024-进展报告-2025-06-30.docx");
  // A .docx is a zip file.
  expect(
    readFileSync((await docxFile.path()) ?? "")
      .subarray(0, 2)
      .toString(),
  ).toBe("PK");
});

test("the narrative is prefilled from the actions' comments, and the edited text goes into the download", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/zh-CN/reports?${REPORT}`);
  const narratives = page.getByTestId("report-narratives");
  await expect(narratives.getByRole("heading", { name: "情况说明（可编辑）" })).toBeVisible();
  await expect(narratives.getByRole("textbox")).toHaveCount(SAMPLE_RECOMMENDATIONS.length);
  // Prefilled: an action's comment with its day and the author's agency.
  const first = narratives.getByRole("textbox").first();
  await expect(first).toHaveValue(/^R1\.\d+（\d{4}年\d{1,2}月\d{1,2}日，[^）]+）：/m);
  await first.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/reports-narrative-zh-1440.png" });

  await first.fill("本条目经核实已形成阶段性成果。\n下一步按计划推进。");
  // Held back a moment, so that the page is seen saying the file is being made.
  await page.route("**/api/reports", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载 Word" }).click();
  await expect(page.getByTestId("report-download-status")).toContainText("正在生成 Word 报告……已用");
  await expect(page.getByRole("button", { name: "下载 PDF" })).toBeDisabled();
  await page.screenshot({ path: "test-results/reports-generating-zh-1440.png" });
  const file = await download;
  expect(file.suggestedFilename()).toBe("LLM-2024-进展报告-2025-06-30.docx");
  const zip = await JSZip.loadAsync(readFileSync((await file.path()) ?? ""));
  const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  expect(xml).toContain("本条目经核实已形成阶段性成果。");
  expect(xml).toContain("下一步按计划推进。");
  // The page said the file was being made, then that it is made and in how long.
  await expect(page.getByTestId("report-download-status")).toHaveText(
    /^已生成 LLM-2024-进展报告-2025-06-30\.docx（用时 \d+\.\d 秒）。$/,
  );
  await page.screenshot({ path: "test-results/reports-generated-zh-1440.png" });
  await page.unroute("**/api/reports");
  // Still on the page, with the edit kept for another download.
  await expect(first).toHaveValue("本条目经核实已形成阶段性成果。\n下一步按计划推进。");

  await page.goto(`/en/reports?${REPORT}&locale=en`);
  await expect(page.getByRole("heading", { name: "Accounts of progress (editable)" })).toBeVisible();
  const english = page.getByTestId("report-narratives").getByRole("textbox").first();
  await expect(english).toHaveValue(/^R1\.\d+ \([A-Z][a-z]+ \d{1,2}, \d{4}, [^)]+\): /m);
  await english.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/reports-narrative-en-1440.png" });
  const englishDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PDF" }).click();
  await englishDownload;
  await expect(page.getByTestId("report-download-status")).toHaveText(
    /^Made LLM-2024-progress-report-2025-06-30\.pdf \(in \d+\.\d s\)\.$/,
  );
  await page.getByTestId("report-download-status").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/reports-generated-en-1440.png" });
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("in English, the preview and the report's language; bad settings say what is wrong", async ({
  page,
}) => {
  // The report's language follows the interface's until another is chosen.
  await page.goto(`/en/reports?${REPORT}`);
  await expect(page.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Preview: as of Jun 30, 2025" })).toBeVisible();
  await expect(page.getByLabel("Report language")).toHaveValue("en");
  await expect(page.getByTestId("report-recommendations")).toContainText(
    "Concentrate on 1–2 foundation models",
  );
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/reports-en.png", fullPage: true });

  const english = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download PDF" }).click();
  expect((await english).suggestedFilename()).toBe("LLM-2024-progress-report-2025-06-30.pdf");

  await page.getByLabel("Compare with").fill("2025-07-31");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please correct" })).toContainText(
    "Must be before the as-of day.",
  );
  await expect(page.getByLabel("Compare with")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("report-preview")).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("the Reports link opens on the proposal being viewed, else on the newest", async ({ page }) => {
  await page.goto("/zh-CN/proposals/LLM-2024/R1");
  const link = page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "报告" });
  await expect(link).toHaveAttribute("href", "/zh-CN/reports?proposal=LLM-2024");
  await link.click();
  await expect(page).toHaveURL(/\/zh-CN\/reports\?proposal=LLM-2024$/);
  await expect(page.getByLabel("建议")).toHaveValue("LLM-2024");
  await page.goto("/en/table?proposal=LLM-2024");
  await expect(
    page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Reports" }),
  ).toHaveAttribute("href", "/en/reports?proposal=LLM-2024");
  await page.goto("/zh-CN/dashboard");
  await expect(link).toHaveAttribute("href", "/zh-CN/reports");
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a visitor is sent to sign in, and the download answers 401", async ({ page, request }) => {
    await page.goto(`/zh-CN/reports?${REPORT}`);
    await expect(page).toHaveURL(/\/zh-CN\/sign-in\?next=/);
    const response = await request.get(`/api/reports?${REPORT}&format=pdf`);
    expect(response.status()).toBe(401);
    expect(response.headers()["content-disposition"]).toBeUndefined();
  });
});

test("the Reports page fits a phone screen @phone", async ({ page }) => {
  // A mobile browser widens its layout viewport to overflowing content, so compare with the screen.
  const screenWidth = page.viewportSize()?.width ?? 0;
  for (const path of [`/zh-CN/reports?${REPORT}`, `/en/reports?${REPORT}&locale=en`]) {
    await page.goto(path);
    await expect(page.getByTestId("report-preview")).toBeVisible();
    const contentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(contentWidth, path).toBeLessThanOrEqual(screenWidth);
  }
  await page.screenshot({ path: "test-results/reports-phone.png", fullPage: true });
  const narrative = page.getByTestId("report-narratives").getByRole("textbox").first();
  await narrative.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/reports-narrative-en-390.png" });
  await page.goto(`/zh-CN/reports?${REPORT}`);
  await page.getByTestId("report-narratives").getByRole("textbox").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/reports-narrative-zh-390.png" });
});
