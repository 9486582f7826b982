import { describe, expect, it } from "vitest";
import { escapeHtml, messageIdOf, renderEmail } from "./email";
import type { ItemRef } from "./items";

const item: ItemRef = {
  itemType: "recommendation",
  itemId: "rec-1",
  proposalId: "p-1",
  proposalCode: "LLM-2024",
  recommendationId: "rec-1",
  recommendationCode: "R1",
  actionCode: null,
  titleZh: '建设<算力>调度平台 & "试点"',
  titleEn: null,
  leadAgencyId: null,
  coHandlerAgencyIds: [],
};
const notification = (id: string, rule: string, payload: Record<string, unknown>) => ({
  id,
  rule,
  day: new Date("2026-03-01T00:00:00Z"),
  payload,
  createdAt: new Date("2026-03-01T01:00:00Z"),
});
const env = { BETTER_AUTH_URL: "https://tracker.example.gov.cn/" };

describe("an e-mail's text", () => {
  it("says one notification in its subject, with the item's absolute link in text and HTML", () => {
    const stalled = notification("n1", "status.stalled", {
      item,
      statusBefore: "in_progress",
      statusAfter: "stalled",
      actorName: "李四",
    });
    const mail = renderEmail(
      { notifications: [stalled], digest: false, user: { name: "张三" } },
      "zh-CN",
      env,
    );
    expect(mail.subject).toBe('【建议落实追踪】LLM-2024 · R1 建设<算力>调度平台 & "试点"：状态改为受阻');
    const link = "https://tracker.example.gov.cn/zh-CN/proposals/LLM-2024/R1";
    expect(mail.text).toContain(`张三，您好：`);
    expect(mail.text).toContain(link);
    expect(mail.text).toContain("操作人：李四");
    expect(mail.text).toContain("https://tracker.example.gov.cn/zh-CN/notifications/preferences");
    expect(mail.html).toContain(`href="${link}"`);
    // The title is text, never markup.
    expect(mail.html).toContain("建设&lt;算力&gt;调度平台 &amp; &quot;试点&quot;");
    expect(mail.html).not.toContain("<算力>");
  });

  it("lists every notification of a daily digest in one e-mail", () => {
    const due = notification("n2", "reply.due", { item, dueDay: "2026-03-10", daysLeft: 7 });
    const action = {
      ...item,
      itemType: "action" as const,
      itemId: "a-1",
      actionCode: "A2",
      titleZh: "第二项",
    };
    const late = notification("n3", "item.overdue", { item: action, dueDay: "2026-02-20", daysLate: 9 });
    const mail = renderEmail(
      { notifications: [due, late], digest: true, user: { name: "张三" } },
      "zh-CN",
      env,
    );
    expect(mail.subject).toBe("【建议落实追踪】今日通知汇总（2 条）");
    expect(mail.text).toContain("1. 答复将于 2026-03-10 到期，还剩 7 天");
    expect(mail.text).toContain("2. 已逾期 9 天（期限 2026-02-20）");
    expect(mail.html).toContain(
      'href="https://tracker.example.gov.cn/zh-CN/proposals/LLM-2024/R1#action-A2"',
    );
  });
});

describe("escapeHtml", () => {
  it("escapes what could open markup or end an attribute", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
    );
  });
});

describe("messageIdOf", () => {
  it("is the same for the same deliveries, in any order, at the sender's domain", () => {
    const from = "建议落实追踪 <notice@rd.example.gov.cn>";
    expect(messageIdOf(["b", "a"], from)).toBe(messageIdOf(["a", "b"], from));
    expect(messageIdOf(["a"], from)).not.toBe(messageIdOf(["a", "b"], from));
    expect(messageIdOf(["a"], from)).toMatch(/^<[0-9a-f]{32}@rd\.example\.gov\.cn>$/);
  });
});
