// The public progress page: unpublished it is not found; an admin publishes it from the proposal
// page; a signed-out browser reads it in Chinese and in English (titles, descriptions, no app
// navigation, nothing about the people using the tracker, none of the history's comments) and downloads its open data; once
// unpublished it is gone again.
import { SAMPLE_RECOMMENDATIONS, SAMPLE_USERS } from "../prisma/sample-data";
import { storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

const CODE = "LLM-2024";
const SIGNED_OUT = { cookies: [], origins: [] };
// What the public must never read: the people using the tracker and the comments of the history.
const PEOPLE = SAMPLE_USERS.flatMap((user) => [user.name, user.email]);
const COMMENTS = SAMPLE_RECOMMENDATIONS.flatMap((rec) =>
  rec.actions.flatMap((action) => action.history.map((entry) => entry.commentZh)),
).filter((comment) => comment.length > 0);
const INTERNAL = [...PEOPLE, ...COMMENTS];

test.describe("before publication, a signed-out visitor", () => {
  test.use({ storageState: SIGNED_OUT, allowedConsoleErrors: [/status of 404/] });

  test("finds neither the page nor its data", async ({ page, request }) => {
    const response = await page.goto(`/zh-CN/public/${CODE}`);
    expect(response?.status()).toBe(404);
    await expect(page).toHaveURL(new RegExp(`/zh-CN/public/${CODE}$`));
    expect((await request.get(`/api/public/${CODE}.json`)).status()).toBe(404);
    expect((await request.get(`/api/public/${CODE}.csv`)).status()).toBe(404);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("publishes the proposal's public page and is shown its address", async ({ page }, testInfo) => {
    await page.goto(`/zh-CN/proposals/${CODE}`);
    const panel = page.getByTestId("publication-panel");
    await expect(panel).toContainText("未发布");
    // One click only asks: it says what becomes public, and nothing is published yet.
    await panel.getByRole("button", { name: "发布公开页面" }).click();
    const confirm = panel.getByRole("alertdialog", { name: "确认发布？" });
    // Counts as they are now: specs running beside this one add items of their own to the proposal.
    await expect(confirm).toContainText(
      /公众无需登录即可查看 \d+ 个条目、\d+ 项举措.*以及 \d+ 份标为公开的佐证材料/,
    );
    await confirm.getByRole("button", { name: "暂不发布" }).click();
    await expect(confirm).toHaveCount(0);
    await page.reload();
    await expect(panel).toContainText("未发布");
    await panel.getByRole("button", { name: "发布公开页面" }).click();
    await confirm.getByRole("button", { name: "确认发布" }).click();
    await expect(panel.getByRole("status")).toHaveText("已发布，公开地址见上方。");
    const link = panel.getByRole("link", { name: new RegExp(`/zh-CN/public/${CODE}$`) });
    await expect(link).toBeVisible();
    await expect(panel.getByRole("button", { name: "取消发布" })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath("publication-panel-zh.png") });
  });
});

test.describe("after publication, a signed-out visitor", () => {
  test.use({ storageState: SIGNED_OUT });

  test("reads the public page in Chinese and in English", async ({ page }, testInfo) => {
    await page.goto(`/zh-CN/public/${CODE}`);
    await expect(page).toHaveTitle(
      /^《关于上海加快建设具有全球影响力的大模型创新集聚区的建议》落实进展 · 建议落实追踪$/,
    );
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      "content",
      /^王延峰提出的建议共 8 个条目，已完成 \d 个，总体进度 \d+%.*（示例数据）$/,
    );
    await expect(page.getByRole("heading", { level: 1 })).toContainText("大模型创新集聚区");
    await expect(page.getByText("示例数据").first()).toBeVisible();
    await expect(page.locator("[data-testid^=public-recommendation-]")).toHaveCount(8);
    await expect(page.getByTestId("public-evidence").first()).toBeVisible();
    // A visitor gets no app navigation and no account menu, only the language switch.
    await expect(page.getByRole("navigation", { name: "主导航" })).toHaveCount(0);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
    const html = await page.content();
    expect(COMMENTS.length).toBeGreaterThan(10);
    for (const text of INTERNAL) expect(html, `must not show ${text}`).not.toContain(text);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("public-page-zh.png"), fullPage: true });

    await page.getByRole("link", { name: /English/ }).click();
    await expect(page).toHaveURL(new RegExp(`/en/public/${CODE}$`));
    await expect(page).toHaveTitle(/^Progress: .+ · Proposal Tracker$/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute(
      "content",
      /^The proposal by Wang Yanfeng: 8 recommendations, \d completed, \d+% overall progress\..*\(Sample data\.\)$/,
    );
    await expect(page.getByRole("heading", { name: "Open data" })).toBeVisible();
    const enHtml = await page.content();
    for (const text of INTERNAL) expect(enHtml, `must not show ${text}`).not.toContain(text);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("public-page-en.png"), fullPage: true });
  });

  test("downloads the open data as JSON and CSV", async ({ request }) => {
    const json = await request.get(`/api/public/${CODE}.json`);
    expect(json.status()).toBe(200);
    expect(json.headers()["access-control-allow-origin"]).toBe("*");
    const data = await json.json();
    expect(data.proposal.code).toBe(CODE);
    expect(data.sampleData).toBe(true);
    expect(data.recommendations).toHaveLength(8);
    const csv = await request.get(`/api/public/${CODE}.csv?lang=en`);
    expect(csv.status()).toBe(200);
    const text = await csv.text();
    expect(text.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^proposal,type,code,recommendation,title,/);
    for (const body of [JSON.stringify(data), text]) {
      for (const text of INTERNAL) expect(body, `must not contain ${text}`).not.toContain(text);
    }
  });
});

test.describe("unpublishing", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("hides the page and its data at once", async ({ page, browser }) => {
    // The proposal's page has the panel (the home page is a portfolio once there are several).
    await page.goto(`/en/proposals/${CODE}`);
    const panel = page.getByTestId("publication-panel");
    await panel.getByRole("button", { name: "Unpublish" }).click();
    await expect(panel.getByRole("status")).toHaveText("Unpublished: the public can no longer see the page.");
    await expect(panel).toContainText("Not published");

    const visitor = await browser.newContext({ storageState: SIGNED_OUT });
    const response = await visitor.request.get(`/en/public/${CODE}`);
    expect(response.status()).toBe(404);
    expect((await visitor.request.get(`/api/public/${CODE}.json`)).status()).toBe(404);
    await visitor.close();

    // Signed in, the admin still sees it, marked as a preview that the public cannot see.
    await page.goto(`/en/public/${CODE}`);
    await expect(page.getByText(/^Preview: this proposal's public page is not published/)).toBeVisible();
  });
});
