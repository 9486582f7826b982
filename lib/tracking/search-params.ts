// The tracking table's state, all of it in the URL so that a view can be shared and survives a reload.
// Parsing never fails: a bad value falls back to its default.
import { z } from "zod";
import { ItemStatus, ReplyClass } from "../db/enums";

export const SORTABLE_COLUMNS = ["code", "title", "status", "progress", "dueDate", "updatedAt"] as const;
export const PAGE_SIZES = [25, 50, 100] as const;
export const HIDEABLE_COLUMNS = ["theme", "leadAgency", "replyClass", "dueDate", "updatedAt"] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
// A comma-separated list; unknown items are dropped, the others kept.
const list = <T extends z.ZodType>(item: T) =>
  z
    .preprocess(
      (value) =>
        typeof value === "string" && value
          ? value.split(",").filter((part) => item.safeParse(part).success)
          : [],
      z.array(item),
    )
    .catch([]);

export const trackingParams = z.object({
  kind: z.enum(["recommendation", "action"]).catch("recommendation"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  perPage: z.coerce
    .number()
    .refine((value) => (PAGE_SIZES as readonly number[]).includes(value))
    .catch(25),
  sort: z.enum(SORTABLE_COLUMNS).catch("code"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  status: list(z.enum(ItemStatus)),
  theme: z.string().max(100).optional().catch(undefined),
  agency: z.string().max(100).optional().catch(undefined),
  replyClass: z.enum(ReplyClass).optional().catch(undefined),
  overdue: z.preprocess((value) => value === "1", z.boolean()).catch(false),
  q: z.string().trim().max(100).optional().catch(undefined),
  dueFrom: isoDate.optional().catch(undefined),
  dueTo: isoDate.optional().catch(undefined),
  hide: list(z.enum(HIDEABLE_COLUMNS)),
  density: z.enum(["comfortable", "compact"]).catch("comfortable"),
});

export type TrackingParams = z.infer<typeof trackingParams>;

/**
 * Reads the table's state from a page's searchParams. Repeated keys (the filter form's checkboxes send
 * status=a&status=b) join into the comma list the links use.
 */
export function parseTrackingParams(
  searchParams: Record<string, string | string[] | undefined>,
): TrackingParams {
  const flat = Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value]),
  );
  for (const key of Object.keys(flat)) if (flat[key] === "") delete flat[key];
  return trackingParams.parse(flat);
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
