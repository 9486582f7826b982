// The whole handling cycle by four accounts, on a 390 px phone, once in Chinese and once in English:
// the office assigns (交办), the co-handler and the lead acknowledge (签收), the lead drafts the reply,
// the co-handler signs it (会签), the lead's reviewer approves it (审核), the office accepts it, issues a
// 督办单 that the lead acknowledges and answers, and closes the item (办结). Every page on the way is axe
// clean, and the item's history holds every step. Labels come from the messages, so that both
// languages run the same steps.
import { readFileSync } from "node:fs";
import { storageStateFor } from "./accounts";
import { addDemoItem } from "./demo-item";
import { expect, seriousAxeViolations, test } from "./fixtures";

type Messages = typeof import("../messages/zh-CN.json");
const messages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8")) as Messages;
const zh = messages("zh-CN");
const en = messages("en");
const PEOPLE = ["office", "staffKw", "staffJxw", "reviewerJxw"] as const;
type Person = (typeof PEOPLE)[number];

const LOCALES = [
  {
    locale: "zh-CN",
    m: zh,
    code: "CYCLE-WHOLE-ZH",
    lead: "上海市经济和信息化委员会",
    co: "上海市科学技术委员会",
  },
  {
    locale: "en",
    m: en,
    code: "CYCLE-WHOLE-EN",
    lead: "Shanghai Municipal Commission of Economy and Informatization",
    co: "Science and Technology Commission of Shanghai Municipality",
  },
] as const;

const inAWeek = () =>
  new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Shanghai" });

// Each language's cycle runs its steps in order, on an item of its own; the two run side by side.
test.describe.configure({ mode: "parallel" });
test.use({ viewport: { width: 390, height: 844 } });

for (const { locale, m, code, lead, co } of LOCALES) {
  test.describe(`the whole cycle in ${locale}, on a phone`, () => {
    test.describe.configure({ mode: "serial" });
    const item = `/${locale}/proposals/${code}/W1`;
    test.beforeAll(() => {
      addDemoItem({
        proposal: code,
        code: "W1",
        titleZh: "全流程演示条目",
        values: { stage: "unassigned", assignedAt: null },
        withAgencies: false,
      });
    });

    /** A page signed in as `person`, on `path`, checked for accessibility and sideways scrolling. */
    const open = async (browser: import("@playwright/test").Browser, person: Person, path = item) => {
      const context = await browser.newContext({
        storageState: storageStateFor(person),
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      await page.goto(path);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      return page;
    };
    const stage = (page: import("@playwright/test").Page) =>
      page.getByTestId("assignment-panel").getByTestId("cycle-stage");

    test("the office assigns it", async ({ browser }) => {
      const page = await open(browser, "office", `/${locale}/office/proposals/${code}/assign`);
      const grid = page.getByTestId("assignment-grid");
      await grid.getByLabel(`W1 ${m.manage.field.leadAgency}`).selectOption({ label: lead });
      await grid.getByLabel(`W1 ${m.manage.field.coAgencies}`).selectOption([{ label: co }]);
      // The button's text is the message's, with its count (an ICU plural in English) filled in.
      const save = m.manage.assign.save.split("{")[0] ?? "";
      await grid.getByRole("button", { name: new RegExp(`^${save}`) }).click();
      await expect(page.getByText(m.validation.saved)).toBeVisible();
      await page.goto(item);
      await expect(stage(page)).toHaveText(m.cycle.stage.assigned);
    });

    test("the co-handler and the lead acknowledge it", async ({ browser }) => {
      for (const person of ["staffKw", "staffJxw"] as const) {
        const page = await open(browser, person);
        await page
          .getByTestId("assignment-panel")
          .getByRole("button", { name: m.cycle.assignment.acknowledge, exact: true })
          .click();
        await expect(
          page
            .getByTestId("assignment-panel")
            .getByRole("button", { name: m.cycle.assignment.acknowledge, exact: true }),
        ).toHaveCount(0);
      }
    });

    test("the lead drafts the reply and submits it", async ({ browser }) => {
      const page = await open(browser, "staffJxw");
      const workflow = page.getByTestId("reply-workflow");
      await expect(stage(page)).toHaveText(m.cycle.stage.handling);
      const draft = workflow.getByTestId("draft-form");
      await draft.getByLabel(m.cycle.reply.class).selectOption("B");
      await draft.getByLabel(m.cycle.reply.text).fill("经研究，我委将会同市科委推进。");
      await draft.getByRole("button", { name: m.cycle.reply.saveDraft }).click();
      await expect(workflow.getByTestId("cycle-stage")).toHaveText(m.cycle.stage.drafting);
      await workflow.getByRole("button", { name: m.cycle.reply.submit }).click();
      await expect(workflow.getByTestId("cycle-stage")).toHaveText(m.cycle.stage.cosigning);
    });

    test("the co-handler signs it, the reviewer approves it", async ({ browser }) => {
      const co = await open(browser, "staffKw");
      await co.getByTestId("reply-workflow").getByRole("button", { name: m.cycle.reply.sign }).click();
      await expect(co.getByTestId("reply-workflow").getByTestId("cycle-stage")).toHaveText(
        m.cycle.stage.reviewing,
      );
      const reviewer = await open(browser, "reviewerJxw");
      await reviewer
        .getByTestId("reply-workflow")
        .getByRole("button", { name: m.cycle.reply.approve })
        .click();
      await expect(reviewer.getByTestId("reply-workflow").getByTestId("cycle-stage")).toHaveText(
        m.cycle.stage.submitted,
      );
    });

    test("the office accepts it and issues a 督办单", async ({ browser }) => {
      const page = await open(browser, "office");
      const workflow = page.getByTestId("reply-workflow");
      await workflow.getByTestId("accept-form").getByRole("button", { name: m.cycle.reply.accept }).click();
      await expect(workflow.getByTestId("cycle-stage")).toHaveText(m.cycle.stage.replied);
      const issue = page.getByTestId("supervision-panel").getByTestId("issue-notice-form");
      await issue.getByLabel(m.supervision.levelLabel).selectOption("yellow");
      await issue.getByLabel(m.supervision.answerDueAt).fill(inAWeek());
      await issue.getByLabel(m.supervision.text).fill("请报送落实进展。");
      await issue.getByRole("button", { name: m.supervision.issue }).click();
      await expect(page.getByTestId("supervision-notice")).toContainText("请报送落实进展。");
    });

    test("the lead acknowledges the 督办单 and answers it", async ({ browser }) => {
      const page = await open(browser, "staffJxw");
      const notice = page.getByTestId("supervision-notice");
      await notice.getByRole("button", { name: m.supervision.acknowledge }).click();
      const answer = notice.getByTestId("answer-notice-form");
      await answer.getByLabel(m.supervision.answerLabel).fill("已报送，按期推进。");
      await answer.getByRole("button", { name: m.supervision.answer }).click();
      await expect(notice.getByTestId("notice-answer")).toHaveText("已报送，按期推进。");
    });

    test("the office closes it, and its history holds every step", async ({ browser }) => {
      const page = await open(browser, "office");
      const workflow = page.getByTestId("reply-workflow");
      await workflow.getByTestId("close-form").getByRole("button", { name: m.cycle.closing.close }).click();
      await expect(workflow.getByTestId("cycle-stage")).toHaveText(m.cycle.stage.closed);
      const history = page.getByTestId("cycle-history");
      const steps = m.cycle.step;
      for (const step of [
        steps.assign,
        steps.acknowledge,
        steps.draftReply,
        steps.submitDraft,
        steps.signoff,
        steps.reviewReply,
        steps.acceptReply,
        steps.issueNotice,
        steps.acknowledgeNotice,
        steps.answerNotice,
        steps.close,
      ])
        await expect(history.getByText(step, { exact: true }).first()).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  });
}
