import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// Debian's Chromium where installed (this project's CI); otherwise Playwright's own browser
// (`npx playwright install chromium` on a machine with internet).
const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/official.json" },
      grepInvert: /@phone/,
      testIgnore: [/\.writes\.spec\.ts/, /\.alone\.spec\.ts/],
      dependencies: ["setup"],
    },
    // Specs that change the data run after those that read the sample as shipped.
    {
      name: "writes",
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/official.json" },
      testMatch: /\.writes\.spec\.ts/,
      dependencies: ["desktop", "phone"],
    },
    {
      name: "phone",
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 390, height: 844 },
        storageState: "e2e/.auth/official.json",
      },
      grep: /@phone/,
      dependencies: ["setup"],
    },
    // Specs that hold the database's write lock run last, alone: any other save meanwhile would be busy.
    {
      name: "alone",
      use: { ...devices["Desktop Chrome"], storageState: "e2e/.auth/official.json" },
      testMatch: /\.alone\.spec\.ts/,
      dependencies: ["writes"],
    },
  ],
  webServer: {
    // A throwaway SQLite database with the sample data, served by the production build.
    command: "node scripts/db.mjs reset && node scripts/start.mjs",
    env: { DATABASE_URL: "file:./data/e2e.db", PORT: String(PORT), NEXT_TELEMETRY_DISABLED: "1" },
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 240_000,
    stdout: "pipe",
  },
});
