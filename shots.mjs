import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:3100";
const shots = [
  ["office", "/LOCALE/proposals/LLM-2024/R2", "r2-office"],
  ["staffJxw", "/LOCALE/proposals/LLM-2024/R3", "r3-staff"],
  ["staffKw", "/LOCALE/proposals/LLM-2024/R1", "r1-staffkw"],
  ["office", "/LOCALE/office", "desk"],
  ["official", "/LOCALE/dashboard", "dashboard"],
  ["official", "/LOCALE/table?views=overdue", "table-views"],
];
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [role, path, name] of shots) {
  for (const locale of ["zh-CN", "en"]) {
    for (const width of [1440, 390]) {
      const context = await browser.newContext({ storageState: `e2e/.auth/${role}.json`, viewport: { width, height: 900 }, locale });
      const page = await context.newPage();
      await page.goto(base + path.replace("LOCALE", locale), { waitUntil: "networkidle" });
      await page.screenshot({ path: `/work/shots/main/${name}-${locale}-${width}.png`, fullPage: true });
      await context.close();
    }
  }
}
await browser.close();
