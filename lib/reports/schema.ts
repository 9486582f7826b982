// What a progress report is asked for: one proposal, the day it describes, an earlier day to compare
// with, the language and the file format. The Reports page and the download route read the same
// schema, so that a report the page previews is the report it downloads.
import { z } from "zod";
import { addMonths, toShanghaiDateString } from "@/lib/dates";
import { routing } from "@/lib/i18n/routing";
import { isoDay, pastDay } from "@/lib/tracking/search-params";
import { plainText } from "@/lib/validation/fields";

export const REPORT_FORMATS = ["pdf", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const reportShape = {
  proposal: plainText().trim().min(1).max(100),
  /** The day the report describes (default: today). */
  asOf: pastDay.optional(),
  /** The earlier day "what moved" compares with (default: a month before the as-of day). */
  compareTo: isoDay.optional(),
  locale: z.enum(routing.locales).default("zh-CN"),
};

/** The report's days, resolved and checked: the comparison day comes strictly before the as-of day. */
function withDays<T extends { asOf?: string; compareTo?: string }>(value: T) {
  const asOf = value.asOf ?? toShanghaiDateString(new Date());
  const compareTo = value.compareTo ?? addMonths(asOf, -1);
  return { ...value, asOf, compareTo };
}

function compareBeforeAsOf(value: { asOf: string; compareTo: string }, context: z.RefinementCtx) {
  if (value.compareTo >= value.asOf) {
    context.addIssue({
      code: "custom",
      path: ["compareTo"],
      message: "compareNotBefore",
      input: value.compareTo,
    });
  }
}

/** The report's content (the preview). */
export const reportParams = z.object(reportShape).strict().transform(withDays).superRefine(compareBeforeAsOf);
export type ReportParams = z.output<typeof reportParams>;

/** A report file to download. */
export const reportRequest = z
  .object({ ...reportShape, format: z.enum(REPORT_FORMATS) })
  .strict()
  .transform(withDays)
  .superRefine(compareBeforeAsOf);
export type ReportRequest = z.output<typeof reportRequest>;
