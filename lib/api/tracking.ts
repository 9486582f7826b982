// GET /api/v1/recommendations (the tracking table's rows: same filters, sorting and paging) and
// GET /api/v1/summary (the dashboard's figures), from the same queries the pages use.
import "server-only";
import { z } from "zod";
import { WARNING_LEVELS } from "@/lib/cycle/warning";
import { dashboardShape } from "@/lib/dashboard/params";
import type { Dashboard } from "@/lib/dashboard/queries";
import { ItemStatus, ReplyClass, RollUpCause } from "@/lib/db/enums";
import { HEALTH } from "@/lib/tracking/health";
import type { TrackingPage } from "@/lib/tracking/queries";
import { itemFilterShape, SORTABLE_COLUMNS } from "@/lib/tracking/search-params";
import { namedSchema } from "./components";
import { apiDate, apiInstant, calendarDateSchema, instantSchema } from "./json";
import { defineApiRoute } from "./openapi";

const nullableText = z.string().nullable();
const status = z.enum(ItemStatus);
const health = z.enum(HEALTH);
const progress = z.number().min(0).max(100);
const named = z.object({ nameZh: z.string(), nameEn: nullableText });
const agency = named.extend({ shortNameZh: nullableText, shortNameEn: nullableText });

export const recommendationListQuery = z.object({
  ...itemFilterShape,
  page: z.coerce.number().int().min(1).max(100_000).default(1).describe("Page number, from 1."),
  perPage: z.coerce.number().int().min(1).max(100).default(50).describe("Items per page, 1–100."),
  sort: z.enum(SORTABLE_COLUMNS).default("code").describe("Column to sort by; ties by id."),
  dir: z.enum(["asc", "desc"]).default("asc"),
});

const trackedItemSchema = namedSchema(
  "TrackedItem",
  z
    .object({
      id: z.string(),
      kind: z.enum(["recommendation", "action"]),
      code: z.string(),
      proposalCode: z.string(),
      recommendationCode: z.string(),
      titleZh: z.string(),
      titleEn: nullableText,
      status,
      progress,
      health,
      startDate: calendarDateSchema.nullable(),
      dueDate: calendarDateSchema.nullable(),
      updatedAt: instantSchema
        .nullable()
        .describe("When it last changed; as of a past day, when its latest update then took effect."),
      replyClass: z.enum(ReplyClass).nullable(),
      warning: z
        .enum(WARNING_LEVELS)
        .nullable()
        .describe("三色预警 on the view's day (see the warning filter); null when the item has none."),
      priority: z.boolean().describe("Marked 重点督办 by the office (an action: its recommendation)."),
      consulted: z
        .boolean()
        .nullable()
        .describe(
          "面商: whether the deputy was contacted on or before the reply's day (see the contact filter); null when not replied.",
        ),
      theme: named.nullable(),
      leadAgency: agency.nullable(),
      path: z.string().describe("The item's page in the app, after the locale (/zh-CN or /en)."),
    })
    .describe(
      "A recommendation or action as the tracking table shows it; state and health on the view's day.",
    ),
);

export const recommendationListSchema = namedSchema(
  "TrackedItemPage",
  z.object({
    total: z.number().int().describe("Items matching the filters, on all pages."),
    page: z.number().int(),
    perPage: z.number().int(),
    pageCount: z.number().int(),
    day: calendarDateSchema.describe("The day the states and health describe: today, or asOf."),
    asOf: calendarDateSchema.nullable(),
    items: z.array(trackedItemSchema),
  }),
);

export const recommendationListRoute = defineApiRoute({
  path: "/api/v1/recommendations",
  operationId: "listRecommendations",
  summary: "Recommendations or actions, filtered, sorted and paged",
  description:
    "The tracking table's rows, with its filters (kind=action lists actions). Search finds substrings of Chinese or English text in codes, titles, descriptions and evidence titles. With asOf, status, progress and health are those at the end of that day, rebuilt from the history.",
  tags: ["tracking"],
  query: recommendationListQuery,
  response: recommendationListSchema,
  responseDescription: "One page of items and how many match.",
});

export function recommendationList(
  page: TrackingPage,
  params: { page: number; perPage: number },
): z.input<typeof recommendationListSchema> {
  return {
    total: page.total,
    page: params.page,
    perPage: params.perPage,
    pageCount: page.pageCount,
    day: apiDate(page.day),
    asOf: apiDate(page.asOf),
    items: page.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      code: row.code,
      proposalCode: row.proposalCode,
      recommendationCode: row.recommendationCode,
      titleZh: row.titleZh,
      titleEn: row.titleEn,
      status: row.status,
      progress: row.progress,
      health: row.health,
      startDate: apiDate(row.startDate),
      dueDate: apiDate(row.dueDate),
      updatedAt: apiInstant(row.updatedAt),
      replyClass: row.replyClass,
      warning: row.warning,
      priority: row.priority,
      consulted: row.consulted,
      theme: row.theme,
      leadAgency: row.leadAgency,
      path: row.href,
    })),
  };
}

export const summaryQuery = z.object(dashboardShape);

const countOf = <K extends z.ZodType>(key: string, value: K) =>
  z.object({ [key]: value, items: z.number().int() });
const listedItem = trackedItemSchema.pick({
  id: true,
  kind: true,
  code: true,
  titleZh: true,
  titleEn: true,
  status: true,
  progress: true,
  health: true,
  dueDate: true,
  leadAgency: true,
  path: true,
});
const groupFigures = {
  items: z.number().int(),
  completed: z.number().int(),
  averageProgress: progress,
};

export const summarySchema = namedSchema(
  "Summary",
  z.object({
    day: calendarDateSchema,
    asOf: calendarDateSchema.nullable(),
    kind: z.enum(["recommendation", "action"]),
    period: z.object({ from: calendarDateSchema, to: calendarDateSchema }),
    headline: z.object({
      items: z.number().int(),
      completed: z.number().int(),
      inProgress: z.number().int(),
      stalled: z.number().int(),
      notStarted: z.number().int(),
      notAdopted: z.number().int(),
      overdue: z.number().int(),
      averageProgress: progress,
    }),
    status: z.array(countOf("status", status)),
    health: z.array(countOf("health", health)),
    groupedBy: z
      .enum(["recommendation", "theme"])
      .describe("By recommendation within one proposal, else by theme."),
    groups: z.array(
      z.object({
        id: z.string().nullable(),
        code: z.string().nullable(),
        nameZh: z.string().nullable(),
        nameEn: nullableText,
        ...groupFigures,
      }),
    ),
    agencies: z.array(
      z.object({
        id: z.string().nullable(),
        agency: agency.nullable(),
        overdue: z.number().int(),
        ...groupFigures,
      }),
    ),
    replies: z.object({
      replied: z.number().int(),
      awaiting: z.number().int(),
      overdue: z.number().int(),
      unassigned: z.number().int(),
      classes: z.array(countOf("replyClass", z.enum(ReplyClass))),
      satisfaction: z.array(countOf("key", z.string())),
      mismatched: z.number().int(),
    }),
    timeline: z
      .array(
        z.object({
          month: z.string(),
          items: z.number().int(),
          completed: z.number().int(),
          averageProgress: progress,
        }),
      )
      .describe("At the end of each month of the period, rebuilt from the history."),
    overdue: z.array(listedItem).describe("The first overdue items by due date."),
    dueSoon: z.array(listedItem).describe("Open items due within 30 days."),
    changes: z
      .array(
        z.object({
          id: z.string(),
          itemCode: z.string(),
          titleZh: z.string(),
          titleEn: nullableText,
          statusBefore: status.nullable(),
          statusAfter: status,
          progressBefore: progress.nullable(),
          progressAfter: progress,
          effectiveDate: calendarDateSchema,
          recordedAt: instantSchema,
          author: z.string().nullable(),
          rollUpCause: z.enum(RollUpCause).nullable(),
        }),
      )
      .describe("The latest changes effective within the period."),
  }),
);

export const summaryRoute = defineApiRoute({
  path: "/api/v1/summary",
  operationId: "getSummary",
  summary: "The dashboard's figures",
  description:
    "Every figure of the dashboard for the same filters as the list, now or, with asOf, at the end of a past day (rebuilt from the history). from/to set the period of the timeline and the changes.",
  tags: ["tracking"],
  query: summaryQuery,
  response: summarySchema,
  responseDescription: "Headline figures, distributions, replies, timeline, lists and recent changes.",
});

export function summary(dashboard: Dashboard): z.input<typeof summarySchema> {
  const listed = (row: Dashboard["overdue"][number]) => ({
    id: row.id,
    kind: row.kind,
    code: row.code,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    status: row.status,
    progress: row.progress,
    health: row.health,
    dueDate: apiDate(row.dueDate),
    leadAgency: row.leadAgency,
    path: row.href,
  });
  return {
    day: apiDate(dashboard.day),
    asOf: apiDate(dashboard.asOf),
    kind: dashboard.kind,
    period: dashboard.period,
    headline: dashboard.headline,
    status: dashboard.status,
    health: dashboard.health,
    groupedBy: dashboard.groupedBy,
    groups: dashboard.groups.map((group) => ({
      id: group.id,
      code: group.code ?? null,
      nameZh: group.nameZh ?? null,
      nameEn: group.nameEn ?? null,
      items: group.items,
      completed: group.completed,
      averageProgress: group.averageProgress,
    })),
    agencies: dashboard.agencies,
    replies: dashboard.replies,
    timeline: dashboard.timeline,
    overdue: dashboard.overdue.map(listed),
    dueSoon: dashboard.dueSoon.map(listed),
    changes: dashboard.changes.map((change) => {
      const item = change.action ?? change.recommendation;
      return {
        id: change.id,
        itemCode: item?.code ?? "",
        titleZh: item?.titleZh ?? "",
        titleEn: item?.titleEn ?? null,
        statusBefore: change.statusBefore,
        statusAfter: change.statusAfter,
        progressBefore: change.progressBefore,
        progressAfter: change.progressAfter,
        effectiveDate: apiDate(change.effectiveDate),
        recordedAt: apiInstant(change.createdAt),
        author: change.author?.name ?? null,
        rollUpCause: change.rollUpCause,
      };
    }),
  };
}
