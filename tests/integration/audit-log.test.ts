// The audit log as an admin reads it: filtered and paged by the database, items named, values
// compared field by field, ids inside the values replaced by names.
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, auditLogFilters, changesOf, readAuditLog } from "@/lib/audit/log";
import { recordAudit } from "@/lib/audit/record";
import { type CheckedAdmin, requireAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { recordStatusUpdate } from "@/lib/status-updates/record";
import { seedSampleData } from "../../prisma/seed";
import { request } from "./support/request-context";
import { sessionCookie } from "./support/session";

let admin: CheckedAdmin;
let staffId: string;

beforeAll(async () => {
  await seedSampleData(db);
  request.headers = new Headers({ cookie: await sessionCookie("admin@tracker.example") });
  admin = await requireAdmin("zh-CN", "/zh-CN/admin/audit");
  const staff = await db.user.findUniqueOrThrow({
    where: { email: "staff.jxw@tracker.example" },
    select: { id: true, role: true, agencyId: true },
  });
  staffId = staff.id;
  const action = await db.action.findFirstOrThrow({ where: { code: "R4.2" } });
  const recorded = await recordStatusUpdate(
    db,
    staff,
    {
      itemType: "action",
      itemId: action.id,
      version: action.version,
      status: "in_progress",
      progress: action.progress === 91 ? 92 : 91,
      effectiveDate: "2026-11-28",
      evidenceIds: [],
      newEvidenceUrl: "https://example.org/audit-log",
      newEvidenceTitle: "日志中的佐证",
      newEvidenceKind: "news",
    },
    { source: "form" },
    new Date("2026-11-29T04:00:00Z"),
  );
  expect(recorded.kind).toBe("recorded");
});

const read = (query: Record<string, string> = {}) =>
  readAuditLog(admin, auditLogFilters.parse(query), "zh-CN");

describe("the audit log", () => {
  it("names each event's item and shows what changed, field by field", async () => {
    const log = await read({ who: staffId, action: "statusUpdate.record" });
    expect(log.entries).toHaveLength(1);
    const [entry] = log.entries;
    expect(entry?.subject).toEqual({
      label: "LLM-2024 R4.2",
      href: "/proposals/LLM-2024/R4#action-R4.2",
    });
    // Only what differs, and never the internal id of the history record.
    expect(entry?.changes.map((change) => change.field)).toEqual(["progress", "version"]);

    const evidence = (await read({ action: "evidence.create", who: staffId })).entries[0];
    expect(evidence?.subject?.label).toBe("日志中的佐证（LLM-2024 R4.2）");
    expect(evidence?.changes).toEqual(
      expect.arrayContaining([{ field: "isPublic", before: undefined, after: false }]),
    );
  });

  it("filters by item, as its code alone or after its proposal's, and by dates", async () => {
    const byCode = await read({ item: "R4.2" });
    const byFullCode = await read({ item: "LLM-2024 R4.2" });
    expect(byCode.total).toBeGreaterThan(0);
    expect(byFullCode.entries.map((entry) => entry.id)).toEqual(byCode.entries.map((entry) => entry.id));
    expect(new Set(byCode.entries.map((entry) => entry.subject?.label))).toEqual(new Set(["LLM-2024 R4.2"]));
    expect((await read({ item: "LLM-2024 R99" })).total).toBe(0);

    const all = await read();
    expect((await read({ from: "2000-01-01", to: "2000-01-31" })).total).toBe(0);
    expect((await read({ from: "2000-01-01" })).total).toBe(all.total);
    // Unreadable parameters are left out rather than failing the page.
    expect((await read({ from: "2026-13-45", action: "no.such", page: "-3" })).total).toBe(all.total);
  });

  it("pages on the server, newest first", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "official@tracker.example" } });
    for (let n = 0; n < AUDIT_PAGE_SIZE + 5; n++)
      await recordAudit(db, {
        actorId: user.id,
        action: "session.signIn",
        entityType: "User",
        entityId: user.id,
      });
    const first = await read({ who: user.id });
    expect(first.total).toBeGreaterThanOrEqual(AUDIT_PAGE_SIZE + 5);
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.pageCount).toBe(Math.ceil(first.total / AUDIT_PAGE_SIZE));
    const second = await read({ who: user.id, page: "2" });
    expect(second.entries.length).toBe(first.total - AUDIT_PAGE_SIZE);
    expect(second.entries[0]?.subject?.label).toMatch(/^.+（official@tracker\.example）$/);
    const times = [...first.entries, ...second.entries].map((entry) => entry.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // A page past the last is the last.
    expect((await read({ who: user.id, page: "99" })).page).toBe(2);
  });

  it("replaces agency ids and codes inside the values by the agencies' names", async () => {
    const agency = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
    const action = await db.action.findFirstOrThrow({ where: { code: "R4.2" } });
    await recordAudit(db, {
      actorId: staffId,
      action: "action.edit",
      entityType: "Action",
      entityId: action.id,
      before: { agencies: [], leadAgency: null },
      after: { agencies: [{ agencyId: agency.id, role: "lead" }], leadAgency: "SHEITC" },
    });
    const { names } = await read({ action: "action.edit", who: staffId });
    expect(names.agencies.get(agency.id)).toBe("市经济信息化委");
    expect(names.agencies.get("SHEITC")).toBe("市经济信息化委");
  });
});

describe("changesOf", () => {
  it("lists an edit's differing fields, and every field of a creation", () => {
    expect(changesOf({ a: 1, b: 2, statusUpdateId: "x" }, { a: 1, b: 3, statusUpdateId: "y" })).toEqual([
      { field: "b", before: 2, after: 3 },
    ]);
    expect(changesOf(null, { a: 1 })).toEqual([{ field: "a", before: undefined, after: 1 }]);
    expect(changesOf(null, null)).toEqual([]);
  });
});
