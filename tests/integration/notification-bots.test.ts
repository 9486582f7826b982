// Group bots end to end: notify() queues a post per bot of the agencies (and the office) a rule tells,
// sendDueDeliveries posts it to a real HTTP server standing in for WeCom, DingTalk and Feishu, which
// checks each body against the platform's documented shape and recomputes the signatures; an error
// answer is retried, then failed with the platform's message. Then the admin's actions: https only,
// secrets kept when left blank and never sent back, the test message and the platform's answer.
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createElement } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { WebhookForm } from "@/components/admin/webhooks";
import { createAuth } from "@/lib/auth/config";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { BOT_SENDERS, postBotMessage } from "@/lib/notifications/bots";
import { MAX_ATTEMPTS, sendDueDeliveries } from "@/lib/notifications/deliveries";
import { describeNotification } from "@/lib/notifications/describe";
import { type ItemRef, loadItemRefs } from "@/lib/notifications/items";
import { notify } from "@/lib/notifications/notify";
import { createWebhook, setWebhookActive, testWebhook, updateWebhook } from "@/lib/webhooks/actions";
import { listWebhooks } from "@/lib/webhooks/queries";
import { createAgency, createProposal, createRecommendation } from "./factories";
import { renderHtml } from "./support/render";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL = "https://tracker.example.org";

type Received = { path: string; query: URLSearchParams; rawQuery: string; body: Record<string, unknown> };
const received: Received[] = [];
/** How the stand-in platform answers a path; by default, each platform's success. */
let answerOf: (path: string) => { status: number; body: string } | "hang" = () => ({ status: 200, body: "" });
const SUCCESS: Record<string, string> = {
  wecom: JSON.stringify({ errcode: 0, errmsg: "ok" }),
  dingtalk: JSON.stringify({ errcode: 0, errmsg: "ok" }),
  feishu: JSON.stringify({ code: 0, msg: "success", data: {} }),
};
const succeed = (path: string) => ({ status: 200, body: SUCCESS[path.split("/")[1] ?? ""] ?? "{}" });

let server: Server;
let base: string;
let adminId: string;
let agencyId: string;
let item: ItemRef;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      received.push({
        path: url.pathname,
        query: url.searchParams,
        rawQuery: url.search,
        body: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
      });
      const answer = answerOf(url.pathname);
      if (answer === "hang") return;
      res.writeHead(answer.status, { "content-type": "application/json" });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const auth = createAuth(db);
  const password = "correct-horse-battery";
  const { user } = await auth.api.createUser({
    body: { email: "bots.admin@example.org", name: "管理员乙", password, role: "admin" },
  });
  adminId = user.id;
  const { headers } = await auth.api.signInEmail({
    body: { email: "bots.admin@example.org", password },
    headers: new Headers(),
    returnHeaders: true,
  });
  request.headers = new Headers({ cookie: headers.get("set-cookie")?.split(";")[0] ?? "" });

  const agency = await createAgency();
  agencyId = agency.id;
  const proposal = await createProposal({ code: "BOT-2026" });
  const recommendation = await createRecommendation(proposal.id, { code: "R7" });
  await db.recommendationAgency.create({
    data: { recommendationId: recommendation.id, agencyId, role: "lead" },
  });
  const refs = await loadItemRefs(db, [{ itemType: "recommendation", itemId: recommendation.id }]);
  item = refs.get(recommendation.id) as ItemRef;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(async () => {
  received.length = 0;
  answerOf = succeed;
  // Each test registers its own bots: the ones before are switched off, as an admin would.
  await db.webhook.updateMany({ data: { active: false } });
});

const SECRET = "SECd1f0c0ffee0123456789abcdef";

async function bot(platform: string, path: string, options: { secret?: string; office?: boolean } = {}) {
  return db.webhook.create({
    data: {
      name: `${platform} 群`,
      platform,
      url: `${base}${path}`,
      secret: options.secret ?? null,
      agencyId: options.office ? null : agencyId,
      createdById: adminId,
    },
  });
}

let events = 0;
async function stalled() {
  events += 1;
  const event = {
    rule: "status.stalled" as const,
    dedupeKey: `bots-test:${events}`,
    day: "2026-12-02",
    item,
    payload: { statusBefore: "in_progress", statusAfter: "stalled", comment: "经费未到位" },
  };
  await db.$transaction((tx) => notify(tx, [event]));
  const notification = await db.notification.findFirstOrThrow({ where: { dedupeKey: event.dedupeKey } });
  return describeNotification(notification, "zh-CN");
}

const later = () => new Date(Date.now() + 30 * 86_400_000);
const itemUrl = () => `https://tracker.example.org/zh-CN/proposals/BOT-2026/R7`;

describe("posting notifications to group bots", () => {
  it("posts each platform's documented markdown message, signed, to the agency's and the office's bots", async () => {
    const wecom = await bot("wecom", "/wecom/send", {});
    const dingtalk = await bot("dingtalk", "/dingtalk/robot/send", { secret: SECRET });
    const feishu = await bot("feishu", "/feishu/open-apis/bot/v2/hook/abc", { secret: SECRET });
    const office = await bot("wecom", "/wecom/office", { office: true });
    const before = Date.now();
    const text = await stalled();
    expect(text.lines.length).toBeGreaterThan(0);
    const deliveries = await db.delivery.findMany({ where: { webhookId: { not: null }, state: "queued" } });
    expect(deliveries.map((d) => d.webhookId).sort()).toEqual(
      [wecom.id, dingtalk.id, feishu.id, office.id].sort(),
    );

    expect(await sendDueDeliveries(db, BOT_SENDERS, { now: new Date(Date.now() + 1000) })).toEqual({
      sent: 4,
      retried: 0,
      failed: 0,
    });
    const after = Date.now();
    const at = (path: string) => received.find((r) => r.path === path) as Received;

    const markdown = [
      `**${text.title}**`,
      "BOT-2026 · R7 测试条目",
      ...text.lines.map((line) => `> ${line}`),
      "",
      `[在系统中查看](${itemUrl()})`,
    ];
    expect(at("/wecom/send").body).toEqual({
      msgtype: "markdown",
      markdown: { content: markdown.join("\n") },
    });
    expect(at("/wecom/office").body).toEqual(at("/wecom/send").body);
    expect(text.title).toBe("状态改为受阻");
    expect(markdown.join("\n")).toContain("经费未到位");

    const ding = at("/dingtalk/robot/send");
    expect(ding.body).toEqual({
      msgtype: "markdown",
      markdown: {
        title: text.title,
        text: [`#### ${text.title}`, ...markdown.slice(1).filter(Boolean)].join("\n\n"),
      },
    });
    const timestamp = Number(ding.query.get("timestamp"));
    expect(timestamp).toBeGreaterThanOrEqual(before);
    expect(timestamp).toBeLessThanOrEqual(after);
    expect(ding.query.get("sign")).toBe(
      createHmac("sha256", SECRET).update(`${timestamp}\n${SECRET}`).digest("base64"),
    );
    expect(ding.rawQuery).toMatch(/[?&]sign=[A-Za-z0-9%]+$/);

    const fs = at("/feishu/open-apis/bot/v2/hook/abc").body as {
      timestamp: string;
      sign: string;
      msg_type: string;
      card: { header: { title: { content: string } }; elements: Record<string, unknown>[] };
    };
    const seconds = Number(fs.timestamp);
    expect(seconds).toBeGreaterThanOrEqual(Math.floor(before / 1000));
    expect(seconds).toBeLessThanOrEqual(Math.ceil(after / 1000));
    expect(fs.sign).toBe(createHmac("sha256", `${seconds}\n${SECRET}`).update("").digest("base64"));
    expect(fs.msg_type).toBe("interactive");
    expect(fs.card.header.title.content).toBe(text.title);
    expect(fs.card.elements[0]).toEqual({
      tag: "markdown",
      content: ["**BOT-2026 · R7 测试条目**", ...text.lines].join("\n"),
    });
    expect(fs.card.elements[1]).toMatchObject({
      tag: "action",
      actions: [{ tag: "button", url: itemUrl() }],
    });

    const rows = await db.delivery.findMany({ where: { id: { in: deliveries.map((d) => d.id) } } });
    expect(rows.every((row) => row.state === "sent" && row.sentAt && row.attempts === 1)).toBe(true);
    // Sent once: a second run posts nothing.
    received.length = 0;
    expect(await sendDueDeliveries(db, BOT_SENDERS, { now: later() })).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(received).toEqual([]);
  });

  it("retries a platform's error code or a 500, then gives up with the platform's message", async () => {
    await bot("wecom", "/wecom/bad-key");
    await bot("dingtalk", "/dingtalk/bad-sign", { secret: SECRET });
    await bot("feishu", "/feishu/bad-sign", { secret: SECRET });
    answerOf = (path) =>
      path === "/wecom/bad-key"
        ? { status: 200, body: JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }) }
        : path === "/dingtalk/bad-sign"
          ? { status: 500, body: "upstream broke" }
          : { status: 200, body: JSON.stringify({ code: 19021, msg: "sign match fail" }) };
    await stalled();

    expect(await sendDueDeliveries(db, BOT_SENDERS, { now: new Date(Date.now() + 1000) })).toEqual({
      sent: 0,
      retried: 3,
      failed: 0,
    });
    const queued = await db.delivery.findMany({ where: { state: "queued" } });
    expect(queued).toHaveLength(3);
    expect(queued.every((row) => row.attempts === 1 && row.notBefore.getTime() > Date.now())).toBe(true);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++)
      await sendDueDeliveries(db, BOT_SENDERS, { now: later() });
    const rows = await db.delivery.findMany({
      where: { id: { in: queued.map((row) => row.id) } },
      include: { webhook: true },
    });
    const errorOf = (path: string) => rows.find((row) => row.webhook?.url.endsWith(path));
    expect(rows.every((row) => row.state === "failed" && row.attempts === MAX_ATTEMPTS)).toBe(true);
    expect(errorOf("/wecom/bad-key")?.lastError).toBe("wecom: errcode 93000: invalid webhook url");
    expect(errorOf("/dingtalk/bad-sign")?.lastError).toBe("dingtalk: HTTP 500 upstream broke");
    expect(errorOf("/feishu/bad-sign")?.lastError).toBe("feishu: code 19021: sign match fail");
    expect(received).toHaveLength(3 * MAX_ATTEMPTS);
    // No error shows the address: its query is the bot's key.
    expect(rows.some((row) => row.lastError?.includes(base))).toBe(false);
  });

  it("gives up on a platform that does not answer in time, and on one that cannot be reached", async () => {
    answerOf = () => "hang";
    const message = { title: "t", item: null, lines: [], url: "https://tracker.example.org/" };
    await expect(
      postBotMessage({ platform: "wecom", url: `${base}/wecom/slow`, secret: null }, message, {
        timeoutMs: 200,
      }),
    ).rejects.toThrow("wecom: no answer within 0.2 s");
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      postBotMessage({ platform: "feishu", url: `http://127.0.0.1:${port}/x?key=k`, secret: null }, message),
    ).rejects.toThrow(/^feishu: could not connect \(ECONNREFUSED\)$/);
  });

  it("queues nothing for a deactivated bot, nor for another agency's", async () => {
    const other = await createAgency();
    const off = await bot("wecom", "/wecom/off");
    await db.webhook.update({ where: { id: off.id }, data: { active: false } });
    const elsewhere = await db.webhook.create({
      data: {
        name: "别家",
        platform: "wecom",
        url: `${base}/wecom/else`,
        agencyId: other.id,
        createdById: adminId,
      },
    });
    await stalled();
    expect(await db.delivery.count({ where: { webhookId: { in: [off.id, elsewhere.id] } } })).toBe(0);
  });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
const admin = {} as CheckedAdmin;
const NEW_BOT = {
  name: "经信委工作群",
  platform: "dingtalk",
  url: "https://oapi.dingtalk.com/robot/send?access_token=tok-secret-abcdef0123456789",
  secret: "SECdingtalk-signing-secret-value",
};

describe("the admin's bot actions", () => {
  it("refuses an address that is not https, with its own message, and writes nothing", async () => {
    const [webhooks, audits] = [await db.webhook.count(), await db.auditEvent.count()];
    for (const url of [
      "http://oapi.dingtalk.com/robot/send?access_token=x",
      "ftp://example.org/hook",
      "javascript:alert(1)",
    ]) {
      expect(await createWebhook({}, form({ ...NEW_BOT, agencyId, url }))).toEqual({
        fieldErrors: { url: ["webhooks.urlHttps"] },
      });
    }
    expect(await createWebhook({}, form({ ...NEW_BOT, agencyId, url: "not a url" }))).toEqual({
      fieldErrors: { url: ["validation.urlInvalid"] },
    });
    expect(
      await createWebhook({}, form({ ...NEW_BOT, agencyId, quietStart: "25:00", quietEnd: "08:00" })),
    ).toEqual({ fieldErrors: { quietStart: ["webhooks.quietTime"] } });
    expect(await createWebhook({}, form({ ...NEW_BOT, agencyId, quietStart: "22:00" }))).toEqual({
      fieldErrors: { quietEnd: ["webhooks.quietBoth"] },
    });
    expect(await createWebhook({}, form({ ...NEW_BOT, platform: "slack" }))).toEqual({
      fieldErrors: { platform: ["validation.invalid"] },
    });
    expect(await createWebhook({}, form({ ...NEW_BOT, agencyId: "no-such-agency" }))).toEqual({
      fieldErrors: { agencyId: ["webhooks.agencyUnknown"] },
    });
    expect([await db.webhook.count(), await db.auditEvent.count()]).toEqual([webhooks, audits]);
  });

  it("registers a bot; its address's key and its secret never reach the page or the audit log", async () => {
    expect(
      await createWebhook({}, form({ ...NEW_BOT, agencyId, quietStart: "22:00", quietEnd: "08:00" })),
    ).toEqual({ notice: "webhooks.created" });
    const row = await db.webhook.findFirstOrThrow({ where: { name: NEW_BOT.name } });
    expect(row).toMatchObject({
      platform: "dingtalk",
      url: NEW_BOT.url,
      secret: NEW_BOT.secret,
      agencyId,
      active: true,
      quietStart: "22:00",
      quietEnd: "08:00",
      createdById: adminId,
    });
    const listed = (await listWebhooks(admin)).find((webhook) => webhook.id === row.id);
    expect(listed).toMatchObject({ urlShort: "oapi.dingtalk.com/…6789", hasSecret: true });
    const page = JSON.stringify(await listWebhooks(admin));
    expect(page).not.toContain("tok-secret");
    expect(page).not.toContain(NEW_BOT.secret);
    // The edit form as the page renders it: the shortened address in its hint, no value of either.
    const html = renderHtml(
      createElement(WebhookForm, { webhook: listed, agencies: [], platforms: [] }),
      "zh-CN",
    );
    expect(html).toContain("oapi.dingtalk.com/…6789");
    expect(html).not.toContain("tok-secret");
    expect(html).not.toContain(NEW_BOT.secret);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "Webhook", entityId: row.id },
    });
    expect(audit).toMatchObject({ action: "webhook.create", actorId: adminId });
    expect(audit.after).toMatchObject({ urlHost: "oapi.dingtalk.com", secretSet: true, agencyId });
    expect(JSON.stringify(audit)).not.toContain("tok-secret");
    expect(JSON.stringify(audit)).not.toContain(NEW_BOT.secret);
  });

  it("keeps the saved address and secret when an edit leaves them blank, and removes the secret when asked", async () => {
    const row = await db.webhook.findFirstOrThrow({ where: { name: NEW_BOT.name } });
    const edit = {
      webhookId: row.id,
      name: "经信委群",
      platform: "dingtalk",
      agencyId: "",
      url: "",
      secret: "",
    };
    expect(await updateWebhook({}, form(edit))).toEqual({ notice: "webhooks.saved" });
    expect(await db.webhook.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      name: "经信委群",
      url: NEW_BOT.url,
      secret: NEW_BOT.secret,
      agencyId: null,
      quietStart: null,
      quietEnd: null,
    });
    expect(await updateWebhook({}, form({ ...edit, url: "http://oapi.dingtalk.com/x" }))).toEqual({
      fieldErrors: { url: ["webhooks.urlHttps"] },
    });
    expect(await updateWebhook({}, form({ ...edit, secret: "SECnew" }))).toEqual({
      notice: "webhooks.saved",
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: row.id } })).secret).toBe("SECnew");
    expect(await updateWebhook({}, form({ ...edit, clearSecret: "on" }))).toEqual({
      notice: "webhooks.saved",
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: row.id } })).secret).toBeNull();

    const audits = await db.auditEvent.findMany({ where: { entityId: row.id, action: "webhook.update" } });
    expect(audits.map((a) => (a.after as { secretChanged: boolean }).secretChanged)).toEqual([
      false,
      true,
      true,
    ]);
    expect(JSON.stringify(audits)).not.toContain("SECnew");
    expect(JSON.stringify(audits)).not.toContain("tok-secret");
  });

  it("deactivates and activates a bot, audited", async () => {
    const row = await db.webhook.findFirstOrThrow({ where: { name: "经信委群" } });
    expect(await setWebhookActive({}, form({ webhookId: row.id, active: "false" }))).toEqual({
      notice: "webhooks.deactivated",
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: row.id } })).active).toBe(false);
    expect(await setWebhookActive({}, form({ webhookId: row.id, active: "true" }))).toEqual({
      notice: "webhooks.activated",
    });
    expect((await db.webhook.findUniqueOrThrow({ where: { id: row.id } })).active).toBe(true);
    const actions = await db.auditEvent.findMany({
      where: { entityId: row.id, action: { in: ["webhook.activate", "webhook.deactivate"] } },
      orderBy: { createdAt: "asc" },
    });
    expect(actions.map((a) => a.action)).toEqual(["webhook.deactivate", "webhook.activate"]);
  });

  it("sends a test message and shows the platform's answer, gone or refused", async () => {
    const good = await bot("feishu", "/feishu/test", { secret: SECRET });
    const outcome = await testWebhook({}, form({ webhookId: good.id }));
    expect(outcome).toEqual({ notice: "webhooks.testSent", answer: SUCCESS.feishu });
    const posted = received.find((r) => r.path === "/feishu/test")?.body as {
      sign: string;
      timestamp: string;
      card: { header: { title: { content: string } }; elements: { content?: string }[] };
    };
    expect(posted.card.header.title.content).toBe("测试消息：建议落实追踪的群机器人已接通");
    expect(posted.card.elements[0]?.content).toContain("机器人：feishu 群");
    expect(posted.sign).toBe(
      createHmac("sha256", `${posted.timestamp}\n${SECRET}`).update("").digest("base64"),
    );

    const bad = await bot("wecom", "/wecom/test-bad");
    answerOf = () => ({
      status: 200,
      body: JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }),
    });
    expect(await testWebhook({}, form({ webhookId: bad.id }))).toEqual({
      formError: "webhooks.testFailed",
      answer: JSON.stringify({ errcode: 93000, errmsg: "invalid webhook url" }),
    });
    const audits = await db.auditEvent.findMany({
      where: { action: "webhook.test", entityId: { in: [good.id, bad.id] } },
    });
    expect(audits.map((a) => (a.after as { ok: boolean }).ok).sort()).toEqual([false, true]);
    expect(audits.find((a) => a.entityId === bad.id)?.after as { error: string }).toMatchObject({
      error: "wecom: errcode 93000: invalid webhook url",
    });
    expect(JSON.stringify(audits)).not.toContain(base);
  });

  it("is refused to anyone but an admin", async () => {
    const saved = request.headers;
    request.headers = new Headers();
    try {
      const row = await db.webhook.findFirstOrThrow({ where: { name: "经信委群" } });
      const outcome = await callAction(() => testWebhook({}, form({ webhookId: row.id })));
      expect(outcome).toEqual({ returned: { formError: "validation.signedOut" } });
    } finally {
      request.headers = saved;
    }
  });
});
