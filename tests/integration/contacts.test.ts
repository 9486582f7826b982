// 沟通记录 through the real server actions and the real database: staff record a contact, the recording
// agency corrects it (a new version; the old one kept), a deputy of the item's proposal confirms or
// disputes it (a dispute says why); who is refused, changing nothing; the records as the database keeps
// them (never changed or deleted); 面商率 on a small crafted proposal, today and as of a past day; and the
// table's contact= filter against a brute-force reading of the whole database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/config";
import { correctContact, recordContact, respondToContact } from "@/lib/contacts/actions";
import { contactCardOf } from "@/lib/contacts/queries";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  lead: "staff.jxw@tracker.example",
  coHandler: "staff.kw@tracker.example",
  outsider: "staff.sjj@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
  deputy: "deputy.wang@tracker.example",
  otherDeputy: "contacts.other.deputy@tracker.example",
} as const;
type Person = keyof typeof PEOPLE;
const cookies = {} as Record<Person, string>;

beforeAll(async () => {
  await seedSampleData(db);
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  const created = await createAuth(db).api.createUser({
    body: { email: PEOPLE.otherDeputy, name: "另一位代表", password: SAMPLE_PASSWORD, role: "official" },
  });
  await db.user.update({ where: { id: created.user.id }, data: { role: "deputy" } });
  // The other deputy authored a proposal of their own.
  await db.proposal.create({
    data: {
      code: "CT-OTHER",
      titleZh: "另一建议",
      authorZh: "另一位代表",
      congressSessionZh: "第十六届二次会议",
      submittedAt: shanghaiDate("2025-01-20"),
      summaryZh: "摘要",
      authorUserId: created.user.id,
    },
  });
  for (const [person, email] of Object.entries(PEOPLE))
    cookies[person as Person] = await sessionCookie(email);
}, 60_000);

afterAll(() => {
  request.headers = new Headers();
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function run(
  person: Person,
  action: (state: object, data: FormData) => Promise<unknown>,
  fields: Record<string, string>,
) {
  request.headers = new Headers({ cookie: cookies[person] });
  const outcome = await callAction(() => action({}, form(fields)));
  return "returned" in outcome ? outcome.returned : outcome;
}

async function userOf(person: Person) {
  const user = await db.user.findUniqueOrThrow({
    where: { email: PEOPLE[person] },
    include: { agency: true },
  });
  return { ...user, isReviewer: user.isReviewer, agency: user.agency };
}

let counter = 0;
/** A recommendation of the sample's proposal (王延峰's) led by SHEITC with STCSM co-handling, as R3. */
async function item(repliedOn: string | null = null, proposalCode = "LLM-2024") {
  const r3 = await db.recommendation.findFirstOrThrow({ where: { code: "R3" }, include: { agencies: true } });
  const proposal = await db.proposal.findUniqueOrThrow({ where: { code: proposalCode } });
  counter += 1;
  const rec = await db.recommendation.create({
    data: {
      proposalId: proposal.id,
      code: `RC${counter}`,
      sortOrder: 300 + counter,
      titleZh: `沟通测试 ${counter}`,
      descriptionZh: "测试",
      sourceQuote: "测试",
      stage: repliedOn ? "replied" : "handling",
      assignedAt: shanghaiDate("2026-09-01"),
      replyDueAt: shanghaiDate("2026-12-01"),
      repliedAt: repliedOn ? shanghaiDate(repliedOn) : null,
      replyClass: repliedOn ? "B" : null,
      agencies: {
        create: r3.agencies.map((a) => ({ agencyId: a.agencyId, role: a.role, acknowledgedAt: new Date() })),
      },
    },
  });
  return rec.id;
}

const CONTACT = {
  contactDate: "2026-11-20",
  method: "in_person",
  participants: "王延峰（示例）；市经济信息化委",
  summary: "当面听取意见。",
  links: "https://example.org/a\nhttp://example.org/b",
};

async function snapshot(recommendationId: string) {
  const [contacts, links, responses, audits] = await Promise.all([
    db.deputyContact.findMany({ where: { recommendationId }, orderBy: { id: "asc" } }),
    db.deputyContactLink.count({ where: { contact: { recommendationId } } }),
    db.deputyContactResponse.findMany({ where: { contact: { recommendationId } }, orderBy: { id: "asc" } }),
    db.auditEvent.count({ where: { entityId: recommendationId } }),
  ]);
  return { contacts, links, responses, audits };
}

async function refusedUnchanged(
  person: Person,
  action: (state: object, data: FormData) => Promise<unknown>,
  fields: Record<string, string>,
  recommendationId: string,
) {
  const before = await snapshot(recommendationId);
  const outcome = (await run(person, action, fields)) as { formError?: string; fieldErrors?: object };
  expect(outcome.formError ?? outcome.fieldErrors, JSON.stringify(outcome)).toBeTruthy();
  expect(await snapshot(recommendationId)).toEqual(before);
  return outcome;
}

describe("recording a contact", () => {
  it("is for the staff of the item's agencies and the office: kept with its links and audited", async () => {
    const id = await item();
    expect(await run("lead", recordContact, { recommendationId: id, ...CONTACT })).toEqual({
      notice: "contacts.recorded",
    });
    expect(
      await run("coHandler", recordContact, { recommendationId: id, ...CONTACT, method: "phone" }),
    ).toEqual({
      notice: "contacts.recorded",
    });
    expect(await run("office", recordContact, { recommendationId: id, ...CONTACT, method: "forum" })).toEqual(
      {
        notice: "contacts.recorded",
      },
    );
    const contacts = await db.deputyContact.findMany({
      where: { recommendationId: id },
      include: { links: { orderBy: { position: "asc" } }, agency: true },
      orderBy: { createdAt: "asc" },
    });
    expect(contacts.map((c) => [c.method, c.agency?.code ?? null])).toEqual([
      ["in_person", "SHEITC"],
      ["phone", "STCSM"],
      ["forum", null],
    ]);
    expect(contacts[0]?.links.map((l) => l.url)).toEqual(["https://example.org/a", "http://example.org/b"]);
    expect(toShanghaiDateString(contacts[0]?.contactDate ?? new Date())).toBe("2026-11-20");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "contact.record" } })).toBe(3);
    // The proposal's deputy is asked to confirm each, once; no other deputy hears of it.
    const asked = await db.notification.findMany({
      where: { rule: "contact.recorded", itemId: id },
      include: { recipients: { include: { user: { select: { email: true } } } } },
    });
    expect(asked.map((n) => n.dedupeKey).sort()).toEqual(
      contacts.map((c) => `contact.recorded:${c.id}`).sort(),
    );
    for (const notification of asked)
      expect(notification.recipients.map((r) => r.user.email)).toEqual([PEOPLE.deputy]);
  });

  it("is refused to another agency's staff, officials and deputies, and for bad input, changing nothing", async () => {
    const id = await item();
    for (const person of ["outsider", "official", "deputy"] as const) {
      const outcome = await refusedUnchanged(person, recordContact, { recommendationId: id, ...CONTACT }, id);
      expect(outcome.formError).toBe("contacts.refused.party");
    }
    const tomorrow = toShanghaiDateString(new Date(Date.now() + 2 * 86_400_000));
    for (const bad of [
      { contactDate: tomorrow },
      { method: "letter" },
      { links: "javascript:alert(1)" },
      { links: "ftp://example.org/x" },
      { links: "https://user:pw@example.org/x" },
      { links: Array.from({ length: 11 }, (_, i) => `https://example.org/${i}`).join("\n") },
      { participants: "  " },
      { summary: "" },
    ]) {
      await refusedUnchanged("lead", recordContact, { recommendationId: id, ...CONTACT, ...bad }, id);
    }
  });
});

describe("correcting a record", () => {
  it("writes a new version superseding the old, kept and shown; only by the recording agency; once", async () => {
    const id = await item();
    await run("lead", recordContact, { recommendationId: id, ...CONTACT });
    const first = await db.deputyContact.findFirstOrThrow({ where: { recommendationId: id } });
    // The co-handler's staff may record on the item, but not correct the lead's record.
    const refused = await refusedUnchanged(
      "coHandler",
      correctContact,
      { recommendationId: id, contactId: first.id, ...CONTACT, correctionReason: "改" },
      id,
    );
    expect(refused.formError).toBe("contacts.refused.notRecorder");
    await refusedUnchanged(
      "outsider",
      correctContact,
      { recommendationId: id, contactId: first.id, ...CONTACT, correctionReason: "改" },
      id,
    );
    // A correction needs its reason.
    await refusedUnchanged(
      "lead",
      correctContact,
      { recommendationId: id, contactId: first.id, ...CONTACT, correctionReason: "" },
      id,
    );

    expect(
      await run("lead", correctContact, {
        recommendationId: id,
        contactId: first.id,
        ...CONTACT,
        contactDate: "2026-11-19",
        method: "visit",
        correctionReason: "实为走访，日期记错。",
      }),
    ).toEqual({ notice: "contacts.corrected" });
    const versions = await db.deputyContact.findMany({
      where: { recommendationId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(versions).toHaveLength(2);
    expect(versions[0]).toEqual(first); // the old version as it was
    expect(versions[1]?.supersedesId).toBe(first.id);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "contact.correct" } })).toBe(1);

    // The old version is no longer current: a second correction of it is stale.
    const stale = await refusedUnchanged(
      "lead",
      correctContact,
      { recommendationId: id, contactId: first.id, ...CONTACT, correctionReason: "再改" },
      id,
    );
    expect(stale.formError).toBe("contacts.refused.stale");

    const card = await contactCardOf(id, await userOf("official"));
    expect(card?.records.map((r) => [r.method, r.contactDate, r.earlier.map((e) => e.method)])).toEqual([
      ["visit", "2026-11-19", ["in_person"]],
    ]);
    expect(card?.records[0]?.correctionReason).toBe("实为走访，日期记错。");
  });

  it("is refused by the database itself: records, links and answers are never changed or deleted", async () => {
    const id = await item();
    await run("lead", recordContact, { recommendationId: id, ...CONTACT });
    const contact = await db.deputyContact.findFirstOrThrow({ where: { recommendationId: id } });
    await expect(
      db.deputyContact.update({ where: { id: contact.id }, data: { summary: "改" } }),
    ).rejects.toThrow();
    await expect(db.deputyContact.delete({ where: { id: contact.id } })).rejects.toThrow();
    await expect(db.deputyContactLink.deleteMany({ where: { contactId: contact.id } })).rejects.toThrow();
    await expect(
      db.deputyContactLink.create({ data: { contactId: contact.id, position: 9, url: "javascript:x" } }),
    ).rejects.toThrow();
    const other = await item();
    // A correction supersedes a record of its own item, with a reason.
    await expect(
      db.deputyContact.create({
        data: {
          ...CONTACT_ROW(other, contact.recordedById),
          supersedesId: contact.id,
          correctionReason: "跨条目",
        },
      }),
    ).rejects.toThrow();
    await expect(
      db.deputyContact.create({
        data: { ...CONTACT_ROW(id, contact.recordedById), supersedesId: contact.id },
      }),
    ).rejects.toThrow();
    const deputy = await userOf("deputy");
    await expect(
      db.deputyContactResponse.create({
        data: { contactId: contact.id, userId: deputy.id, decision: "disputed" },
      }),
    ).rejects.toThrow();
    const response = await db.deputyContactResponse.create({
      data: { contactId: contact.id, userId: deputy.id, decision: "confirmed" },
    });
    await expect(
      db.deputyContactResponse.update({
        where: { id: response.id },
        data: { decision: "disputed", comment: "x" },
      }),
    ).rejects.toThrow();
    await expect(db.deputyContactResponse.delete({ where: { id: response.id } })).rejects.toThrow();
  });
});

const CONTACT_ROW = (recommendationId: string, recordedById: string) => ({
  recommendationId,
  contactDate: shanghaiDate("2026-11-20"),
  method: "phone" as const,
  participants: "代表",
  summary: "电话",
  recordedById,
});

describe("the deputy's answer", () => {
  it("confirms or disputes (with a comment) each current record, once; shown to everyone who reads the item", async () => {
    const id = await item();
    await run("lead", recordContact, { recommendationId: id, ...CONTACT });
    await run("lead", recordContact, {
      recommendationId: id,
      ...CONTACT,
      contactDate: "2026-11-21",
      method: "phone",
    });
    const [a, b] = await db.deputyContact.findMany({
      where: { recommendationId: id },
      orderBy: { contactDate: "asc" },
    });
    if (!a || !b) throw new Error("two records");

    expect(
      await run("deputy", respondToContact, { recommendationId: id, contactId: a.id, decision: "confirmed" }),
    ).toEqual({
      notice: "contacts.confirmed",
    });
    const noComment = await refusedUnchanged(
      "deputy",
      respondToContact,
      { recommendationId: id, contactId: b.id, decision: "disputed", comment: "  " },
      id,
    );
    expect(noComment.fieldErrors).toEqual({ comment: ["contacts.disputeNeedsComment"] });
    expect(
      await run("deputy", respondToContact, {
        recommendationId: id,
        contactId: b.id,
        decision: "disputed",
        comment: "当天没有通话。",
      }),
    ).toEqual({ notice: "contacts.disputed" });
    // Whoever recorded it is told of the dispute, with the deputy's reason; a confirmation tells no one.
    const disputes = await db.notification.findMany({
      where: { rule: "contact.disputed", itemId: id },
      include: { recipients: { include: { user: { select: { email: true } } } } },
    });
    expect(disputes.map((n) => [n.recipients.map((r) => r.user.email), n.payload])).toEqual([
      [[PEOPLE.lead], expect.objectContaining({ comment: "当天没有通话。" })],
    ]);
    const twice = await refusedUnchanged(
      "deputy",
      respondToContact,
      { recommendationId: id, contactId: b.id, decision: "confirmed" },
      id,
    );
    expect(twice.formError).toBe("contacts.refused.answered");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "contact.dispute" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: id, action: "contact.confirm" } })).toBe(1);

    for (const reader of ["official", "outsider", "deputy"] as const) {
      const card = await contactCardOf(id, await userOf(reader));
      expect(card?.records.map((r) => [r.contactDate, r.state])).toEqual([
        ["2026-11-21", "disputed"],
        ["2026-11-20", "confirmed"],
      ]);
      expect(card?.records[0]?.responses.map((r) => r.comment)).toEqual(["当天没有通话。"]);
    }
    // The other proposal's deputy reads nothing of it.
    expect(await contactCardOf(id, await userOf("otherDeputy"))).toBeNull();
  });

  it("is refused to a deputy of another proposal, to staff and the office, and on a superseded record", async () => {
    const id = await item();
    await run("lead", recordContact, { recommendationId: id, ...CONTACT });
    const contact = await db.deputyContact.findFirstOrThrow({ where: { recommendationId: id } });
    for (const person of ["otherDeputy", "lead", "office", "admin", "official"] as const) {
      const outcome = await refusedUnchanged(
        person,
        respondToContact,
        { recommendationId: id, contactId: contact.id, decision: "confirmed" },
        id,
      );
      expect(outcome.formError).toBe("contacts.refused.deputy");
    }
    await run("lead", correctContact, {
      recommendationId: id,
      contactId: contact.id,
      ...CONTACT,
      correctionReason: "补充",
    });
    const stale = await refusedUnchanged(
      "deputy",
      respondToContact,
      { recommendationId: id, contactId: contact.id, decision: "confirmed" },
      id,
    );
    expect(stale.formError).toBe("contacts.refused.stale");
    // A contact id of another item is not found through this one.
    const other = await item();
    const wrong = await refusedUnchanged(
      "deputy",
      respondToContact,
      { recommendationId: other, contactId: contact.id, decision: "confirmed" },
      other,
    );
    expect(wrong.formError).toBe("contacts.refused.notFound");
  });
});

describe("面商率 and the table's contact filter", () => {
  it("counts the replied recommendations consulted on or before their reply, today and as of a past day", async () => {
    const proposal = await db.proposal.create({
      data: {
        code: "CT-RATE",
        titleZh: "面商率测试",
        authorZh: "测试",
        congressSessionZh: "第十六届二次会议",
        submittedAt: shanghaiDate("2026-08-01"),
        summaryZh: "摘要",
      },
    });
    const lead = await userOf("lead");
    const add = async (repliedOn: string | null, contacts: string[]) => {
      const id = await item(repliedOn, proposal.code);
      for (const day of contacts)
        await db.deputyContact.create({
          data: { ...CONTACT_ROW(id, lead.id), agencyId: lead.agencyId, contactDate: shanghaiDate(day) },
        });
      return id;
    };
    await add("2026-10-10", ["2026-10-10"]); // consulted on the reply's day: counts
    await add("2026-10-12", ["2026-10-13"]); // consulted after the reply only: does not
    await add("2026-10-05", []); // never consulted
    await add(null, ["2026-10-01"]); // not replied: counted in neither
    await add("2026-11-05", ["2026-10-20"]); // replied after the as-of day below
    // Consulted before the reply, but corrected to a day after it: the current version counts.
    const corrected = await add("2026-10-08", ["2026-10-01"]);
    const old = await db.deputyContact.findFirstOrThrow({ where: { recommendationId: corrected } });
    await db.deputyContact.create({
      data: {
        ...CONTACT_ROW(corrected, lead.id),
        contactDate: shanghaiDate("2026-10-09"),
        supersedesId: old.id,
        correctionReason: "日期记错",
      },
    });

    const rate = async (query: Record<string, string>) =>
      (await getDashboard(db, parseDashboardParams({ proposal: proposal.code, ...query }))).cycle
        .consultation;
    expect(await rate({})).toEqual({ consulted: 2, replied: 5 });
    expect(await rate({ asOf: "2026-10-15" })).toEqual({ consulted: 1, replied: 4 });
    expect(await rate({ asOf: "2026-10-09" })).toEqual({ consulted: 0, replied: 2 });

    // The table shows the same items behind the rate.
    const rows = async (query: Record<string, string>) =>
      (await getTrackingPage(db, parseTrackingParams({ proposal: proposal.code, perPage: "100", ...query })))
        .total;
    expect(await rows({ contact: "before_reply" })).toBe(2);
    expect(await rows({ contact: "none" })).toBe(3);
    expect(await rows({ contact: "before_reply", asOf: "2026-10-15" })).toBe(1);
    expect(await rows({ contact: "none", asOf: "2026-10-15" })).toBe(3);
    // The table's column says the same of each row: consulted, not, or not replied (null).
    const column = async (query: Record<string, string>) =>
      (
        await getTrackingPage(db, parseTrackingParams({ proposal: proposal.code, perPage: "100", ...query }))
      ).rows
        .map((row) => row.consulted)
        .sort();
    expect(await column({})).toEqual([false, false, false, null, true, true]);
    expect(await column({ asOf: "2026-10-15" })).toEqual([false, false, false, null, null, true]);
  });

  it("the table's filter agrees with a brute-force reading of every recommendation", async () => {
    const [recommendations, contacts] = await Promise.all([
      db.recommendation.findMany({
        where: { archivedAt: null },
        select: { id: true, repliedAt: true },
      }),
      db.deputyContact.findMany({
        select: { id: true, recommendationId: true, contactDate: true, supersedesId: true },
      }),
    ]);
    const superseded = new Set(contacts.map((c) => c.supersedesId).filter(Boolean));
    const consulted = (rec: { id: string; repliedAt: Date | null }) =>
      contacts.some(
        (c) =>
          c.recommendationId === rec.id &&
          !superseded.has(c.id) &&
          rec.repliedAt !== null &&
          toShanghaiDateString(c.contactDate) <= toShanghaiDateString(rec.repliedAt),
      );
    const replied = recommendations.filter((rec) => rec.repliedAt !== null);
    const expected = {
      before_reply: replied
        .filter(consulted)
        .map((r) => r.id)
        .sort(),
      none: replied
        .filter((r) => !consulted(r))
        .map((r) => r.id)
        .sort(),
    };
    expect(expected.before_reply.length).toBeGreaterThan(2);
    expect(expected.none.length).toBeGreaterThan(2);
    for (const contact of ["before_reply", "none"] as const) {
      const page = await getTrackingPage(db, parseTrackingParams({ contact, perPage: "100" }));
      expect(page.rows.map((row) => row.id).sort()).toEqual(expected[contact]);
    }
    // The sample's own 面商率: R3 (面商, confirmed) and R4 (电话) of its eight replies.
    const sample = (
      await getDashboard(db, parseDashboardParams({ proposal: "LLM-2024", asOf: "2024-12-31" }))
    ).cycle.consultation;
    expect(sample).toEqual({ consulted: 2, replied: 8 });
  });
});
