import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3100";
const [role, path, name, ...selectors] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const locale of ["zh-CN", "en"]) {
  for (const width of [1440, 390]) {
    const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json`, viewport: { width, height: 900 }, locale });
    const page = await context.newPage();
    await page.goto(base + path.replace("LOCALE", locale), { waitUntil: "networkidle" });
    for (const [i, selector] of selectors.entries()) {
      const el = page.locator(selector).first();
      await el.screenshot({ path: `/work/shots/main/${name}-${i}-${locale}-${width}.png` });
    }
    await context.close();
  }
}
await browser.close();
