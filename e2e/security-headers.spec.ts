import { expect, test } from "./fixtures";

const REPORT = "proposal=LLM-2024&asOf=2025-06-30&compareTo=2025-01-31";

function expectHardened(headers: Record<string, string>) {
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over plain http, with no trusted proxy: no HSTS, whatever the client claims.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

test("a page's scripts run with the nonce of its Content-Security-Policy, a new one each time", async ({
  page,
  request,
}) => {
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      );
    });
  });
  const response = await page.goto("/zh-CN/dashboard");
  const headers = response?.headers() ?? {};
  expectHardened(headers);
  const policy = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(policy).toContain("'strict-dynamic'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("'unsafe-eval'");

  // Every script tag the server sent carries that nonce (those Next adds later are let in by
  // 'strict-dynamic').
  const html = (await response?.text()) ?? "";
  const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scriptTags.length).toBeGreaterThan(3);
  expect(scriptTags.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([]);
  const scriptNonces = await page
    .locator("script[src]")
    .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).nonce));
  expect(scriptNonces).toContain(nonce);
  // The page is hydrated and its charts drawn: scripts ran.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);

  const again = await request.get("/zh-CN/dashboard");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});

test("an API route and a download carry the hardening headers", async ({ request }) => {
  const health = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(health.status()).toBe(200);
  expectHardened(health.headers());
  expect(health.headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );

  const pdf = await request.get(`/api/reports?${REPORT}&format=pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment;/);
  expectHardened(pdf.headers());

  const api = await request.get("/api/v1/summary");
  expectHardened(api.headers());
});

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("the sign-in page and its redirect have the policy too, without HSTS over http", async ({
    page,
    request,
  }) => {
    const redirect = await request.get("/zh-CN/table", {
      maxRedirects: 0,
      headers: { "x-forwarded-proto": "https" },
    });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()["content-security-policy"]).toMatch(/'nonce-/);
    expect(redirect.headers()["strict-transport-security"]).toBeUndefined();

    const response = await page.goto("/zh-CN/sign-in");
    expectHardened(response?.headers() ?? {});
    await page.getByLabel("电子邮箱").fill("nobody@tracker.example");
    // The form is hydrated (a server action, not a full post): the error appears in place.
    await page.getByLabel("密码").fill("x");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.getByText("邮箱或密码不正确。")).toBeVisible();
  });
});
