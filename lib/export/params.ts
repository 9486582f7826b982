// What an export request may say: the tracking table's own query (its filters and sort; its paging and
// look are accepted and ignored, so that the table's URL can be passed on as it is), plus the format,
// the selected rows and the language of the headers.
import { z } from "zod";
import { commaList, itemFilterShape, trackingShape } from "@/lib/tracking/search-params";
import { plainText } from "@/lib/validation/fields";

export const EXPORT_FORMATS = ["csv", "xlsx", "json"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The tables of an export: the view's items, and the actions, evidence and history behind them. */
export const EXPORT_PARTS = ["items", "actions", "evidence", "history"] as const;
export type ExportPart = (typeof EXPORT_PARTS)[number];

/** At most this many selected rows: a table page holds at most 100, and SQLite binds at most 999 values. */
export const MAX_SELECTED = 500;

export const exportQuery = z
  .object({
    ...itemFilterShape,
    sort: trackingShape.sort,
    dir: trackingShape.dir,
    page: trackingShape.page,
    perPage: trackingShape.perPage,
    hide: trackingShape.hide,
    density: trackingShape.density,
    format: z.enum(EXPORT_FORMATS),
    part: commaList(z.enum(EXPORT_PARTS))
      .default([])
      .describe(
        "CSV and JSON hold one table (default: items); a workbook holds these sheets (default: all).",
      ),
    ids: commaList(plainText().trim().min(1).max(100)).pipe(z.array(z.string()).max(MAX_SELECTED)).optional(),
    locale: z.enum(["zh-CN", "en"]).optional(),
  })
  .strict()
  .superRefine((query, context) => {
    if (query.format !== "xlsx" && query.part.length > 1)
      context.addIssue({ code: "custom", path: ["part"], message: "exportOnePart" });
    if (query.kind === "action" && query.part.includes("actions"))
      context.addIssue({ code: "custom", path: ["part"], message: "exportNoActionsOfActions" });
  });

export type ExportQuery = z.output<typeof exportQuery>;

/** The parts an export writes, in order. */
export function exportParts(query: Pick<ExportQuery, "format" | "part" | "kind">): ExportPart[] {
  if (query.part.length) return EXPORT_PARTS.filter((part) => query.part.includes(part));
  if (query.format !== "xlsx") return ["items"];
  return EXPORT_PARTS.filter((part) => part !== "actions" || query.kind === "recommendation");
}
