// Which items a view shows, and how: all of it in the URL so that a view can be shared and survives a
// reload. One definition serves the pages, which never fail on a bad value (it falls back to its
// default), and the read API, which answers a bad value with a 400.
import { z } from "zod";
import { CONTACT_FILTERS } from "../contacts/sql";
import { WARNING_LEVELS } from "../cycle/warning";
import { isIsoDate, toShanghaiDateString } from "../dates";
import { CycleStage, ItemStatus, ReplyClass } from "../db/enums";
import { plainText } from "../validation/fields";
import { HEALTH } from "./health";

export const ITEM_KINDS = ["recommendation", "action"] as const;
export const SORTABLE_COLUMNS = [
  "code",
  "title",
  "status",
  "progress",
  "health",
  "dueDate",
  "updatedAt",
] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const HIDEABLE_COLUMNS = [
  "health",
  "theme",
  "leadAgency",
  "replyClass",
  "stage",
  "warning",
  "priority",
  "consulted",
  "dueDate",
  "updatedAt",
] as const;

/** A calendar day, "YYYY-MM-DD", that exists (in the years lib/dates.ts knows). */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine(isIsoDate, "date");

/**
 * A list written "a,b,c" (status=stalled,in_progress); every item must be valid. Documented as an
 * array in the API's OpenAPI document.
 */
export function commaList<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean)
        : value,
    z.array(item),
  );
}

/** A day that is not in the future (Shanghai). */
export const pastDay = isoDay.refine((value) => value <= toShanghaiDateString(new Date()), "pastDate");

const flag = z.enum(["0", "1"]).transform((value) => value === "1");
const id = plainText().trim().min(1).max(100);

/** The filters shared by the table, the dashboard and the API. */
export const itemFilterShape = {
  kind: z
    .enum(ITEM_KINDS)
    .default("recommendation")
    .describe("Recommendations (建议条目) or their actions (举措)."),
  proposal: id.optional().describe("A proposal's code, e.g. LLM-2024."),
  recommendation: id.optional().describe("A recommendation's id: that recommendation, or its actions."),
  theme: id.optional().describe("A theme's id."),
  agency: id.optional().describe("An agency's id: items it handles, as lead or co-handler."),
  leadAgency: id.optional().describe("An agency's id: items it leads (主办)."),
  status: commaList(z.enum(ItemStatus)).default([]).describe("Statuses, comma-separated."),
  health: commaList(z.enum(HEALTH))
    .default([])
    .describe(
      "Health, comma-separated: actual ÷ expected progress from the start and due dates; on_track ≥ 95 %, behind 85–95 %, at_risk below 85 %, overdue past due and open, not_applicable without a schedule or not adopted.",
    ),
  overdue: flag.default(false).describe("1: only items past their due date and still open."),
  replyClass: z.enum(ReplyClass).optional().describe("The reply's class, A–D."),
  stage: commaList(z.enum(CycleStage))
    .default([])
    .describe(
      "Stages of the handling cycle (an action's: its recommendation's), comma-separated: unassigned, assigned (awaiting 签收), handling, drafting, cosigning, reviewing, submitted (awaiting the office), replied, evaluated, closed.",
    ),
  warning: commaList(z.enum(WARNING_LEVELS))
    .default([])
    .describe(
      "三色预警 (warning levels), comma-separated, from the nearest open deadline (the reply deadline until the reply is accepted, else the due date): red once more than the set number of days (default 0) past it, yellow from the set number of days (default 7) before it, blue before; items closed, completed, not adopted or without a deadline have none.",
    ),
  priority: flag.default(false).describe("1: only items the office marked 重点督办 (priority)."),
  mismatch: flag
    .default(false)
    .describe(
      "1: only items whose reply class and progress disagree (class A below 50 %, class C/D completed).",
    ),
  neglected: flag
    .default(false)
    .describe(
      "1: 重答复轻办理, items (an action's: its recommendation) replied as class A or B at least N months ago (the cycle setting neglectMonths, default 3) with no status update and no evidence since the reply.",
    ),
  rehandling: z
    .enum(["awaiting", "overdue"])
    .optional()
    .describe(
      "Re-handling (重新办理) after a dissatisfied feedback, not yet answered again: awaiting, within its month; overdue, past it.",
    ),
  views: z
    .enum(["awaiting", "overdue"])
    .optional()
    .describe(
      "Recommendations (an action's: its recommendation) with a co-handler's written view (协办意见) still owed: awaiting, within its month of the assignment; overdue, past it.",
    ),
  contact: z
    .enum(CONTACT_FILTERS)
    .optional()
    .describe(
      "面商 (沟通记录) of replied recommendations (an action's: its recommendation): before_reply, with a contact with the deputy on or before the reply's day; none, replied without one.",
    ),
  dueFrom: isoDay.optional().describe("Due on or after this day (YYYY-MM-DD)."),
  dueTo: isoDay.optional().describe("Due on or before this day (YYYY-MM-DD)."),
  q: plainText()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("Text in the code, titles, descriptions or evidence titles (substring, Chinese or English)."),
  asOf: pastDay
    .optional()
    .describe("Show the state at the end of this past day (YYYY-MM-DD), rebuilt from the history."),
};

export const itemFilters = z.object(itemFilterShape);
export type ItemFilters = z.infer<typeof itemFilters>;

/** What the table adds to the filters: paging, sorting and its look. */
export const trackingShape = {
  ...itemFilterShape,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce
    .number()
    .refine((value) => (PAGE_SIZES as readonly number[]).includes(value), "pageSize")
    .default(25),
  sort: z.enum(SORTABLE_COLUMNS).default("code"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  hide: commaList(z.enum(HIDEABLE_COLUMNS)).default([]),
  density: z.enum(["comfortable", "compact"]).default("comfortable"),
};

export const trackingParams = z.object(trackingShape);
export type TrackingParams = z.infer<typeof trackingParams>;

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * One value per key: repeated keys (a form's checkboxes send status=a&status=b) join into the comma
 * list that links use, and empty values count as absent.
 */
export function flattenSearchParams(searchParams: SearchParams | URLSearchParams): Record<string, string> {
  const flat: Record<string, string> = {};
  const entries =
    searchParams instanceof URLSearchParams
      ? [...new Set(searchParams.keys())].map((key) => [key, searchParams.getAll(key)] as const)
      : Object.entries(searchParams);
  for (const [key, value] of entries) {
    const joined = Array.isArray(value) ? value.filter(Boolean).join(",") : value;
    if (joined) flat[key] = joined;
  }
  return flat;
}

/**
 * Parses a page's searchParams, never failing: a bad value falls back to its default, and a list keeps
 * the entries that are valid.
 */
export function parseLeniently<Shape extends z.ZodRawShape>(
  shape: Shape,
  searchParams: SearchParams | URLSearchParams,
): z.infer<z.ZodObject<Shape>> {
  const valid: Record<string, string> = {};
  for (const [key, value] of Object.entries(flattenSearchParams(searchParams))) {
    const field = shape[key] as z.ZodType | undefined;
    if (!field) continue;
    if (field.safeParse(value).success) valid[key] = value;
    else {
      // A list keeps its valid entries; a single value (a repeated or mangled one) its first valid one.
      const parts = value.split(",").filter((part) => field.safeParse(part).success);
      const kept = [parts.join(","), parts[0]].find(
        (candidate) => candidate && field.safeParse(candidate).success,
      );
      if (kept) valid[key] = kept;
    }
  }
  return z.object(shape).parse(valid);
}

export function parseTrackingParams(searchParams: SearchParams | URLSearchParams): TrackingParams {
  return parseLeniently(trackingShape, searchParams);
}

/** The URL query of a state, leaving out what equals the default so that links stay short. */
export function trackingQuery(params: Partial<TrackingParams>): string {
  const defaults = trackingParams.parse({});
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    const fallback = defaults[key as keyof TrackingParams];
    if (value === undefined || value === "" || JSON.stringify(value) === JSON.stringify(fallback)) continue;
    if (Array.isArray(value)) {
      if (value.length) query.set(key, value.join(","));
    } else if (typeof value === "boolean") query.set(key, value ? "1" : "0");
    else query.set(key, String(value));
  }
  return query.toString();
}

/** Whether any filter narrows the items down (beyond their kind, the day and the period). */
export function hasItemFilters(filters: ItemFilters): boolean {
  const defaults = itemFilters.parse({});
  return Object.entries(filters).some(
    ([key, value]) =>
      key in itemFilterShape &&
      key !== "kind" &&
      key !== "asOf" &&
      JSON.stringify(value) !== JSON.stringify(defaults[key as keyof ItemFilters]),
  );
}

/** Only the filters of a state (what a chart link or an export carries over). */
export function pickFilters(params: Partial<ItemFilters>): Partial<ItemFilters> {
  return Object.fromEntries(
    Object.entries(params).filter(([key]) => key in itemFilterShape),
  ) as Partial<ItemFilters>;
}
