// The e-mail channel end to end against a real SMTP server (smtp-server on a random local port): what
// notify() queues, sendDueDeliveries() sends through lib/notifications/email.ts, and the message as a
// mail client reads it (mailparser). Then the failures: a server that refuses is retried with back-off
// and given up after MAX_ATTEMPTS; a daily digest goes as one e-mail; an admin sends a failed one again.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CheckedAdmin, requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { MAX_ATTEMPTS, sendDueDeliveries } from "@/lib/notifications/deliveries";
import { retryDelivery } from "@/lib/notifications/delivery-actions";
import { readDeliveryLog } from "@/lib/notifications/delivery-log";
import { closeEmailTransport, sendEmail } from "@/lib/notifications/email";
import { type ItemRef, loadItemRefs } from "@/lib/notifications/items";
import { type NotificationEvent, notify } from "@/lib/notifications/notify";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const senders = { email: sendEmail };
const BASE = "https://tracker.example.gov.cn/tracker";

/** What the server was sent, and, while `refusing` is set, the error it answers DATA with. */
const received: ParsedMail[] = [];
let refusing: string | null = null;
let server: SMTPServer;
let port: number;

function startSmtpServer(): Promise<void> {
  server = new SMTPServer({
    authOptional: true,
    // No TLS: the transport must not try STARTTLS with the server's self-signed test certificate.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (refusing) {
          const error = Object.assign(new Error(refusing), { responseCode: 550 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      port = (server.server.address() as AddressInfo).port;
      resolve();
    });
  });
}

let staff: { id: string; email: string; name: string };
let other: { id: string; email: string; name: string };
let refs: ItemRef[];
let sequence = 0;

beforeAll(async () => {
  await seedSampleData(db);
  await startSmtpServer();
  staff = await db.user.findUniqueOrThrow({
    where: { email: "staff.jxw@tracker.example" },
    select: { id: true, email: true, name: true },
  });
  other = await db.user.findUniqueOrThrow({
    where: { email: "staff.kw@tracker.example" },
    select: { id: true, email: true, name: true },
  });
  const items = await db.recommendation.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
  const loaded = await loadItemRefs(
    db,
    items.map((item) => ({ itemType: "recommendation" as const, itemId: item.id })),
  );
  refs = [...loaded.values()];
  expect(refs).toHaveLength(2);
});

afterAll(async () => {
  closeEmailTransport();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "建议落实追踪 <notice@rd.example.gov.cn>";
  process.env.BETTER_AUTH_URL = BASE;
  received.length = 0;
  refusing = null;
});

afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
  delete process.env.BETTER_AUTH_URL;
});

/** A "status.stalled" notification of `item` for `userId` alone; returns its deliveries. */
async function stalled(userId: string, item: ItemRef, now = new Date()) {
  sequence += 1;
  const event: NotificationEvent = {
    rule: "status.stalled",
    dedupeKey: `test-email:${sequence}`,
    day: "2026-12-01",
    item,
    payload: { statusBefore: "in_progress", statusAfter: "stalled", actorName: "测试人" },
    recipientIds: [userId],
  };
  await db.$transaction((tx) => notify(tx, [event], now));
  return db.delivery.findMany({
    where: { channel: "email", userId, notification: { dedupeKey: event.dedupeKey } },
  });
}

const itemUrl = (item: ItemRef) =>
  `${BASE}/zh-CN/proposals/${encodeURIComponent(item.proposalCode)}/${encodeURIComponent(item.recommendationCode)}`;
const html = (mail: ParsedMail) => (typeof mail.html === "string" ? mail.html : "");

describe("an e-mail notification", () => {
  it("reaches the SMTP server in Chinese, in text and HTML, with the item's absolute link", async () => {
    const item = refs[0] as ItemRef;
    const [delivery, ...more] = await stalled(staff.id, item);
    expect(delivery).toBeDefined();
    expect(more).toEqual([]);

    expect(await sendDueDeliveries(db, senders)).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0] as ParsedMail;
    expect(mail.subject).toBe(
      `【建议落实追踪】${item.proposalCode} · ${item.recommendationCode} ${item.titleZh}：状态改为受阻`,
    );
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(staff.email);
    expect(mail.from?.value[0]).toEqual({ name: "建议落实追踪", address: "notice@rd.example.gov.cn" });
    expect(mail.text).toContain(itemUrl(item));
    expect(mail.text).toContain("状态：推进中 → 受阻");
    expect(html(mail)).toContain(`href="${itemUrl(item)}"`);
    expect(html(mail)).toContain(`${BASE}/zh-CN/notifications/preferences`);
    expect(mail.headers.get("list")).toMatchObject({
      unsubscribe: { url: `${BASE}/zh-CN/notifications/preferences` },
    });
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@rd\.example\.gov\.cn>$/);

    const row = await db.delivery.findUniqueOrThrow({ where: { id: delivery?.id } });
    expect(row).toMatchObject({ state: "sent", attempts: 1, lastError: null, leaseUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Sent once: a second run finds nothing to send.
    expect(await sendDueDeliveries(db, senders)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it("reaches an official who takes the weekly digest, though they handle no item", async () => {
    const official = await db.user.findUniqueOrThrow({
      where: { email: "official@tracker.example" },
      select: { id: true, email: true },
    });
    sequence += 1;
    const digest: NotificationEvent = {
      rule: "digest.weekly",
      dedupeKey: `test-email-digest:${sequence}`,
      day: "2026-11-30",
      item: null,
      payload: { counts: { moved: 0, late: 0, dueNextWeek: 0 }, moved: [], late: [], dueNextWeek: [] },
      recipientIds: [official.id],
    };
    await db.$transaction((tx) => notify(tx, [digest]));
    expect(await sendDueDeliveries(db, senders)).toMatchObject({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0] as ParsedMail;
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(official.email);
    expect(mail.subject).toContain("每周摘要");
  });

  it("that the server refuses is retried with back-off, then given up as failed with the error", async () => {
    refusing = "mailbox unavailable";
    const [delivery] = await stalled(staff.id, refs[0] as ItemRef);
    const id = delivery?.id ?? "";
    const before = Date.now();
    expect(await sendDueDeliveries(db, senders)).toMatchObject({ sent: 0, retried: 1 });
    let row = await db.delivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ state: "queued", attempts: 1, leaseUntil: null });
    expect(row.notBefore.getTime()).toBeGreaterThan(before);
    expect(row.lastError).toContain("mailbox unavailable");

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      // Not before its time: a run now sends nothing.
      expect(await sendDueDeliveries(db, senders, { now: new Date(row.notBefore.getTime() - 1000) })).toEqual(
        {
          sent: 0,
          retried: 0,
          failed: 0,
        },
      );
      await sendDueDeliveries(db, senders, { now: new Date(row.notBefore.getTime() + 1000) });
      row = await db.delivery.findUniqueOrThrow({ where: { id } });
      expect(row.attempts).toBe(attempt);
    }
    expect(row).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });
    expect(row.lastError).toContain("550");
    expect(row.sentAt).toBeNull();
    expect(received).toHaveLength(0);
  });

  it("whose server cannot be reached waits and goes once the server is back", async () => {
    const [delivery] = await stalled(other.id, refs[1] as ItemRef);
    const closed = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], logger: false });
    const closedPort = await new Promise<number>((resolve) =>
      closed.listen(0, "127.0.0.1", () => resolve((closed.server.address() as AddressInfo).port)),
    );
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${closedPort}`;
    expect(await sendDueDeliveries(db, senders)).toMatchObject({ retried: 1 });
    const row = await db.delivery.findUniqueOrThrow({ where: { id: delivery?.id } });
    expect(row).toMatchObject({ state: "queued", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);

    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    expect(
      await sendDueDeliveries(db, senders, { now: new Date(row.notBefore.getTime() + 1000) }),
    ).toMatchObject({ sent: 1 });
    expect(received.map((mail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : ""))).toEqual([
      expect.stringContaining(other.email),
    ]);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: delivery?.id } })).toMatchObject({
      state: "sent",
      attempts: 2,
      lastError: null,
    });
  });

  it("of a person who takes the daily digest waits for its hour and goes as one e-mail with them all", async () => {
    await db.notificationPreference.create({
      data: { userId: other.id, group: "changes", email: true, daily: true },
    });
    const now = new Date();
    const first = await stalled(other.id, refs[0] as ItemRef, now);
    const second = await stalled(other.id, refs[1] as ItemRef, now);
    const rows = [...first, ...second];
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.digest && row.notBefore > now)).toBe(true);

    expect(await sendDueDeliveries(db, senders, { now })).toEqual({ sent: 0, retried: 0, failed: 0 });
    const hour = new Date(Math.max(...rows.map((row) => row.notBefore.getTime())) + 1000);
    expect(await sendDueDeliveries(db, senders, { now: hour })).toMatchObject({ sent: 2, retried: 0 });
    expect(received).toHaveLength(1);
    const mail = received[0] as ParsedMail;
    expect(mail.subject).toBe("【建议落实追踪】今日通知汇总（2 条）");
    for (const item of refs) {
      expect(mail.text).toContain(itemUrl(item));
      expect(html(mail)).toContain(`href="${itemUrl(item)}"`);
    }
    expect(await db.delivery.count({ where: { id: { in: rows.map((row) => row.id) }, state: "sent" } })).toBe(
      2,
    );
  });
});

describe("sending a failed delivery again", () => {
  let admin: CheckedAdmin;
  beforeAll(async () => {
    request.headers = new Headers({ cookie: await sessionCookie("admin@tracker.example") });
    admin = await requireAdmin("zh-CN", "/zh-CN/admin/deliveries");
  });

  it("queues it for now with its attempts reset, audited, and it is sent", async () => {
    const failed = await db.delivery.findFirstOrThrow({ where: { state: "failed" } });
    const log = await readDeliveryLog(admin, { state: "failed", page: 1 }, "zh-CN");
    expect(log.entries.map((entry) => entry.id)).toContain(failed.id);
    expect(log.entries.find((entry) => entry.id === failed.id)).toMatchObject({
      to: `${staff.name} <${staff.email}>`,
      about: { title: "状态改为受阻" },
    });

    const before = Date.now();
    expect(await callAction(() => retryDelivery({}, formOf({ deliveryId: failed.id })))).toEqual({
      returned: { notice: "deliveries.retried" },
    });
    const row = await db.delivery.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ state: "queued", attempts: 0, leaseUntil: null, leasedBy: null });
    expect(row.notBefore.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(row.notBefore.getTime()).toBeLessThanOrEqual(Date.now());
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "delivery.retry", entityId: failed.id },
    });
    expect(audit).toMatchObject({ entityType: "Delivery", actorId: admin.id });
    expect(audit.before).toMatchObject({ state: "failed", attempts: MAX_ATTEMPTS });

    // Only a failed one: the same again is refused, and changes nothing.
    expect(await retryDelivery({}, formOf({ deliveryId: failed.id }))).toEqual({
      formError: "deliveries.notFailed",
    });
    expect(await retryDelivery({}, formOf({ deliveryId: "no-such-delivery" }))).toEqual({
      formError: "validation.notFound",
    });
    expect(await db.auditEvent.count({ where: { action: "delivery.retry" } })).toBe(1);

    expect(await sendDueDeliveries(db, senders)).toMatchObject({ sent: 1 });
    expect(received).toHaveLength(1);
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      state: "sent",
      attempts: 1,
    });
  });

  it("is for admins only", async () => {
    const failed = await db.delivery.create({
      data: {
        dedupeKey: `test-email:refused:${Date.now()}`,
        notificationId: (await db.notification.findFirstOrThrow()).id,
        channel: "email",
        userId: staff.id,
        state: "failed",
        attempts: MAX_ATTEMPTS,
        notBefore: new Date(),
        lastError: "550",
      },
    });
    // Signed in as the app is configured by default (an https BETTER_AUTH_URL names its cookie otherwise).
    delete process.env.BETTER_AUTH_URL;
    request.headers = new Headers({ cookie: await sessionCookie("staff.jxw@tracker.example") });
    expect(await retryDelivery({}, formOf({ deliveryId: failed.id }))).toEqual({
      formError: "validation.forbidden",
    });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: failed.id } })).toMatchObject({
      state: "failed",
      attempts: MAX_ATTEMPTS,
    });
  });
});

function formOf(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}
