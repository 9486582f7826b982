// The calendar feed: made and revoked through the user's server actions, fetched from the route
// handler as a calendar app fetches it, and read back with an iCalendar parser. Whose deadlines it
// holds is checked against loadDeadlines, the one reading of the deadlines.
import ical, { type VEvent } from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/calendar/[token]/route";
import { createAuth } from "@/lib/auth/config";
import { type CalendarFeedFormState, createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/actions";
import { deadlineUid } from "@/lib/calendar/feed";
import { generateCalendarToken, hashCalendarToken } from "@/lib/calendar/token";
import { db } from "@/lib/db";
import { type Deadline, loadDeadlines } from "@/lib/notifications/deadlines";
import { appBaseUrl } from "@/lib/notifications/links";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);

const EMAILS = {
  staff: "staff.jxw@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
} as const;
type Person = keyof typeof EMAILS;
const cookies: Partial<Record<Person, string>> = {};

beforeAll(async () => {
  await seedSampleData(db);
  for (const [person, email] of Object.entries(EMAILS)) {
    const { headers } = await auth.api.signInEmail({
      body: { email, password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    cookies[person as Person] = headers.get("set-cookie")?.split(";")[0];
  }
});

const userOf = (person: Person) => db.user.findUniqueOrThrow({ where: { email: EMAILS[person] } });

/** Makes the person's feed through the page's action; its token, from the URL shown once. */
async function createFeed(person: Person): Promise<string> {
  request.headers = new Headers({ cookie: cookies[person] ?? "" });
  const outcome = await callAction(() => createCalendarFeed({}, new FormData()));
  const url = "returned" in outcome ? (outcome.returned as CalendarFeedFormState).url : undefined;
  if (!url) throw new Error(JSON.stringify(outcome));
  const match = /\/api\/calendar\/([^/]+)\.ics$/.exec(url);
  expect(url.startsWith(`${appBaseUrl()}/api/calendar/`)).toBe(true);
  return match?.[1] ?? "";
}

async function fetchFeed(segment: string): Promise<Response> {
  // No cookie: a calendar app has no session, the URL is all it has.
  return GET(new Request(`http://127.0.0.1/api/calendar/${segment}`), {
    params: Promise.resolve({ token: segment }),
  });
}

async function eventsOf(token: string): Promise<VEvent[]> {
  const response = await fetchFeed(`${token}.ics`);
  expect(response.status).toBe(200);
  const parsed = ical.sync.parseICS(await response.text());
  return Object.values(parsed).filter((entry): entry is VEvent => entry?.type === "VEVENT");
}

/** The day node-ical read from a DATE value (a local midnight; the tests run in UTC). */
const dayOf = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

function expectExactly(events: VEvent[], expected: Deadline[]) {
  const uids = expected.map(deadlineUid);
  expect(new Set(uids).size).toBe(uids.length);
  expect(events.map((event) => event.uid).sort()).toEqual([...uids].sort());
  const byUid = new Map(expected.map((deadline) => [deadlineUid(deadline), deadline]));
  for (const event of events) {
    const deadline = byUid.get(event.uid);
    expect(event.datetype).toBe("date");
    expect(dayOf(event.start)).toBe(deadline?.dueDay);
  }
}

const handledBy = (agencyId: string) => (deadline: Deadline) =>
  deadline.item.leadAgencyId === agencyId || deadline.item.coHandlerAgencyIds.includes(agencyId);

describe("a staff member's feed", () => {
  it("holds exactly the deadlines of the items their agency leads or co-handles", async () => {
    const staff = await userOf("staff");
    const token = await createFeed("staff");
    const response = await fetchFeed(`${token}.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain("X-WR-CALNAME:建议落实追踪 · 办理期限");
    expect(text).toContain("X-WR-TIMEZONE:Asia/Shanghai");
    expect(text).toMatch(/DTSTART;VALUE=DATE:\d{8}/);

    const scoped = await loadDeadlines(db, { agencyIds: [staff.agencyId ?? ""] });
    const expected = scoped.filter(handledBy(staff.agencyId ?? ""));
    expect(expected.length).toBeGreaterThan(0);
    const events = await eventsOf(token);
    expectExactly(events, expected);
    // Every kind the agency has is named in Chinese, with the item's codes, and links to the item.
    const kinds = new Set(expected.map((deadline) => deadline.kind));
    expect(kinds.size).toBeGreaterThan(1);
    const names = {
      acknowledge: "签收期限",
      reply: "答复期限",
      views: "会办意见期限",
      rehandling: "重新办理答复期限",
      item: "完成时限",
    };
    for (const event of events) {
      const deadline = expected.find((d) => deadlineUid(d) === event.uid) as Deadline;
      expect(String(event.summary)).toBe(
        `${names[deadline.kind]} · ${[deadline.item.proposalCode, deadline.item.recommendationCode, deadline.item.actionCode].filter(Boolean).join(" · ")} ${deadline.item.titleZh}`,
      );
      expect(String(event.description)).toContain(
        `${appBaseUrl()}/zh-CN/proposals/${encodeURIComponent(deadline.item.proposalCode)}/`,
      );
      expect(event.alarms?.length).toBe(1);
    }
  });

  it("keeps the same UIDs from one fetch to the next", async () => {
    const token = await createFeed("staff");
    const first = (await eventsOf(token)).map((event) => event.uid);
    const second = (await eventsOf(token)).map((event) => event.uid);
    expect(second).toEqual(first);
  });
});

describe("an admin's feed", () => {
  it("holds every reply, views and rehandling deadline, and the items the admin follows", async () => {
    const admin = await userOf("admin");
    const all = await loadDeadlines(db);
    const itemDeadline = all.find((d) => d.kind === "item" && d.item.itemType === "action");
    if (!itemDeadline) throw new Error("The sample has an action with a due date");
    const token = await createFeed("admin");
    expectExactly(
      await eventsOf(token),
      all.filter((d) => d.kind !== "item"),
    );

    await db.follow.create({
      data: { userId: admin.id, itemType: "action", itemId: itemDeadline.item.itemId },
    });
    expectExactly(
      await eventsOf(token),
      all.filter((d) => d.kind !== "item" || d.item.itemId === itemDeadline.item.itemId),
    );
  });
});

describe("an official's feed", () => {
  it("holds the deadlines of what they follow: a proposal covers its recommendations and actions", async () => {
    const official = await userOf("official");
    const token = await createFeed("official");
    expect(await eventsOf(token)).toEqual([]);

    const all = await loadDeadlines(db);
    const action = all.find((d) => d.item.itemType === "action");
    if (!action) throw new Error("The sample has an action with a deadline");
    await db.follow.create({
      data: { userId: official.id, itemType: "recommendation", itemId: action.item.recommendationId },
    });
    const ofRecommendation = all.filter((d) => d.item.recommendationId === action.item.recommendationId);
    expect(ofRecommendation.some((d) => d.item.itemType === "action")).toBe(true);
    expectExactly(await eventsOf(token), ofRecommendation);

    await db.follow.create({
      data: { userId: official.id, itemType: "proposal", itemId: action.item.proposalId },
    });
    const ofProposal = all.filter((d) => d.item.proposalId === action.item.proposalId);
    expect(ofProposal.length).toBeGreaterThan(ofRecommendation.length);
    expectExactly(await eventsOf(token), ofProposal);
  });
});

describe("tokens", () => {
  it("answers a revoked, a random, a malformed token and one without .ics with the same plain 404", async () => {
    const token = await createFeed("official");
    request.headers = new Headers({ cookie: cookies.official ?? "" });
    expect(await callAction(() => revokeCalendarFeed({}, new FormData()))).toEqual({
      returned: { notice: "calendar.revoked" },
    });
    expect(await callAction(() => revokeCalendarFeed({}, new FormData()))).toEqual({
      returned: { formError: "calendar.noFeed" },
    });
    const answers = await Promise.all(
      [`${token}.ics`, `${generateCalendarToken().token}.ics`, "x.ics", token, "%00.ics"].map(fetchFeed),
    );
    for (const response of answers) {
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.text()).toBe("Not found\n");
    }
  });

  it("keeps one feed a person: creating a second revokes the first, both audited", async () => {
    const staff = await userOf("staff");
    const first = await createFeed("staff");
    const second = await createFeed("staff");
    expect((await fetchFeed(`${first}.ics`)).status).toBe(404);
    expect((await fetchFeed(`${second}.ics`)).status).toBe(200);
    expect(await db.calendarFeed.count({ where: { userId: staff.id, revokedAt: null } })).toBe(1);

    const [firstRow, secondRow] = await Promise.all(
      [first, second].map((token) =>
        db.calendarFeed.findUniqueOrThrow({ where: { tokenHash: hashCalendarToken(token) } }),
      ),
    );
    expect(firstRow?.revokedAt).not.toBeNull();
    const audit = await db.auditEvent.findMany({
      where: { entityType: "CalendarFeed", entityId: { in: [firstRow?.id ?? "", secondRow?.id ?? ""] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((event) => `${event.action} ${event.entityId}`).sort()).toEqual(
      [
        `calendarFeed.create ${firstRow?.id}`,
        `calendarFeed.revoke ${firstRow?.id}`,
        `calendarFeed.create ${secondRow?.id}`,
      ].sort(),
    );
    // Only the hash is kept, and never audited.
    expect(JSON.stringify(audit)).not.toContain(second);
    expect(JSON.stringify(audit)).not.toContain(secondRow?.tokenHash);
    expect(JSON.stringify(secondRow)).not.toContain(second);
  });

  it("stops working when its owner is deactivated", async () => {
    const staff = await userOf("staff");
    const token = await createFeed("staff");
    await db.user.update({ where: { id: staff.id }, data: { banned: true } });
    try {
      expect((await fetchFeed(`${token}.ics`)).status).toBe(404);
    } finally {
      await db.user.update({ where: { id: staff.id }, data: { banned: false } });
    }
    expect((await fetchFeed(`${token}.ics`)).status).toBe(200);
  });

  it("is refused to a signed-out caller", async () => {
    request.headers = new Headers();
    const before = await db.calendarFeed.count();
    expect(await callAction(() => createCalendarFeed({}, new FormData()))).toEqual({
      returned: { formError: "validation.signedOut" },
    });
    expect(await db.calendarFeed.count()).toBe(before);
  });
});
