// The deputy's own rating on the feedback questionnaire (评价问卷), on a phone (390 px), in zh-CN and en,
// and a rating recorded on the deputy's behalf (代录) by the lead agency's staff, shown apart. Each test
// rates an item of its own (e2e/demo-item.ts), accepted (已答复) and not rated: the sample's R8, which
// awaits the demo deputy's rating, stays so for the other specs.
import { storageStateFor } from "./accounts";
import { addDemoItem, stored } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

const accepted = {
  stage: "replied",
  repliedAt: stored(new Date("2026-11-02T00:00:00+08:00")),
  replyClass: "B",
};

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  for (const code of ["RA1", "RA2", "RA3"])
    addDemoItem({ proposal: "E2E-RATING", code, titleZh: `评价演示条目 ${code}`, values: accepted });
});

const noSideScroll = async (page: import("@playwright/test").Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

test.describe("the deputy on a phone", () => {
  test.use({
    storageState: storageStateFor("deputy"),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

  test("rates an accepted reply on the questionnaire, in Chinese", async ({ page }) => {
    await page.goto("/zh-CN/proposals/E2E-RATING/RA1");
    const panel = page.getByTestId("rating-panel");
    await expect(panel.getByRole("heading", { name: "评价本次答复" })).toBeVisible();
    await noSideScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const form = panel.getByTestId("rating-form");
    // Nothing chosen: the required questions say so, nothing is saved.
    await form.getByRole("button", { name: "提交评价" }).click();
    // The second tap submits: a rating cannot be changed.
    await form.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
    await expect(form.getByText("此项为必填项。").first()).toBeVisible();
    await form
      .getByRole("group", { name: /您对本次答复的总体评价/ })
      .getByLabel("基本满意")
      .check();
    await form
      .getByRole("group", { name: /办理前是否与您沟通/ })
      .getByLabel("是")
      .check();
    await form
      .getByRole("group", { name: /办理人员态度/ })
      .getByLabel("满意", { exact: true })
      .check();
    await form
      .getByRole("group", { name: /答复是否针对建议内容/ })
      .getByLabel("基本针对")
      .check();
    await form.getByLabel(/对办理结果的意见/).fill("希望尽快公布开源平台的建设进展。");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole("button", { name: "提交评价" }).click();
    // The second tap submits: a rating cannot be changed.
    await form.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
    const rated = panel.getByTestId("rating-round-1");
    await expect(rated).toBeVisible();
    await expect(rated.getByTestId("rating-by-deputy")).toHaveText("代表本人评价");
    await expect(rated).toContainText("基本满意");
    await expect(rated).toContainText("希望尽快公布开源平台的建设进展。");
    await expect(panel.getByTestId("rating-form")).toHaveCount(0);
    // The 评价 step is in the item's history.
    await expect(page.getByTestId("cycle-history")).toContainText("王延峰（示例）");
    await noSideScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("rates another in English, dissatisfied: the re-handling clock starts", async ({ page }) => {
    await page.goto("/en/proposals/E2E-RATING/RA2");
    const panel = page.getByTestId("rating-panel");
    const form = panel.getByTestId("rating-form");
    await expect(form).toBeVisible();
    await noSideScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form
      .getByRole("group", { name: /Your overall rating/ })
      .getByLabel("Dissatisfied")
      .check();
    await form
      .getByRole("group", { name: /Were you consulted/ })
      .getByLabel("No")
      .check();
    await form
      .getByRole("group", { name: /attitude/ })
      .getByLabel("Basically satisfied")
      .check();
    await form
      .getByRole("group", { name: /address the proposal/ })
      .getByLabel("No")
      .check();
    await form.getByRole("button", { name: "Send rating" }).click();
    // The second tap submits: a rating cannot be changed.
    await form.getByRole("alertdialog").getByRole("button", { name: "Yes, submit" }).click();
    const rated = panel.getByTestId("rating-round-1");
    await expect(rated.getByTestId("rating-by-deputy")).toHaveText("Rated by the deputy");
    await expect(rated).toContainText("Dissatisfied");
    // 不满意: answered again within a month, shown on the reply panel.
    await expect(page.getByText("Answer again by")).toBeVisible();
    await noSideScroll(page);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});

test.describe("the lead agency's staff", () => {
  test.use({ storageState: storageStateFor("staffJxw") });
  test("record a rating on the deputy's behalf, with the reason, shown as such", async ({ page }) => {
    await page.goto("/zh-CN/proposals/E2E-RATING/RA3");
    const panel = page.getByTestId("rating-panel");
    const form = panel.getByTestId("rating-form");
    await form
      .getByRole("group", { name: /您对本次答复的总体评价/ })
      .getByLabel("满意", { exact: true })
      .check();
    await form
      .getByRole("group", { name: /办理前是否与您沟通/ })
      .getByLabel("是")
      .check();
    await form
      .getByRole("group", { name: /办理人员态度/ })
      .getByLabel("满意", { exact: true })
      .check();
    await form
      .getByRole("group", { name: /答复是否针对建议内容/ })
      .getByLabel("针对", { exact: true })
      .check();
    await form.getByRole("button", { name: "提交代录评价" }).click();
    // The second tap submits: a rating cannot be changed.
    await form.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
    await expect(form.getByText("代录须注明原因。")).toBeVisible();
    await form.getByLabel("代录原因").fill("代表电话反馈");
    await form.getByRole("button", { name: "提交代录评价" }).click();
    // The second tap submits: a rating cannot be changed.
    await form.getByRole("alertdialog").getByRole("button", { name: "确认提交" }).click();
    const rated = panel.getByTestId("rating-round-1");
    await expect(rated.getByTestId("rating-by-proxy")).toHaveText("代录");
    await expect(rated).toContainText("原因：代表电话反馈");
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
