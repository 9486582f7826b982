// Issue 15: the layout on a 390 px phone and a 1440 px screen, in both languages.
import type { Locator, Page } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { expect, test } from "./fixtures";

// The admin sees every nav item (import and administration too), the longest bar there is.
test.use({ storageState: storageStateFor("admin") });

const LOCALES = [
  { locale: "zh-CN", menu: "菜单", nav: ["统计看板", "建议办理", "跟踪表", "报告", "批量导入", "系统管理"] },
  {
    locale: "en",
    menu: "Menu",
    nav: ["Dashboard", "Proposals", "Tracking table", "Reports", "Import", "Administration"],
  },
] as const;
const PAGES = ["", "/dashboard", "/table", "/reports", "/import", "/admin/users"];

/** How far the page is wider than the screen (a phone widens its layout viewport to the content). */
async function overflow(page: Page): Promise<number> {
  const screenWidth = page.viewportSize()?.width ?? 0;
  return page.evaluate((width) => document.documentElement.scrollWidth - width, screenWidth);
}

/** True when the element's text sits on one line (its box is no taller than one line and its padding). */
async function isOneLine(element: Locator): Promise<boolean> {
  return element.evaluate((node) => {
    const style = getComputedStyle(node);
    const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
    const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
    return node.getBoundingClientRect().height < line * 1.5 + padding;
  });
}

/** The element's text colour and the colour of the first opaque background behind it. */
async function colours(element: Locator): Promise<{ text: string; background: string }> {
  return element.evaluate((node) => {
    let background = "rgb(255, 255, 255)";
    for (let at: Element | null = node.parentElement; at; at = at.parentElement) {
      const colour = getComputedStyle(at).backgroundColor;
      if (colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") {
        background = colour;
        break;
      }
    }
    return { text: getComputedStyle(node).color, background };
  });
}

for (const { locale, menu, nav } of LOCALES) {
  test(`${locale}: no page is wider than a phone @phone`, async ({ page }) => {
    for (const path of PAGES) {
      await page.goto(`/${locale}${path}`);
      expect(await overflow(page), `/${locale}${path}`).toBeLessThanOrEqual(0);
    }
  });

  test(`${locale}: the navigation folds into a menu on a phone @phone`, async ({ page }, testInfo) => {
    await page.goto(`/${locale}/table`);
    const navigation = page.getByRole("navigation", { name: locale === "en" ? "Main navigation" : "主导航" });
    const button = page.getByRole("button", { name: menu });
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(navigation).toBeHidden();

    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const screenWidth = page.viewportSize()?.width ?? 0;
    for (const name of nav) {
      const link = navigation.getByRole("link", { name, exact: true });
      await expect(link).toBeVisible();
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= screenWidth, name).toBe(true);
      expect(await isOneLine(link), `${name} on one line`).toBe(true);
    }
    // The current view stands out from the header behind it.
    const active = navigation.getByRole("link", { name: nav[2], exact: true });
    const { text, background } = await colours(active);
    expect(text).not.toBe(background);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: testInfo.outputPath(`menu-open-${locale}.png`) });

    // A link in the menu goes to its view and the menu closes.
    await navigation.getByRole("link", { name: nav[3], exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/reports$`));
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(navigation).toBeHidden();
  });

  test(`${locale}: the menu works from the keyboard @phone`, async ({ page }) => {
    await page.goto(`/${locale}/dashboard`);
    const button = page.getByRole("button", { name: menu });
    await button.focus();
    await page.keyboard.press("Enter");
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: nav[0], exact: true })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toBeFocused();
  });

  test.describe("on a wide screen", () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test(`${locale}: the navigation is a bar on one line`, async ({ page }) => {
      await page.goto(`/${locale}/table`);
      await expect(page.getByRole("button", { name: menu })).toBeHidden();
      for (const name of nav) {
        const link = page.getByRole("link", { name, exact: true });
        await expect(link).toBeVisible();
        expect(await isOneLine(link), `${name} on one line`).toBe(true);
      }
      expect(await overflow(page)).toBeLessThanOrEqual(0);
    });
  });
}

/** Width and height of each visible match, with a name for the message. */
async function sizes(targets: Locator): Promise<{ name: string; width: number; height: number }[]> {
  return targets.evaluateAll((nodes) =>
    nodes
      .filter((node) => (node as HTMLElement).offsetParent !== null)
      .map((node) => {
        const box = node.getBoundingClientRect();
        const name = node.getAttribute("aria-label") ?? node.closest("label")?.textContent ?? node.outerHTML;
        return { name: name.trim(), width: Math.round(box.width), height: Math.round(box.height) };
      }),
  );
}

/** Links and buttons whose aria-label leaves out the text they show (WCAG 2.5.3, label in name). */
async function labelsMissingTheirText(page: Page): Promise<string[]> {
  return page.locator("a[aria-label], button[aria-label]").evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      // biome-ignore lint/performance/useDomNodeTextContent: the text as shown is what is compared
      const shown = (node as HTMLElement).innerText.replace(/\s+/g, " ").trim();
      const name = (node.getAttribute("aria-label") ?? "").replace(/\s+/g, " ");
      return shown && !name.toLowerCase().includes(shown.toLowerCase()) ? [`${shown} → ${name}`] : [];
    }),
  );
}

const TOO_SMALL = (size: { width: number; height: number }) => size.width < 24 || size.height < 24;

for (const [device, tag] of [
  ["phone", " @phone"],
  ["wide screen", ""],
] as const) {
  test.describe(`tap targets and names on a ${device}`, () => {
    if (!tag) test.use({ viewport: { width: 1440, height: 900 } });

    test(`checkboxes of the table and its filters are at least 24 × 24 px${tag}`, async ({ page }) => {
      for (const locale of ["zh-CN", "en"]) {
        await page.goto(`/${locale}/table`);
        await expect(page.getByTestId("table-row")).toHaveCount(8);
        await page.locator("summary", { hasText: locale === "en" ? "Columns" : "显示列" }).click();
        // On a phone the filters are folded behind their summary.
        if (tag) await page.getByTestId("filter-summary").click();
        const boxes = await sizes(page.getByRole("checkbox"));
        // The page's, 8 rows', 11 filters' and the column menu's.
        expect(boxes.length).toBeGreaterThan(20);
        expect(boxes.filter(TOO_SMALL), locale).toEqual([]);
      }
    });

    test(`evidence 编辑 links are at least 24 × 24 px and named by what they show${tag}`, async ({
      page,
    }) => {
      await page.goto("/zh-CN/proposals/LLM-2024/R1");
      const edits = page.getByRole("link", { name: /^编辑佐证材料：/ });
      expect(await edits.count()).toBeGreaterThan(0);
      expect((await sizes(edits)).filter(TOO_SMALL)).toEqual([]);
    });

    test(`every labelled link and button says what it shows${tag}`, async ({ page }) => {
      await page.goto("/zh-CN/proposals/LLM-2024/R3");
      await expect(page.getByRole("link", { name: "更新进展", exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "更新进展：举措 R3.2" })).toBeVisible();
      for (const path of [
        "/zh-CN/proposals/LLM-2024/R3",
        "/en/proposals/LLM-2024/R3",
        "/zh-CN/proposals/LLM-2024/R1",
        "/en/proposals/LLM-2024/R1",
        "/zh-CN/proposals/LLM-2024/R1/actions",
        "/zh-CN/admin/proposals/LLM-2024",
        "/en/admin/proposals/LLM-2024",
        "/zh-CN/table",
        "/en/table",
      ]) {
        await page.goto(path);
        expect(await labelsMissingTheirText(page), path).toEqual([]);
      }
    });
  });
}

/** The cells of the table's column headed `header`, found by the header's place in its row. */
async function columnCells(page: Page, header: string): Promise<Locator> {
  const headers = await page.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((text) => text.trim() === header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return page.getByTestId("table-row").locator(`td:nth-child(${index + 1})`);
}

/** The texts among the targets that take more than one line (counted from the text's own line boxes). */
async function textsOnSeveralLines(targets: Locator): Promise<string[]> {
  return targets.evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top / 4)));
      return tops.size > 1 ? [node.textContent ?? ""] : [];
    }),
  );
}

async function allOnOneLine(targets: Locator): Promise<string[]> {
  const broken: string[] = [];
  for (const target of await targets.all()) {
    if (!(await isOneLine(target))) broken.push((await target.textContent()) ?? "");
  }
  return broken;
}

const TABLE = {
  "zh-CN": { due: "完成时限", updated: "最近修改", title: "名称", sort: "排序" },
  en: { due: "Due", updated: "Last changed", title: "Title", sort: "Sort by" },
} as const;

for (const { locale } of LOCALES) {
  const words = TABLE[locale];

  test(`${locale}: on a phone the table's rows are cards, dates whole @phone`, async ({ page }, testInfo) => {
    await page.goto(`/${locale}/table`);
    const cards = page.getByTestId("table-card");
    await expect(cards).toHaveCount(8);
    await expect(cards.first()).toBeVisible();
    await expect(page.getByTestId("table-row").first()).toBeHidden();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Every field of a card is labelled and on its line; a date is never broken.
    const dates = cards.locator("dd").filter({ hasText: /\d{4}/ });
    expect(await dates.count()).toBeGreaterThanOrEqual(16);
    expect(await allOnOneLine(dates.locator("span"))).toEqual([]);
    await cards.first().screenshot({ path: testInfo.outputPath(`table-card-${locale}.png`) });
    // Sorting without column headers.
    await page.getByLabel(words.sort).selectOption("progress:asc");
    await expect(page).toHaveURL(/sort=progress&dir=asc/);
  });

  test(`${locale}: the dashboard's tables keep words and dates whole on a phone @phone`, async ({ page }) => {
    await page.goto(`/${locale}/dashboard?show=tables`);
    const headers = page.locator("figure table th[scope=col]");
    expect(await headers.count()).toBeGreaterThan(5);
    expect(await allOnOneLine(headers)).toEqual([]);
    expect(await textsOnSeveralLines(page.locator("figure table td"))).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  test.describe("on a wide screen", () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test(`${locale}: the table uses the width; headers, dates and titles do not crowd`, async ({
      page,
    }, testInfo) => {
      await page.goto(`/${locale}/table`);
      await expect(page.getByTestId("table-row")).toHaveCount(8);
      const table = await page.getByRole("table").boundingBox();
      expect(table?.width ?? 0).toBeGreaterThan(1300);
      expect(await allOnOneLine(page.getByRole("columnheader"))).toEqual([]);
      for (const header of [words.due, words.updated]) {
        expect(await allOnOneLine((await columnCells(page, header)).locator("span")), header).toEqual([]);
      }
      // A title takes at most two lines.
      for (const cell of await (await columnCells(page, words.title)).locator("span").all()) {
        const lines = await cell.evaluate(
          (node) =>
            node.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(node).lineHeight),
        );
        expect(lines, (await cell.textContent()) ?? "").toBeLessThan(2.5);
      }
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`table-wide-${locale}.png`) });
    });
  });
}

const FILTERS = {
  "zh-CN": { none: "筛选：全部事项", kind: "事项类型", action: "举措", stalled: "受阻" },
  en: { none: "Filters: all items", kind: "Items", action: "Actions", stalled: "Stalled" },
} as const;

/** No parameter of the URL is empty (q=&theme=…). */
function emptyParameters(url: string): string[] {
  return [...new URL(url).searchParams].filter(([, value]) => value === "").map(([key]) => key);
}

for (const { locale } of LOCALES) {
  const words = FILTERS[locale];

  test(`${locale}: on a phone the filters fold into one line and apply on change @phone`, async ({
    page,
  }) => {
    await page.goto(`/${locale}/dashboard`);
    const summary = page.getByRole("button", { name: words.none });
    await expect(summary).toHaveAttribute("aria-expanded", "false");
    expect(await isOneLine(page.getByTestId("filter-summary"))).toBe(true);
    await expect(page.getByLabel(words.kind)).toBeHidden();
    // The first figure is on the first screen.
    const figure = await page.getByTestId("figure-items").boundingBox();
    expect((figure?.y ?? 1e9) + (figure?.height ?? 0)).toBeLessThan(page.viewportSize()?.height ?? 0);

    await summary.click();
    await page.getByLabel(words.kind).selectOption("action");
    await expect(page).toHaveURL(/kind=action/);
    expect(emptyParameters(page.url())).toEqual([]);
    await expect(page.getByTestId("filter-summary")).toContainText(words.action);
    // Whole dates fit their fields.
    for (const field of await page.locator("input[type=date]").all()) {
      expect((await field.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(150);
    }
  });

  test.describe("on a wide screen", () => {
    test.use({ viewport: { width: 1440, height: 900 } });

    test(`${locale}: a filter applies when it changes, with no empty parameter in the URL`, async ({
      page,
    }) => {
      await page.goto(`/${locale}/table`);
      await expect(page.getByTestId("filter-summary")).toBeHidden();
      await page.getByRole("checkbox", { name: words.stalled }).check();
      await expect(page).toHaveURL(/status=stalled/);
      expect(emptyParameters(page.url())).toEqual([]);
      await expect(page.getByRole("checkbox", { name: words.stalled })).toBeChecked();
      for (const field of await page.locator("input[type=date]").all()) {
        expect((await field.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(150);
      }
    });
  });
}

// Browsers ask for /favicon.ico on their own, whatever the page declares: a 404 there is a console
// error on whichever page happens to trigger it.
test("the site's icon is served where browsers look for it", async ({ request }) => {
  for (const path of ["/favicon.ico", "/icon.svg"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(/^image\//);
  }
});
