import { z } from "zod";
import { toShanghaiDateString } from "@/lib/dates";
import { EvidenceKind } from "@/lib/db/enums";
import { checkbox, optionalDate, optionalText } from "@/lib/validation/fields";

export const MAX_URL_LENGTH = 2000;

/**
 * An evidence link: http or https only, so that no `javascript:`, `data:` or `file:` link can ever
 * be rendered. Error messages are keys of the "validation" messages.
 */
export const evidenceUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const problem = urlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((value) => new URL(value).toString());

function urlProblem(value: string): string | null {
  if (value.length === 0) return "required";
  if (value.length > MAX_URL_LENGTH) return "urlTooLong";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "urlInvalid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "urlScheme";
  return url.hostname ? null : "urlInvalid";
}

export const evidenceTitle = z.string().trim().min(1, { error: "required" }).max(300, { error: "tooLong" });
const noKind = (value: unknown) => (value === "" ? undefined : value);
export const evidenceKind = z.preprocess(noKind, z.enum(EvidenceKind, { error: "kindRequired" }));
export const optionalEvidenceKind = z.preprocess(
  noKind,
  z.enum(EvidenceKind, { error: "kindRequired" }).optional(),
);

/** The editable description of a piece of evidence (its link itself never changes: withdraw and add anew). */
export const evidenceDetails = z.object({
  titleZh: evidenceTitle,
  titleEn: optionalText(300),
  kind: evidenceKind,
  publisher: optionalText(200),
  publishedAt: optionalDate.refine((value) => !value || value <= toShanghaiDateString(new Date()), {
    error: "dateInFuture",
  }),
  note: optionalText(2000),
  isPublic: checkbox,
});

export const evidenceCreateInput = evidenceDetails.extend({
  /** "recommendation:<id>" or "action:<id>" */
  target: z.string().regex(/^(recommendation|action):.+$/, { error: "invalid" }),
  url: evidenceUrl,
});

export const evidenceEditInput = evidenceDetails.extend({
  evidenceId: z.string().min(1, { error: "invalid" }),
});

export const evidenceWithdrawInput = z.object({
  evidenceId: z.string().min(1, { error: "invalid" }),
  reason: z.string().trim().min(1, { error: "required" }).max(500, { error: "tooLong" }),
});
