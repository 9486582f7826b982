import Database from "better-sqlite3";
import { storageStateFor } from "./accounts";
import { expect, seriousAxeViolations, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

/** The id of a recommendation, read from the e2e database (playwright.config.ts: data/e2e.db). */
function recommendationId(proposalCode: string, code: string): string {
  const database = new Database("data/e2e.db", { readonly: true });
  try {
    const row = database
      .prepare(
        'SELECT r.id FROM "Recommendation" r JOIN "Proposal" p ON p.id = r."proposalId" WHERE p.code = ? AND r.code = ?',
      )
      .get(proposalCode, code) as { id: string } | undefined;
    if (!row) throw new Error(`no recommendation ${proposalCode} ${code}`);
    return row.id;
  } finally {
    database.close();
  }
}

test.describe("an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("makes an API token that reads the API, then revokes it", async ({ page, playwright }, testInfo) => {
    // Many pages and requests in one test: 30 s is too tight beside the other writing specs.
    test.slow();
    await page.goto("/zh-CN/admin/users");
    await page.getByRole("link", { name: "API 令牌" }).click();
    await expect(page).toHaveURL(/\/zh-CN\/admin\/tokens$/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "创建令牌" }).click();
    await expect(page.getByText("此项为必填项。")).toBeVisible();
    await page.getByLabel("用途名称").fill("报表系统（端到端测试）");
    await page.getByRole("button", { name: "创建令牌" }).click();
    const created = page.getByTestId("new-api-token");
    await expect(created).toContainText("只显示这一次");
    const token = await created.getByLabel("令牌").inputValue();
    expect(token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const row = page.getByTestId(`api-token-${token.slice(0, 11)}`);
    await expect(row).toContainText("有效");
    await expect(row).toContainText("从未使用");

    // A program: no cookies, only the token.
    const program = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const path = `/api/v1/recommendations/${recommendationId("LLM-2024", "R3")}`;
    const anonymous = await program.get(path);
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");

    const authorized = await program.get(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(authorized.status()).toBe(200);
    expect(authorized.headers()["cache-control"]).toBe("no-store");
    const recommendation = await authorized.json();
    expect(recommendation).toMatchObject({ code: "R3", proposal: { code: "LLM-2024" } });
    expect(recommendation.history.length).toBeGreaterThan(0);

    await page.reload();
    await expect(row).not.toContainText("从未使用");

    await row.getByRole("button", { name: "吊销令牌 报表系统（端到端测试）" }).click();
    await expect(row.getByText("不能恢复")).toBeVisible();
    await row.getByRole("button", { name: "取消" }).click();
    await expect(row).toContainText("有效");
    await row.getByRole("button", { name: "吊销令牌 报表系统（端到端测试）" }).click();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await row.getByRole("button", { name: "确定吊销" }).click();
    await expect(row).toContainText("已吊销");
    await expect(row).toContainText("周丽");

    const revoked = await program.get(path, { headers: { Authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
    expect(await revoked.json()).toEqual({
      error: { code: "unauthorized", message: "API 令牌无效、已吊销或已过期。" },
    });
    await program.dispose();

    await page.goto("/zh-CN/admin/audit");
    await expect(page.getByTestId("audit-event").filter({ hasText: "吊销 API 令牌" })).toContainText(
      token.slice(0, 11),
    );
  });

  test("documents the API at a public address", async ({ playwright }, testInfo) => {
    const visitor = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
      storageState: { cookies: [], origins: [] },
    });
    const response = await visitor.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/recommendations/{id}");
    await visitor.dispose();
  });
});
