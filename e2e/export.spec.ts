import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { SAMPLE_RECOMMENDATIONS, SAMPLE_USERS } from "../prisma/sample-data";
import { expect, seriousAxeViolations, test } from "./fixtures";

const stalledActions = SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions).filter(
  (action) => action.history.at(-1)?.status === "stalled",
);

test("exports the current view as CSV with Chinese headers", async ({ page }) => {
  await page.goto("/zh-CN/table?kind=action&status=stalled&sort=code");
  await expect(page.getByTestId("table-row")).toHaveCount(stalledActions.length);
  await page.locator("summary", { hasText: "导出" }).click();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: "test-results/export-menu-zh.png" });

  // Held back for a moment, so that the running export shows.
  await page.route("**/api/export?**", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const downloading = page.waitForEvent("download");
  const responding = page.waitForResponse((response) => response.url().includes("/api/export?"));
  await page.getByRole("button", { name: /^CSV/ }).click();
  await expect(page.getByTestId("export-status")).toContainText(
    `正在导出 ${stalledActions.length} 项（CSV）`,
  );
  await expect(page.getByRole("button", { name: "取消" })).toBeVisible();
  await page.screenshot({ path: "test-results/export-running-zh.png" });
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^建议落实追踪-举措-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path()) ?? "");
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parse(bytes, { bom: true }) as string[][];
  expect(header?.slice(0, 5)).toEqual(["建议编号", "建议条目编号", "编号", "名称（中文）", "名称（英文）"]);
  expect(rows.map((row) => row[2])).toEqual(stalledActions.map((action) => action.code).sort());
  expect(rows.every((row) => row[5] === "受阻")).toBe(true);
  await expect(page.getByTestId("export-status")).toContainText("已导出：建议落实追踪-举措-");
  await page.screenshot({ path: "test-results/export-done-zh.png" });

  // The export's record, which the status line reads while a long export runs, ends done.
  const job = (await responding).headers()["x-export-job"];
  await expect
    .poll(async () => (await page.request.get(`/api/export/jobs/${job}`)).json())
    .toMatchObject({ state: "done", format: "csv", rows: stalledActions.length });
});

test("exports only the selected rows as a workbook with English headers", async ({ page }) => {
  await page.goto("/en/table");
  await page.getByRole("checkbox", { name: "Select R3" }).check();
  await page.getByRole("checkbox", { name: "Select R1" }).check();
  await page.locator("summary", { hasText: "Export" }).click();
  await page.getByRole("radio", { name: "Export the 2 selected" }).check();
  await page.screenshot({ path: "test-results/export-selected-en.png" });

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /^Excel/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^proposal-tracker-recommendations-selected-.*\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path()) ?? "");
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    "About this export",
    "Recommendations",
    "Actions",
    "Evidence",
    "Status updates",
  ]);
  // The first sheet says whose export of what it is.
  const about = new Map<string, string>();
  workbook.getWorksheet("About this export")?.eachRow((row) => {
    about.set(String(row.getCell(1).value), String(row.getCell(2).value));
  });
  const official = SAMPLE_USERS.find((user) => user.role === "official");
  expect(about.get("Exported by")).toBe(official?.name);
  expect(about.get("Only the ticked rows (count)")).toBe("2");
  expect(about.get("Items")).toBe("2");
  const sheet = workbook.getWorksheet("Recommendations");
  expect(sheet?.getRow(1).getCell(1).value).toBe("Proposal");
  expect([sheet?.getRow(2).getCell(2).value, sheet?.getRow(3).getCell(2).value]).toEqual(["R1", "R3"]);
  expect(sheet?.rowCount).toBe(3);
  const actions = workbook.getWorksheet("Actions");
  const parents = new Set<string>();
  actions?.eachRow((row, number) => {
    if (number > 1) parents.add(String(row.getCell(2).value));
  });
  expect([...parents].sort()).toEqual(["R1", "R3"]);
  await expect(page.getByTestId("export-status")).toContainText("Exported: proposal-tracker-recommendations");
});

test("the export menu fits a phone screen @phone", async ({ page }) => {
  await page.goto("/zh-CN/table");
  await page.locator("summary", { hasText: "导出" }).click();
  const button = page.getByRole("button", { name: /^Excel/ });
  await expect(button).toBeVisible();
  const box = await button.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
  await page.screenshot({ path: "test-results/export-menu-phone.png" });
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("cannot export", async ({ request }) => {
    const response = await request.get("/api/export?format=csv");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-disposition"]).toBeUndefined();
  });
});
