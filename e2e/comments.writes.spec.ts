import type { Page } from "@playwright/test";
import { storageStateFor } from "./accounts";
import { addDemoItem } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

// 讨论: staff comment with an @mention, the person mentioned is told in their inbox and opens it, the
// author edits within 15 minutes (the earlier text kept), an admin hides with a reason; in Chinese on
// a desktop and in English on a phone (390 px). Each on an item no other spec reads: a demo item of its
// own, and the sample's R3.1, whose thread no other spec looks at.

const SHOTS = "/work/shots/comments";
const shot = (page: Page, name: string) =>
  process.env.COMMENT_SHOTS ? page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }) : null;

test.describe("a comment thread, in Chinese on a desktop", () => {
  test.describe.configure({ mode: "serial" });
  let itemPage = "";
  const marker = `E2E-${Date.now().toString(36)}`;

  test.beforeAll(() => {
    itemPage = addDemoItem({
      proposal: "E2E-CMT",
      code: "C1",
      titleZh: "讨论演示条目",
      values: { stage: "handling", status: "in_progress", progress: 30 },
    });
  });

  test.describe("staff", () => {
    test.use({ storageState: storageStateFor("staffJxw"), viewport: { width: 1440, height: 900 } });

    test("comment with an @mention picked as they type, then edit it", async ({ page }) => {
      await page.goto(itemPage);
      const thread = page.getByRole("region", { name: "讨论" });
      await expect(thread).toBeVisible();
      const box = thread.getByRole("textbox", { name: "发表评论" });
      await box.fill(`${marker} 请 @王延`);
      await thread
        .getByTestId("mention-suggestions")
        .getByRole("button", { name: /王延峰（示例）/ })
        .click();
      await box.press("End");
      await box.pressSequentially("留意本条目的进展，详见 https://github.com/InternLM/InternLM");
      await expect(thread.getByTestId("mention-targets")).toContainText("王延峰（示例）");
      await thread.getByRole("button", { name: "发表评论" }).click();
      await expect(thread.getByText("评论已发表。")).toBeVisible();
      const comment = thread.getByTestId("comment").filter({ hasText: marker });
      await expect(comment.locator("[data-mention]")).toHaveText("@王延峰（示例）");
      await expect(
        comment.getByRole("link", { name: "https://github.com/InternLM/InternLM" }),
      ).toHaveAttribute("href", "https://github.com/InternLM/InternLM");
      await expect(box).toHaveValue("");
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, "thread-zh-1440");

      await comment.getByText("编辑", { exact: true }).click();
      const edit = comment.getByRole("textbox", { name: "修改评论" });
      await expect(edit).toHaveValue(new RegExp(`${marker} 请 @王延峰（示例） 留意`));
      await edit.fill(`${edit ? await edit.inputValue() : ""}（已补充）`);
      await comment.getByRole("button", { name: "保存修改" }).click();
      await expect(comment.getByTestId("comment-text")).toContainText("（已补充）");
      await expect(comment.getByText("已编辑", { exact: true })).toBeVisible();
      await comment.getByText("已编辑 · 共 2 个版本").click();
      await expect(comment.getByText(/第 1 版/)).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, "edited-zh-1440");
    });
  });

  test.describe("the deputy mentioned", () => {
    test.use({ storageState: storageStateFor("deputy") });

    test("sees the notification and opens the comment", async ({ page }) => {
      await page.goto("/zh-CN/notifications");
      const entry = page
        .getByTestId("inbox")
        .locator(":scope > li")
        .filter({ hasText: "在讨论中提到了您" })
        .filter({ hasText: marker })
        .first();
      await expect(entry).toBeVisible();
      await shot(page, "inbox-zh-1440");
      await entry.locator("form button").first().click();
      await expect(page).toHaveURL(/\/zh-CN\/proposals\/E2E-CMT\/C1#comment-/);
      await expect(page.getByTestId("comment").filter({ hasText: marker })).toBeVisible();

      // The deputy answers in the thread on a phone, mentioning the staff member who wrote.
      await page.setViewportSize({ width: 390, height: 844 });
      const thread = page.getByRole("region", { name: "讨论" });
      const box = thread.getByRole("textbox", { name: "发表评论" });
      // Its own words, apart from the marker the admin looks for below.
      const answer = `代表回复-${Date.now().toString(36)}`;
      await box.fill(`${answer}：收到，请 @张`);
      await thread.getByTestId("mention-suggestions").getByRole("button", { name: /张敏/ }).click();
      await thread.getByRole("button", { name: "发表评论" }).click();
      await expect(thread.getByText("评论已发表。")).toBeVisible();
      const reply = thread.getByTestId("comment").filter({ hasText: answer });
      await expect(reply.locator("[data-mention]")).toHaveText("@张敏");
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });

  test.describe("an admin", () => {
    test.use({ storageState: storageStateFor("admin") });

    test("hides it with a reason: it keeps its place, and the history says a hidden comment existed", async ({
      page,
    }) => {
      await page.goto(itemPage);
      const thread = page.getByRole("region", { name: "讨论" });
      const comment = thread.getByTestId("comment").filter({ hasText: marker });
      await comment.getByText("隐藏", { exact: true }).click();
      await comment.getByRole("textbox", { name: "隐藏原因" }).fill("演示：含有不宜公开的内容");
      await comment.getByRole("button", { name: "隐藏此评论" }).click();
      const hidden = thread.locator('[data-hidden="true"]').last();
      await expect(hidden.getByTestId("comment-hidden")).toHaveText(
        "此评论已被管理员隐藏（原因：演示：含有不宜公开的内容）",
      );
      await expect(thread.getByText(marker)).toHaveCount(0);
      await expect(page.getByTestId("comment-history")).toContainText("已被管理员隐藏");
      await expect(page.getByTestId("comment-history")).toContainText("演示：含有不宜公开的内容");
      expect(await seriousAxeViolations(page)).toEqual([]);
      await shot(page, "hidden-zh-1440");
    });
  });
});

test.describe("an action's thread, in English on a phone", () => {
  test.use({
    storageState: storageStateFor("staffJxw"),
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });

  test("a comment with a mention picked from the list, at 390 px", async ({ page }) => {
    const marker = `E2E-EN-${Date.now().toString(36)}`;
    await page.goto("/en/proposals/LLM-2024/R3");
    await page
      .getByTestId("action-threads")
      .getByRole("link", { name: /^R3\.1 / })
      .click();
    await expect(page).toHaveURL(/\/en\/proposals\/LLM-2024\/R3\/actions\/R3\.1\/comments$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Discussion of action R3.1");
    const thread = page.getByRole("region", { name: "Discussion" });
    await thread
      .getByRole("textbox", { name: "Add a comment" })
      .fill(`${marker} Please add the next update, `);
    await thread
      .getByRole("combobox", { name: "Mention a person or agency" })
      .selectOption({ label: "Science and Technology Commission" });
    await thread.getByRole("button", { name: "Insert mention" }).click();
    await thread.getByRole("button", { name: "Post comment" }).click();
    await expect(thread.getByText("Comment posted.")).toBeVisible();
    const comment = thread.getByTestId("comment").filter({ hasText: marker });
    await expect(comment.locator("[data-mention]")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot(page, "action-thread-en-390");
  });

  test("the recommendation's thread reads well at 390 px", async ({ page }) => {
    await page.goto("/en/proposals/LLM-2024/R3#comments");
    const thread = page.getByRole("region", { name: "Discussion" });
    await expect(thread.getByTestId("comment").first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await shot(page, "thread-en-390");
  });
});
