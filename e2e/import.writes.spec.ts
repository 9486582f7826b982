import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const HEADER = "建议编号,建议条目编号,编号,状态,进度（%）,生效日期,情况说明,版本";
const file = (lines: string[]) => ({
  name: "十一月进展.csv",
  mimeType: "text/csv",
  buffer: Buffer.from(`\ufeff${[HEADER, ...lines].join("\r\n")}`),
});

test.describe("staff import a spreadsheet", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("see the preview with a problem, fix it, apply, and find the updates in the history", async ({
    page,
  }) => {
    await page.goto("/zh-CN/import");
    await expect(page.getByRole("heading", { name: "批量导入进展", level: 1 })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // R4.3 and R8.2 are the sample's versions 1; 120 % is no progress.
    await page
      .getByLabel(/^文件/)
      .setInputFiles(
        file([
          "LLM-2024,R4,R4.3,推进中,120,2026-11-20,联合攻关完成中期检查,1",
          "LLM-2024,R8,R8.2,推进中,70,2026-11-20,,1",
        ]),
      );
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/import\/[a-z0-9]+$/);
    await expect(page.getByTestId("import-counts")).toHaveText("1 行将更新 · 0 行无变化 · 1 行有问题");
    const bad = page.locator('[data-outcome="problem"]');
    await expect(bad).toContainText("R4.3");
    // Where, which column, what the file has, what is allowed.
    await expect(bad).toContainText("第 2 行 · 进度（%）：文件中为“120”。进度应在 0–100 之间");
    await expect(page.getByRole("button", { name: /应用/ })).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath("import-preview-problem.png"), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The fixed file.
    await page.getByRole("link", { name: "上传其他文件" }).click();
    await page
      .getByLabel(/^文件/)
      .setInputFiles(
        file([
          "LLM-2024,R4,R4.3,推进中,62,2026-11-20,联合攻关完成中期检查,1",
          "LLM-2024,R8,R8.2,推进中,70,2026-11-20,,1",
        ]),
      );
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText("2 行将更新 · 0 行无变化 · 0 行有问题");
    await expect(page.locator('[data-outcome="update"]').first()).toContainText("推进中 50% → 推进中 62%");
    await page.screenshot({ path: test.info().outputPath("import-preview.png"), fullPage: true });
    await page.getByRole("button", { name: "应用 2 条更新" }).click();
    await expect(page.getByRole("status")).toContainText("应用 2 条更新");

    await page.goto("/zh-CN/proposals/LLM-2024/R4");
    const latest = page.getByTestId("history").locator(":scope > li").first();
    await expect(latest).toContainText("R4.3");
    await expect(latest).toContainText("→ 62%");
    await expect(latest).toContainText("批量导入");
    await expect(latest).toContainText("联合攻关完成中期检查");
  });
});

test.describe("a long file's preview", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("is paged on the server and filters to the rows with problems, in Chinese and English", async ({
    page,
  }) => {
    // A dozen page views, each planning the whole file.
    test.setTimeout(90_000);
    // 250 rows: five real actions as they are (no status or progress given, an old version: unchanged)
    // among unknown items (problems).
    const real = ["R4.1", "R4.2", "R4.4", "R3.1", "R3.2"];
    const lines = Array.from({ length: 250 }, (_, index) =>
      index % 60 === 0
        ? `LLM-2024,${real[index / 60]?.split(".")[0]},${real[index / 60]},,,,,999`
        : `LLM-2024,R9,R9.${index},推进中,10,,,1`,
    );
    await page.goto("/zh-CN/import");
    await page.getByLabel(/^文件/).setInputFiles({ ...file(lines), name: "二百五十行.csv" });
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/import\/[a-z0-9]+$/);
    await expect(page.getByTestId("import-counts")).toHaveText("0 行将更新 · 5 行无变化 · 245 行有问题");
    const rows = page.getByTestId("import-plan").locator("tbody tr");
    await expect(rows).toHaveCount(100);
    await expect(page.getByTestId("import-range").first()).toHaveText("显示第 1–100 条，共 250 条");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "下一页" }).first().click();
    await expect(page).toHaveURL(/\?page=2$/);
    await expect(page.getByTestId("import-range").first()).toHaveText("显示第 101–200 条，共 250 条");
    // The file's 101st data row is its line 102 (the header is line 1).
    await expect(rows.first().locator("td").first()).toHaveText("102");
    await expect(rows).toHaveCount(100);

    await page.getByRole("link", { name: "只看问题行（245）" }).click();
    await expect(page).toHaveURL(/\?show=problems$/);
    await expect(page.getByRole("link", { name: "只看问题行（245）" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByTestId("import-range").first()).toHaveText("显示第 1–100 条，共 245 条");
    await expect(rows).toHaveCount(100);
    await expect(page.locator('[data-outcome="problem"]')).toHaveCount(100);
    // Each page is waited for: a second click on the page before would go to page 2 again.
    await page.getByRole("link", { name: "下一页" }).first().click();
    await expect(page).toHaveURL(/\?show=problems&page=2$/);
    await page.getByRole("link", { name: "下一页" }).first().click();
    await expect(page).toHaveURL(/\?show=problems&page=3$/);
    await expect(rows).toHaveCount(45);
    await page.screenshot({ path: test.info().outputPath("import-preview-problems.png"), fullPage: true });

    // The same view in English.
    await page.goto(page.url().replace("/zh-CN/", "/en/"));
    await expect(page.getByTestId("import-counts")).toHaveText(
      "0 rows to update · 5 unchanged · 245 with problems",
    );
    await expect(page.getByTestId("import-range").first()).toHaveText("Showing 201–245 of 245");
    await page.getByRole("link", { name: "All rows (250)" }).click();
    await expect(page).toHaveURL(/\/en\/import\/[a-z0-9]+$/);
    await expect(page.getByTestId("import-range").first()).toHaveText("Showing 1–100 of 250");
    await expect(page.locator('[data-outcome="unchanged"]')).toHaveCount(2);
    await page.getByRole("link", { name: "Next page" }).first().click();
    await expect(page.getByText("Page 2 of 3")).toHaveCount(2);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath("import-preview-en.png"), fullPage: true });
  });
});

/** The page in both languages at 1440 and 390 px, for looking at. */
async function screenshots(page: Page, name: string) {
  for (const locale of ["zh-CN", "en"]) {
    await page.goto(page.url().replace(/\/(zh-CN|en)\//, `/${locale}/`));
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({
        path: test.info().outputPath(`${name}-${locale}-${width}.png`),
        fullPage: true,
      });
    }
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test.describe("the template, edited, applied and uploaded again", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("is nothing to apply: a roll-up its actions moved shows the file's value beside the current one", async ({
    page,
  }) => {
    await page.goto("/zh-CN/import");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "CSV（同样的事项）" }).click();
    const text = readFileSync((await (await download).path()) ?? "", "utf8").replace(/^\ufeff/, "");
    const [header, ...lines] = parse(text) as string[][];
    if (!header) throw new Error("no header");
    const at = (code: string) => {
      const line = lines.find((cells) => cells[0] === "LLM-2024" && cells[2] === code);
      if (!line) throw new Error(`no ${code} in the template`);
      return line;
    };
    const template = (edited: string[][]) => ({
      name: "模板.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(`\ufeff${stringify([header, ...edited], { record_delimiter: "\r\n" })}`),
    });
    // R4.1 moves; R4, which rolls it up, is in the file as exported.
    const r41 = at("R4.1");
    const progress = Number(r41[5]);
    r41[5] = String(progress <= 70 ? progress + 30 : progress - 30);
    r41[7] = "模板导入";
    const exported = at("R4")[5];

    await page.getByLabel(/^文件/).setInputFiles(template(lines));
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText(
      `1 行将更新 · ${lines.length - 1} 行无变化 · 0 行有问题`,
    );
    await page.getByRole("button", { name: "应用 1 条更新" }).click();
    await expect(page.getByRole("status")).toContainText("应用 1 条更新");

    await page.goto("/zh-CN/import");
    await page.getByLabel(/^文件/).setInputFiles(template(lines));
    await page.getByRole("button", { name: "上传并预览" }).click();
    await expect(page.getByTestId("import-counts")).toHaveText(
      `0 行将更新 · ${lines.length} 行无变化 · 0 行有问题`,
    );
    await expect(page.getByText("没有需要应用的更新。")).toBeVisible();
    const r4 = page.locator("tbody tr").filter({ has: page.getByText("LLM-2024 / R4", { exact: true }) });
    await expect(r4.getByTestId("file-progress")).toContainText(
      new RegExp(`^文件 ${exported} % · 当前 \\d+ %`),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, "import-reupload");
    await expect(r4.getByTestId("file-progress")).toContainText(
      new RegExp(`^file ${exported} % · now \\d+ %`),
    );

    // A file with problems: each says where, which column, what the file has and what is allowed.
    at("R4.3")[4] = "快完成了";
    at("R4.2")[5] = "120";
    await page.goto("/zh-CN/import");
    await page.getByLabel(/^文件/).setInputFiles(template(lines));
    await page.getByRole("button", { name: "上传并预览" }).click();
    await page.getByRole("link", { name: "只看问题行（2）" }).click();
    await expect(page).toHaveURL(/\?show=problems$/);
    await expect(page.locator('[data-outcome="problem"]')).toHaveCount(2);
    await expect(page.locator('[data-outcome="problem"]').filter({ hasText: "R4.3" })).toContainText(
      "状态：文件中为“快完成了”。无法识别的状态；可填：未启动、推进中、已完成、受阻、未采纳",
    );
    await screenshots(page, "import-problems");
  });
});

test.describe("officials", () => {
  test("have no import page", async ({ page }) => {
    await page.goto("/zh-CN/import");
    await expect(
      page.getByRole("alert").filter({ hasText: "只有管理员和承办单位工作人员可以导入。" }),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "批量导入" })).toHaveCount(0);
  });
});
