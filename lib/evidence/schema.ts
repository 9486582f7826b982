import { z } from "zod";
import { toShanghaiDateString } from "@/lib/dates";
import { EvidenceKind } from "@/lib/db/enums";
import {
  checkbox,
  hasControlCharacters,
  optionalDate,
  optionalText,
  plainText,
} from "@/lib/validation/fields";

export const MAX_URL_LENGTH = 2000;

/**
 * An evidence link: http or https only, so that no `javascript:`, `data:` or `file:` link can ever
 * be rendered, and no user name or password in it, which would be shown to every reader (and lets a
 * link pose as another site: https://www.gov.cn@evil.example/). It is stored as the URL parser writes
 * it, percent-encoded, and that is what must fit MAX_URL_LENGTH: 300 Chinese characters are 2,700.
 * Error messages are keys of the "validation" messages.
 */
export const evidenceUrl = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const checked = checkEvidenceUrl(value);
    if ("problem" in checked) {
      ctx.addIssue({ code: "custom", message: checked.problem });
      return z.NEVER;
    }
    return checked.url;
  });

/** The link as stored, or what is wrong with it. */
export function checkEvidenceUrl(value: string): { url: string } | { problem: string } {
  if (value.length === 0) return { problem: "required" };
  if (value.length > MAX_URL_LENGTH) return { problem: "urlTooLong" };
  if (hasControlCharacters(value)) return { problem: "controlCharacters" };
  const url = URL.parse(value);
  if (!url) return { problem: "urlInvalid" };
  if (url.protocol !== "http:" && url.protocol !== "https:") return { problem: "urlScheme" };
  if (!url.hostname) return { problem: "urlInvalid" };
  if (url.username || url.password) return { problem: "urlCredentials" };
  if (url.href.length > MAX_URL_LENGTH) return { problem: "urlTooLong" };
  return { url: url.href };
}

export const evidenceTitle = plainText().trim().min(1, { error: "required" }).max(300, { error: "tooLong" });
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
  /** 内部材料: kept from the proposal's deputies, so never public either. */
  isInternal: checkbox,
});

/** Internal evidence is never public (the database refuses it too). */
const internalIsNotPublic = <T extends { isPublic: boolean; isInternal: boolean }>(input: T) =>
  !(input.isPublic && input.isInternal);
const internalIsNotPublicIssue = { error: "internalNotPublic", path: ["isInternal"] };

/** What a new piece of evidence is: a link, or a file (sent with its fields to POST /api/files). */
export const EVIDENCE_SOURCES = ["link", "file"] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** A link left empty is none (a file's evidence may have one, or not). */
const optionalEvidenceUrl = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  evidenceUrl.optional(),
);

/**
 * A new piece of evidence, for the evidence form's server action (a link) and the upload route (a
 * file, and a link too if given) alike: a piece has a link, or a file, or both, never neither.
 */
export const evidenceCreateInput = evidenceDetails
  .extend({
    /** "recommendation:<id>" or "action:<id>" */
    target: z.string().regex(/^(recommendation|action):.+$/, { error: "invalid" }),
    source: z.preprocess((value) => value ?? "link", z.enum(EVIDENCE_SOURCES, { error: "invalid" })),
    url: optionalEvidenceUrl,
  })
  .refine((input) => input.source === "file" || input.url !== undefined, {
    error: "required",
    path: ["url"],
  })
  .refine(internalIsNotPublic, internalIsNotPublicIssue);

export const evidenceEditInput = evidenceDetails
  .extend({
    evidenceId: z.string().min(1, { error: "invalid" }),
  })
  .refine(internalIsNotPublic, internalIsNotPublicIssue);

/** 核实: the office or the agency's reviewer confirms a piece of evidence, with an optional note. */
export const evidenceVerifyInput = z.object({
  evidenceId: z.string().min(1, { error: "invalid" }),
  note: optionalText(500),
});

export const evidenceWithdrawInput = z.object({
  evidenceId: z.string().min(1, { error: "invalid" }),
  reason: z.string().trim().min(1, { error: "required" }).max(500, { error: "tooLong" }),
});
