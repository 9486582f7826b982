// Evidence, verified and internal (issue 20, part 3; issue 19, part 1): staff add a public piece and an
// internal one; the deputy, on a phone, reads the public one and not the internal one, and none of the
// office's 督办; the office verifies the public piece; the public page says it is verified, in Chinese
// and in English.
import Database from "better-sqlite3";
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const PROPOSAL = "EV-2024";
const PUBLIC_TITLE = "市经信委与代表座谈会纪要";
const INTERNAL_TITLE = "内部研判会议纪要";
let itemPage: string;

test.beforeAll(() => {
  itemPage = addDemoItem({ proposal: PROPOSAL, code: "RV1", titleZh: "核实演示条目", values: {} });
});

test.describe("staff of the lead agency", () => {
  test.use({ storageState: storageStateFor("staffJxw") });

  test("add a public piece of evidence and an internal one, refused when both", async ({ page }) => {
    const add = async (title: string, internal: boolean) => {
      await page.goto(`${itemPage}/evidence/new`);
      await page.getByLabel("网址").fill(`https://www.sheitc.sh.gov.cn/${internal ? "internal" : "minutes"}`);
      await page.getByLabel("标题（中文）").fill(title);
      await page.getByLabel("类型").selectOption("meeting_minutes");
      if (internal) {
        await page.getByLabel("可在公开页面展示").uncheck();
        await page.getByLabel("内部材料（不向代表展示，也不公开）").check();
      }
      await page.getByRole("button", { name: "添加" }).click();
      await expect(page).toHaveURL(new RegExp(`${itemPage}\\?saved=1`));
    };
    // Public and internal at once is refused, and nothing is added.
    await page.goto(`${itemPage}/evidence/new`);
    await page.getByLabel("网址").fill("https://www.sheitc.sh.gov.cn/both");
    await page.getByLabel("标题（中文）").fill("既公开又内部");
    await page.getByLabel("类型").selectOption("other");
    await page.getByLabel("内部材料（不向代表展示，也不公开）").check();
    await page.getByRole("button", { name: "添加" }).click();
    await expect(page.getByText("内部材料不能同时设为公开。")).toBeVisible();

    await add(PUBLIC_TITLE, false);
    await add(INTERNAL_TITLE, true);
    const list = page.getByTestId("evidence-item");
    await expect(list.filter({ hasText: INTERNAL_TITLE })).toContainText("内部");
    await expect(list.filter({ hasText: PUBLIC_TITLE })).toContainText("待核实");
    await expect(page.getByText("既公开又内部")).toHaveCount(0);
    // Not a reviewer: no verification offered.
    await expect(page.getByText("核实", { exact: true })).toHaveCount(0);
  });
});

test.describe("the deputy on a phone", () => {
  test.use({ storageState: storageStateFor("deputy"), viewport: { width: 390, height: 844 } });

  test("reads the public evidence, not the internal one, and none of the 督办", async ({
    page,
  }, testInfo) => {
    await page.goto(itemPage);
    const evidence = page.getByTestId("evidence-item");
    await expect(evidence.filter({ hasText: PUBLIC_TITLE })).toBeVisible();
    await expect(page.getByText(INTERNAL_TITLE)).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "督办" })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await evidence.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("deputy-evidence-zh.png") });
  });
});

test.describe("the office", () => {
  test.use({ storageState: storageStateFor("office") });

  test("verifies the public piece, in English, with a note", async ({ page }, testInfo) => {
    await page.goto(itemPage.replace("/zh-CN/", "/en/"));
    const piece = page.getByTestId("evidence-item").filter({ hasText: PUBLIC_TITLE });
    await expect(piece).toContainText("Not verified");
    await piece.getByText("Verify", { exact: true }).click();
    await piece.getByLabel("Note (optional)").fill("Checked against the signed minutes");
    await piece.getByRole("button", { name: "Confirm verification" }).click();
    await expect(piece.getByTestId("evidence-verified")).toContainText("Verified by");
    await expect(piece.getByTestId("evidence-verified")).toContainText("Checked against the signed minutes");
    await expect(piece).not.toContainText("Not verified");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await piece.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("office-verified-en.png") });
  });
});

test.describe("a signed-out visitor", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("reads on the public page which evidence is verified", async ({ page }, testInfo) => {
    const database = new Database("data/e2e.db", { timeout: 30_000 });
    try {
      database
        .prepare(`UPDATE "Proposal" SET "publishedAt" = ? WHERE "code" = ?`)
        .run(stored(new Date()), PROPOSAL);
    } finally {
      database.close();
    }
    await page.goto(`/zh-CN/public/${PROPOSAL}`);
    const shown = page.getByTestId("public-evidence").filter({ hasText: PUBLIC_TITLE });
    await expect(shown).toContainText("已核实");
    await expect(page.getByText(INTERNAL_TITLE)).toHaveCount(0);
    await page.goto(`/en/public/${PROPOSAL}`);
    await expect(page.getByTestId("public-evidence").filter({ hasText: PUBLIC_TITLE })).toContainText(
      "Verified",
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("public-verified-en.png"), fullPage: true });
    const data = await (await page.request.get(`/api/public/${PROPOSAL}.json`)).json();
    expect(data.recommendations[0].evidence).toEqual([
      expect.objectContaining({ title: expect.objectContaining({ zh: PUBLIC_TITLE }), verified: true }),
    ]);
  });
});
