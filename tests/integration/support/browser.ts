// A real Chromium for integration tests that must act as a person at a browser would (a form whose
// action only runs with JavaScript): Debian's when installed, else Playwright's, as playwright.config.ts.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function launchBrowser() {
  const systemChromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return chromium.launch({ executablePath: existsSync(systemChromium) ? systemChromium : undefined });
}
