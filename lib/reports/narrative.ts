// The narrative (情况说明) of each recommendation's section: prefilled from the latest comments of the
// recommendation and its actions (with their days and the authors' agencies), editable on the
// Reports page before a download. An edited narrative travels with that download request only: it
// is never stored, so it is no part of the item's history.
import { z } from "zod";
import { hasControlCharacters } from "@/lib/validation/fields";
import type { ReportComment, ReportSection } from "./data";
import type { ReportLabels } from "./labels";

export const NARRATIVE_LIMITS = {
  /** Characters of one recommendation's narrative (a page of text). */
  perRecommendation: 2000,
  /** Recommendations a request may carry a narrative for (a proposal has far fewer). */
  recommendations: 200,
  /** Characters of all the narratives of one request together. */
  total: 40_000,
} as const;

/**
 * The largest download request body: every narrative at its longest, URL-encoded (a Chinese character
 * takes 9 bytes), plus the settings. The body is read no further.
 */
export const MAX_REPORT_BODY_BYTES = NARRATIVE_LIMITS.total * 9 + 64 * 1024;

/** The form field that carries a recommendation's narrative. */
export const narrativeField = (code: string) => `narrative.${code}`;
export const NARRATIVE_PREFIX = "narrative.";

/** Line breaks and tabs are kept (a narrative has paragraphs); any other control character is refused. */
const narrativeText = z
  .string()
  .max(NARRATIVE_LIMITS.perRecommendation, { error: "narrativeTooLong" })
  .refine((value) => !hasControlCharacters(value), { error: "controlCharacters" })
  .transform((value) => value.replace(/\r\n?/g, "\n").trim());

/** The edited narratives by recommendation code; codes the proposal does not have are ignored. */
export const narrativeSchema = z
  .record(z.string().min(1).max(100), narrativeText)
  .refine((value) => Object.keys(value).length <= NARRATIVE_LIMITS.recommendations, {
    error: "narrativeTooMany",
  })
  .refine(
    (value) => Object.values(value).reduce((sum, text) => sum + text.length, 0) <= NARRATIVE_LIMITS.total,
    { error: "narrativeTotalTooLong" },
  );
export type Narratives = z.output<typeof narrativeSchema>;

/** One comment as the narrative cites it: "R1.1（2025年6月30日，市经济信息化委）：…". */
function commentLine(comment: ReportComment, labels: ReportLabels): string {
  const source = [labels.date(comment.effectiveDate), comment.agency ? labels.agency(comment.agency) : null]
    .filter(Boolean)
    .join(labels.locale === "en" ? ", " : "，");
  return labels.locale === "en"
    ? `${comment.code} (${source}): ${comment.comment}`
    : `${comment.code}（${source}）：${comment.comment}`;
}

/** The narrative prefilled from the comments, one paragraph a comment. */
export function defaultNarrative(section: Pick<ReportSection, "comments">, labels: ReportLabels): string {
  return section.comments.map((comment) => commentLine(comment, labels)).join("\n");
}

/** The section's narrative in the file: the edited one when the request carries it, else the prefilled. */
export function narrativeOf(
  section: Pick<ReportSection, "code" | "comments">,
  labels: ReportLabels,
  narratives: Narratives | undefined,
): string[] {
  const text = narratives && Object.hasOwn(narratives, section.code) ? narratives[section.code] : undefined;
  return (text ?? defaultNarrative(section, labels))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}
