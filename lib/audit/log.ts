import "server-only";
// The audit log as people read it: filtered and paged by the database, each event's item named
// ("LLM-2024 R4.2", an evidence title, an agency) and its before and after laid side by side, field by
// field, with the ids inside them (agencies, actions) replaced by names.
import { z } from "zod";
import type { CheckedAdmin } from "@/lib/auth/session";
import { mentionRefsIn } from "@/lib/comments/mentions";
import { DAY_MS, shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { agencyShortName, localized } from "@/lib/i18n/localized";
import { ALLOWED_HOSTS_SETTING } from "@/lib/link-checks/settings";
import { THRESHOLDS_SETTING } from "@/lib/notifications/scheduler";
import { isoDate } from "@/lib/validation/fields";
import { AUDIT_ACTIONS, type AuditEntityType } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/** The log's filters, from the page's search parameters; one that cannot be read is left out. */
export const auditLogFilters = z.object({
  who: z.preprocess(blankToUndefined, z.string().max(100).optional().catch(undefined)),
  action: z.preprocess(blankToUndefined, z.enum(AUDIT_ACTIONS).optional().catch(undefined)),
  /** An item: a recommendation's or action's code, alone or after its proposal's ("LLM-2024 R4.2"). */
  item: z.preprocess(blankToUndefined, z.string().trim().max(100).optional().catch(undefined)),
  from: z.preprocess(blankToUndefined, isoDate.optional().catch(undefined)),
  to: z.preprocess(blankToUndefined, isoDate.optional().catch(undefined)),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export type AuditLogFilters = z.infer<typeof auditLogFilters>;

/** A name for the thing an event is about, and its page in the app where it has one. */
export type AuditSubject = { label: string; href: string | null };

/** One field's value before and after, as stored ("" when the event has no such side). */
export type AuditChange = { field: string; before: unknown; after: unknown };

export type AuditLogEntry = {
  id: string;
  createdAt: Date;
  actor: { name: string; email: string } | null;
  action: string;
  entityType: string;
  subject: AuditSubject | null;
  changes: AuditChange[];
};

export type AuditLogPage = {
  entries: AuditLogEntry[];
  total: number;
  page: number;
  pageCount: number;
  /** Everyone who may appear as "who", for the filter. */
  people: { id: string; name: string; email: string }[];
  /** Agencies by id and by code, actions and people by id: the names that replace ids in the values. */
  names: { agencies: Map<string, string>; actions: Map<string, string>; users: Map<string, string> };
};

// Ids that mean nothing to a reader (the event's subject already names its item); the events still
// keep them. A rating's answers are keyed by question id: the rating itself shows them.
const HIDDEN_FIELDS = new Set([
  ...["id", "statusUpdateId", "commentId", "notificationId", "contactId", "supersedesId"],
  ...["owner", "links", "answers"],
]);

// The order fields are shown in: PostgreSQL's jsonb keeps no order of its own. Others follow, by name.
const FIELD_ORDER = [
  ...["code", "name", "email", "role", "agency", "titleZh", "titleEn", "title", "url", "kind"],
  ...["status", "progress", "weight", "startDate", "dueDate", "leadAgency", "coAgencies", "agencies"],
  ...["theme", "assignedAt", "replyDueAt", "replyExtensionReason", "repliedAt", "replyClass"],
  ...["satisfaction", "feedbackAt", "rehandlingRepliedAt", "followUpRepliedAt", "cause", "isPublic"],
  ...["withdrawnAt", "reason", "version"],
];
const rank = (field: string) => {
  const at = FIELD_ORDER.indexOf(field);
  return at === -1 ? FIELD_ORDER.length : at;
};

/** The events that match, newest first, one page of them, with their items named. */
export async function readAuditLog(
  _admin: CheckedAdmin,
  filters: AuditLogFilters,
  locale: string,
): Promise<AuditLogPage> {
  const where: Prisma.AuditEventWhereInput = {};
  if (filters.who) where.actorId = filters.who;
  if (filters.action) where.action = filters.action;
  if (filters.from || filters.to)
    where.createdAt = {
      ...(filters.from ? { gte: shanghaiDate(filters.from) } : {}),
      // The whole of the last day.
      ...(filters.to ? { lt: new Date(shanghaiDate(filters.to).getTime() + DAY_MS) } : {}),
    };
  if (filters.item) where.entityId = { in: await itemIds(filters.item) };

  const [total, people] = await Promise.all([
    db.auditEvent.count({ where }),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const events = await db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });

  const [subjects, names] = await Promise.all([nameSubjects(events, locale), nameIds(events, locale)]);
  return {
    entries: events.map((event) => ({
      id: event.id,
      createdAt: event.createdAt,
      actor: event.actor,
      action: event.action,
      entityType: event.entityType,
      subject: subjects.get(`${event.entityType}:${event.entityId}`) ?? null,
      changes: changesOf(event.before, event.after),
    })),
    total,
    page,
    pageCount,
    people,
    names,
  };
}

/**
 * What changed, field by field: for an edit, the fields whose values differ; for a creation or a
 * deletion, every field of its one side.
 */
export function changesOf(before: unknown, after: unknown): AuditChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  if (!from && !to) return [];
  const fields = [...new Set([...Object.keys(from ?? {}), ...Object.keys(to ?? {})])].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  return fields
    .filter((field) => !HIDDEN_FIELDS.has(field))
    .filter((field) => !from || !to || JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({
      field,
      before: from ? (from[field] ?? null) : undefined,
      after: to ? (to[field] ?? null) : undefined,
    }));
}

const asRecord = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** "title (where)", with the language's own brackets. */
const withNote = (locale: string, label: string, note: string) =>
  locale === "zh-CN" ? `${label}（${note}）` : `${label} (${note})`;

/** The recommendations and actions an item filter names ("R4.2", "LLM-2024 R4.2", "LLM-2024/R4"). */
async function itemIds(item: string): Promise<string[]> {
  const parts = item.split(/[\s/]+/).filter(Boolean);
  const code = parts.at(-1) ?? "";
  const proposal = parts.length > 1 ? { code: parts.slice(0, -1).join(" ") } : undefined;
  const [recommendations, actions] = await Promise.all([
    db.recommendation.findMany({ where: { code, ...(proposal ? { proposal } : {}) }, select: { id: true } }),
    db.action.findMany({
      where: { code, ...(proposal ? { recommendation: { proposal } } : {}) },
      select: { id: true },
    }),
  ]);
  return [...recommendations, ...actions].map((row) => row.id);
}

type EventRef = { entityType: string; entityId: string; before: unknown; after: unknown };

/** Each event's item, by "<type>:<id>", read a few queries for the whole page. */
async function nameSubjects(events: EventRef[], locale: string): Promise<Map<string, AuditSubject>> {
  const ids = (type: AuditEntityType) => [
    ...new Set(events.filter((event) => event.entityType === type).map((event) => event.entityId)),
  ];
  const itemSelect = {
    code: true,
    recommendation: { select: { code: true, proposal: { select: { code: true } } } },
  } as const;
  const [
    proposals,
    recommendations,
    actions,
    evidence,
    agencies,
    themes,
    users,
    levels,
    tokens,
    batches,
    deliveries,
    files,
  ] = await Promise.all([
    db.proposal.findMany({ where: { id: { in: ids("Proposal") } }, select: { id: true, code: true } }),
    db.recommendation.findMany({
      where: { id: { in: ids("Recommendation") } },
      select: { id: true, code: true, proposal: { select: { code: true } } },
    }),
    db.action.findMany({ where: { id: { in: ids("Action") } }, select: { id: true, ...itemSelect } }),
    db.evidence.findMany({
      where: { id: { in: ids("Evidence") } },
      select: {
        id: true,
        titleZh: true,
        titleEn: true,
        recommendation: { select: { code: true, proposal: { select: { code: true } } } },
        action: { select: itemSelect },
      },
    }),
    db.agency.findMany({ where: { id: { in: ids("Agency") } } }),
    db.theme.findMany({
      where: { id: { in: ids("Theme") } },
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true, email: true } }),
    db.satisfactionLevel.findMany({
      where: { id: { in: ids("SatisfactionLevel") } },
      select: { id: true, labelZh: true, labelEn: true },
    }),
    db.apiToken.findMany({
      where: { id: { in: ids("ApiToken") } },
      select: { id: true, name: true, prefix: true },
    }),
    db.importBatch.findMany({
      where: { id: { in: ids("ImportBatch") } },
      select: { id: true, fileName: true },
    }),
    db.delivery.findMany({
      where: { id: { in: ids("Delivery") } },
      select: {
        id: true,
        user: { select: { name: true, email: true } },
        webhook: { select: { name: true } },
      },
    }),
    db.storedFile.findMany({ where: { id: { in: ids("StoredFile") } }, select: { id: true, name: true } }),
  ]);
  const named = new Map<string, AuditSubject>();
  const set = (type: AuditEntityType, id: string, label: string, href: string | null = null) =>
    named.set(`${type}:${id}`, { label, href });
  const recommendationHref = (proposal: string, code: string) =>
    `/proposals/${encodeURIComponent(proposal)}/${encodeURIComponent(code)}`;
  for (const row of proposals)
    set("Proposal", row.id, row.code, `/proposals/${encodeURIComponent(row.code)}`);
  for (const row of recommendations)
    set(
      "Recommendation",
      row.id,
      `${row.proposal.code} ${row.code}`,
      recommendationHref(row.proposal.code, row.code),
    );
  for (const row of actions) {
    const { proposal, code } = row.recommendation;
    set(
      "Action",
      row.id,
      `${proposal.code} ${row.code}`,
      `${recommendationHref(proposal.code, code)}#action-${encodeURIComponent(row.code)}`,
    );
  }
  for (const row of evidence) {
    const rec = row.recommendation ?? row.action?.recommendation;
    const item = row.action ? row.action.code : row.recommendation?.code;
    const title = localized(locale, row.titleZh, row.titleEn);
    set(
      "Evidence",
      row.id,
      rec && item ? withNote(locale, title, `${rec.proposal.code} ${item}`) : title,
      rec ? recommendationHref(rec.proposal.code, rec.code) : null,
    );
  }
  for (const row of agencies) set("Agency", row.id, agencyShortName(locale, row));
  for (const row of themes) set("Theme", row.id, localized(locale, row.nameZh, row.nameEn));
  for (const row of users) set("User", row.id, withNote(locale, row.name, row.email));
  for (const row of levels) set("SatisfactionLevel", row.id, localized(locale, row.labelZh, row.labelEn));
  for (const row of tokens) set("ApiToken", row.id, withNote(locale, row.name, `${row.prefix}…`));
  for (const row of batches) set("ImportBatch", row.id, row.fileName);
  for (const row of files) set("StoredFile", row.id, row.name);
  for (const row of deliveries)
    set(
      "Delivery",
      row.id,
      row.user ? withNote(locale, row.user.name, row.user.email) : (row.webhook?.name ?? row.id),
      "/admin/deliveries",
    );
  // An app setting is named by its key; the reminder days are set on the notifications page.
  for (const key of ids("AppSetting"))
    set(
      "AppSetting",
      key,
      key,
      key === THRESHOLDS_SETTING
        ? "/admin/notifications"
        : key === ALLOWED_HOSTS_SETTING
          ? "/admin/link-checks"
          : null,
    );
  return named;
}

/** The agencies (by id and by code), actions and people (by id) the events' values mention, by name. */
async function nameIds(events: EventRef[], locale: string) {
  const mentioned = new Set<string>();
  const collect = (value: unknown) => {
    if (typeof value === "string") {
      mentioned.add(value);
      // A comment's @mentions, inside its text or as keys (lib/comments/mentions.ts).
      for (const ref of mentionRefsIn(value)) mentioned.add(ref.id);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  for (const event of events) {
    collect(event.before);
    collect(event.after);
  }
  const values = [...mentioned].filter((value) => value.length <= 100);
  const [agencies, actions, users] = await Promise.all([
    db.agency.findMany({
      where: { OR: [{ id: { in: values } }, { code: { in: values } }] },
    }),
    db.action.findMany({ where: { id: { in: values } }, select: { id: true, code: true } }),
    db.user.findMany({ where: { id: { in: values } }, select: { id: true, name: true } }),
  ]);
  const agencyNames = new Map<string, string>();
  for (const agency of agencies) {
    agencyNames.set(agency.id, agencyShortName(locale, agency));
    agencyNames.set(agency.code, agencyShortName(locale, agency));
  }
  return {
    agencies: agencyNames,
    actions: new Map(actions.map((action) => [action.id, action.code])),
    users: new Map(users.map((user) => [user.id, user.name])),
  };
}
