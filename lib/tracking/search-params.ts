// Which items a view shows, and how: all of it in the URL so that a view can be shared and survives a
// reload. One definition serves the pages, which never fail on a bad value (it falls back to its
// default), and the read API, which answers a bad value with a 400.
import { z } from "zod";
import { shanghaiDate } from "../dates";
import { ItemStatus, ReplyClass } from "../db/enums";
import { HEALTH } from "./health";

export const ITEM_KINDS = ["recommendation", "action"] as const;
export const AGENCY_ROLES = ["any", "lead"] as const;
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
  "dueDate",
  "updatedAt",
] as const;

/** A calendar day, "YYYY-MM-DD", that exists. */
export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
  .refine((value) => {
    try {
      shanghaiDate(value);
      return true;
    } catch {
      return false;
    }
  }, "date");

/** A comma-separated list, e.g. status=stalled,in_progress. */
const csv = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) => value.split(",").filter(Boolean))
    .pipe(z.array(item));

const flag = z.enum(["0", "1"]).transform((value) => value === "1");
const id = z.string().trim().min(1).max(100);

/** The filters shared by the table, the dashboard and the API. */
export const itemFilterShape = {
  kind: z.enum(ITEM_KINDS).default("recommendation"),
  /** A proposal's code. */
  proposal: id.optional(),
  /** A recommendation's id: its actions, or itself. */
  recommendation: id.optional(),
  theme: id.optional(),
  agency: id.optional(),
  /** Whether `agency` must lead the item or may take any part in it. */
  agencyRole: z.enum(AGENCY_ROLES).default("any"),
  status: csv(z.enum(ItemStatus)).default([]),
  health: csv(z.enum(HEALTH)).default([]),
  overdue: flag.default(false),
  replyClass: z.enum(ReplyClass).optional(),
  /** Reply class and progress disagree (see reply-mismatch in item-sql.ts). */
  mismatch: flag.default(false),
  dueFrom: isoDay.optional(),
  dueTo: isoDay.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  /** Show the state on this past day, reconstructed from the history. */
  asOf: isoDay.optional(),
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
  hide: csv(z.enum(HIDEABLE_COLUMNS)).default([]),
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
      const parts = value.split(",").filter((part) => field.safeParse(part).success);
      if (parts.length) valid[key] = parts.join(",");
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

/** Only the filters of a state (what a chart link or an export carries over). */
export function pickFilters(params: Partial<ItemFilters>): Partial<ItemFilters> {
  return Object.fromEntries(
    Object.entries(params).filter(([key]) => key in itemFilterShape),
  ) as Partial<ItemFilters>;
}
