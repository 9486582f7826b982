// Notifications end to end on each database: each reminder rule fires on its day and not the day
// before, to exactly the people its audience names; a day run again writes nothing new; a change and
// its notifications commit or roll back together; the day's run and each delivery are taken by one
// of two database clients racing for them (as two app processes would); the inbox and its API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listNotifications } from "@/app/api/v1/notifications/route";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { sendDueDeliveries } from "@/lib/notifications/deliveries";
import { listInbox } from "@/lib/notifications/inbox";
import { loadItemRefs } from "@/lib/notifications/items";
import { notify } from "@/lib/notifications/notify";
import { runReminders, runScheduledDay } from "@/lib/notifications/scheduler";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { createAction, createAgency, createProposal, createRecommendation } from "./factories";

const people: Record<string, string> = {};
let lead: { id: string };
let coHandler: { id: string };
let other: { id: string };
let recommendationId: string;
let actionId: string;

async function person(key: string, role: "admin" | "staff" | "official", agencyId: string | null = null) {
  const user = await db.user.create({ data: { name: key, email: `${key}@notify.example`, role, agencyId } });
  people[key] = user.id;
  return user.id;
}

async function recipientsOf(rule: string, itemId: string | null = recommendationId) {
  const rows = await db.notificationRecipient.findMany({
    where: { notification: { rule, ...(itemId ? { itemId } : {}) } },
    select: { userId: true },
  });
  const names = new Map(Object.entries(people).map(([name, id]) => [id, name]));
  return rows.map((row) => names.get(row.userId) ?? row.userId).sort();
}

beforeAll(async () => {
  [lead, coHandler, other] = await Promise.all([createAgency(), createAgency(), createAgency()]);
  await person("admin", "admin");
  await person("official", "official");
  await person("leadStaff", "staff", lead.id);
  await person("coStaff", "staff", coHandler.id);
  await person("otherStaff", "staff", other.id);
  await person("follower", "official");
  const proposal = await createProposal();
  const recommendation = await createRecommendation(proposal.id, { code: "R1" });
  recommendationId = recommendation.id;
  // Assigned on 2026-09-10: the reply is due on 2026-12-10, co-handlers' views on 2026-10-10 (a
  // month from when each was given the item).
  const given = shanghaiDate("2026-09-10");
  await db.recommendationAgency.createMany({
    data: [
      { recommendationId, agencyId: lead.id, role: "lead", createdAt: given, acknowledgedAt: given },
      {
        recommendationId,
        agencyId: coHandler.id,
        role: "co_handler",
        createdAt: given,
        acknowledgedAt: given,
      },
    ],
  });
  await db.recommendation.update({
    where: { id: recommendationId },
    data: {
      assignedAt: shanghaiDate("2026-09-10"),
      replyDueAt: shanghaiDate("2026-12-10"),
      status: "in_progress",
    },
  });
  const action = await createAction(recommendationId, { code: "R1.1" });
  actionId = action.id;
  await db.action.update({
    where: { id: actionId },
    data: { dueDate: shanghaiDate("2026-12-31"), status: "in_progress" },
  });
  await db.follow.create({
    data: { userId: people.follower ?? "", itemType: "recommendation", itemId: recommendationId },
  });
});

describe("reminders", () => {
  it("warn of the reply 7 days before its deadline, not the day before, to the lead and co-handlers", async () => {
    expect((await runReminders(db, "2026-12-02")).written).toBe(0);
    expect(await recipientsOf("reply.due")).toEqual([]);
    await runReminders(db, "2026-12-03");
    expect(await recipientsOf("reply.due")).toEqual(["coStaff", "leadStaff"]);
  });

  it("recall an overdue reply on its first late day and then weekly, admins too", async () => {
    await runReminders(db, "2026-12-10");
    expect(await recipientsOf("reply.overdue")).toEqual([]);
    await runReminders(db, "2026-12-11");
    expect(await recipientsOf("reply.overdue")).toEqual(["admin", "coStaff", "leadStaff"]);
    await runReminders(db, "2026-12-12");
    expect(await recipientsOf("reply.overdue")).toHaveLength(3);
    await runReminders(db, "2026-12-18");
    expect(await recipientsOf("reply.overdue")).toHaveLength(6);
  });

  it("remind co-handlers of their overdue views, and an action's handlers of its due date", async () => {
    await runReminders(db, "2026-10-11");
    expect(await recipientsOf("views.overdue")).toEqual(["coStaff", "leadStaff"]);
    // The action has no agencies of its own: its recommendation's handle it.
    await runReminders(db, "2026-12-17");
    expect(await recipientsOf("item.due", actionId)).toEqual(["coStaff", "leadStaff"]);
  });

  it("write nothing new when a day runs again", async () => {
    const before = await db.notification.count();
    const again = await runReminders(db, "2026-12-17");
    expect(again.written).toBe(0);
    expect(await db.notification.count()).toBe(before);
  });

  it("say in a dry run what they would write, and write nothing", async () => {
    const before = await db.notificationRecipient.count();
    const { plan, written } = await runReminders(db, "2026-12-24", { dryRun: true });
    expect(written).toBe(0);
    expect(plan.events.map((e) => e.event.rule)).toContain("item.due");
    expect(await db.notificationRecipient.count()).toBe(before);
  });

  it("are run for a day by one of two processes racing for it", async () => {
    const second = createPrismaClient(process.env.DATABASE_URL);
    try {
      const now = new Date("2027-01-05T01:00:00Z");
      const results = await Promise.all([runScheduledDay(db, now), runScheduledDay(second, now)]);
      expect(results.filter((result) => result !== null)).toHaveLength(1);
      expect(await runScheduledDay(db, now)).toBeNull();
      expect(await db.schedulerRun.count({ where: { finishedAt: { not: null } } })).toBe(1);
    } finally {
      await second.$disconnect();
    }
  });
});

describe("changes", () => {
  it("tell of a stall in the update's transaction: handlers, admins and followers, not the actor", async () => {
    const action = await db.action.findUniqueOrThrow({ where: { id: actionId } });
    const actor = { id: people.leadStaff ?? "", role: "staff" as const, agencyId: lead.id };
    const result = await recordStatusUpdate(
      db,
      actor,
      {
        itemType: "action",
        itemId: actionId,
        version: action.version,
        status: "stalled",
        progress: 20,
        effectiveDate: "2026-12-01",
        comment: "等待算力",
        evidenceIds: [],
      },
      { source: "form" },
    );
    expect(result.kind).toBe("recorded");
    expect(await recipientsOf("status.stalled", actionId)).toEqual(["admin", "coStaff", "follower"]);
    // The follower is told once: by the stall, not again as "an item you follow changed".
    expect(await recipientsOf("followed.changed", actionId)).toEqual([]);
  });

  it("roll back with the change they tell of", async () => {
    const before = await db.notification.count();
    const [item] = [
      ...(await loadItemRefs(db, [{ itemType: "recommendation", itemId: recommendationId }])).values(),
    ];
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [
          { rule: "status.stalled", dedupeKey: "rolled-back", day: "2026-12-02", item: item ?? null },
        ]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.notification.count()).toBe(before);
  });
});

describe("deliveries", () => {
  it("are each sent by one of two processes racing for them", async () => {
    const [item] = [
      ...(await loadItemRefs(db, [{ itemType: "recommendation", itemId: recommendationId }])).values(),
    ];
    const webhook = await db.webhook.create({
      data: {
        name: "办公室群",
        platform: "wecom",
        url: "https://example.org/hook",
        createdById: people.admin ?? "",
      },
    });
    const events = Array.from({ length: 40 }, (_, n) => ({
      rule: "reply.overdue" as const,
      dedupeKey: `race-${n}`,
      day: "2026-12-20",
      item: item ?? null,
    }));
    await db.$transaction((tx) => notify(tx, events));
    const queued = await db.delivery.count({ where: { webhookId: webhook.id, state: "queued" } });
    expect(queued).toBe(40);
    const sent: string[] = [];
    const sender = async (batch: { deliveryIds: string[] }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      sent.push(...batch.deliveryIds);
    };
    const second = createPrismaClient(process.env.DATABASE_URL);
    try {
      const run = (client: typeof db) => sendDueDeliveries(client, { wecom: sender }, { limit: 10 });
      for (let round = 0; round < 4; round += 1) await Promise.all([run(db), run(second)]);
    } finally {
      await second.$disconnect();
    }
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
    expect(await db.delivery.count({ where: { webhookId: webhook.id, state: "sent" } })).toBe(40);
    await db.webhook.update({ where: { id: webhook.id }, data: { active: false } });
  });

  it("are not queued again by a process whose send outlasted its lease, once another sent them", async () => {
    const [item] = [
      ...(await loadItemRefs(db, [{ itemType: "recommendation", itemId: recommendationId }])).values(),
    ];
    const webhook = await db.webhook.create({
      data: {
        name: "慢群",
        platform: "wecom",
        url: "https://example.org/slow",
        createdById: people.admin ?? "",
      },
    });
    await db.$transaction((tx) =>
      notify(tx, [{ rule: "reply.overdue", dedupeKey: "outlasted", day: "2026-12-20", item: item ?? null }]),
    );
    let fail: (error: Error) => void = () => {};
    const stuck = new Promise<void>((_, reject) => {
      fail = reject;
    });
    const second = createPrismaClient(process.env.DATABASE_URL);
    try {
      // The first process's send hangs past its lease; the second takes the row over and sends it.
      const first = sendDueDeliveries(db, { wecom: () => stuck }, { leaseMs: 1 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await sendDueDeliveries(second, { wecom: async () => {} })).toMatchObject({ sent: 1 });
      // Then the first one's send fails: that must not queue again what was sent.
      fail(new Error("timed out"));
      await first;
    } finally {
      await second.$disconnect();
    }
    const row = await db.delivery.findFirstOrThrow({ where: { webhookId: webhook.id } });
    expect(row).toMatchObject({ state: "sent", attempts: 2, lastError: null });
    await db.webhook.update({ where: { id: webhook.id }, data: { active: false } });
  });
});

describe("the inbox", () => {
  it("lists unread first and pages in the database; the API answers the same", async () => {
    const userId = people.leadStaff ?? "";
    const first = await listInbox(userId, { page: 1, perPage: 2 });
    expect(first.total).toBeGreaterThan(2);
    const oldest = await db.notificationRecipient.findFirstOrThrow({
      where: { userId },
      orderBy: { createdAt: "asc" },
    });
    await db.notificationRecipient.updateMany({
      where: { userId, NOT: { notificationId: oldest.notificationId } },
      data: { readAt: new Date() },
    });
    const after = await listInbox(userId, { page: 1, perPage: 2 });
    expect(after.unread).toBe(1);
    expect(after.entries[0]?.id).toBe(oldest.notificationId);
    expect(after.entries[0]?.readAt).toBeNull();
    expect(after.entries[1]?.readAt).not.toBeNull();
    expect(after.pageCount).toBe(Math.ceil(after.total / 2));
  });

  it("is refused to a caller without credentials", async () => {
    const response = await listNotifications(new Request("http://127.0.0.1/api/v1/notifications"), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(401);
  });
});

afterAll(async () => {
  await db.$disconnect();
});
