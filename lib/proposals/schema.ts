import { z } from "zod";
import {
  checkScheduleAndAgencies,
  coAgencyIds,
  itemCode as code,
  isoDate,
  itemWeight,
  optionalDate,
  optionalText,
  requiredText,
} from "@/lib/validation/fields";

// Managing proposals and their recommendations (admins). Messages are keys of "validation".

/** The longest pasted proposal text kept (a long proposal runs to some 20,000 characters). */
export const SOURCE_TEXT_MAX = 50_000;
/** The most recommendations one assisted entry saves at once. */
export const PARTS_MAX = 60;
/** The most actions one assisted entry saves under one recommendation. */
export const PART_ACTIONS_MAX = 30;

const optionalUrl = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .max(2000, { error: "tooLong" })
    .regex(/^https?:\/\/\S+$/i, { error: "urlInvalid" })
    .optional(),
);

/** A proposal's own fields, as its create and edit forms send them. */
export const proposalFields = z.object({
  code,
  officialNumber: optionalText(50),
  titleZh: requiredText(300),
  titleEn: optionalText(300),
  authorZh: requiredText(100),
  authorEn: optionalText(100),
  congressSessionZh: requiredText(100),
  congressSessionEn: optionalText(100),
  submittedAt: isoDate,
  summaryZh: requiredText(2000),
  summaryEn: optionalText(2000),
  sourceReferenceZh: optionalText(500),
  sourceUrl: optionalUrl,
  sourceText: optionalText(SOURCE_TEXT_MAX),
  /** The first author's deputy account, by its email (lib/proposals/deputies.ts). */
  authorUserEmail: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z
      .string()
      .trim()
      .max(254, { error: "tooLong" })
      .pipe(z.email({ error: "emailInvalid" }))
      .optional(),
  ),
  /** 联名代表, one a line: "中文姓名 | English name | email" (lib/proposals/deputies.ts). */
  cosigners: optionalText(20_000),
});

export const proposalEditInput = z.intersection(
  z.object({ proposalId: z.string().min(1, { error: "invalid" }) }),
  proposalFields,
);

/** A recommendation's own fields, as its create and edit forms send them. */
export const recommendationFields = z
  .object({
    code,
    titleZh: requiredText(300),
    titleEn: optionalText(300),
    descriptionZh: optionalText(5000),
    descriptionEn: optionalText(5000),
    sourceQuote: requiredText(10_000),
    themeId: optionalText(40),
    // Unassigned until the congress office assigns it (交办); the lead is then one agency.
    leadAgencyId: optionalText(40),
    coAgencyIds,
    startDate: optionalDate,
    dueDate: optionalDate,
    assignedAt: optionalDate,
    weight: itemWeight,
  })
  .superRefine(checkScheduleAndAgencies);

export const recommendationCreateInput = z.intersection(
  z.object({ proposalId: z.string().min(1, { error: "invalid" }) }),
  recommendationFields,
);
export const recommendationEditInput = z.intersection(
  z.object({
    recommendationId: z.string().min(1, { error: "invalid" }),
    version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
  }),
  recommendationFields,
);
export const recommendationMoveInput = z.object({
  recommendationId: z.string().min(1, { error: "invalid" }),
  direction: z.enum(["up", "down"], { error: "invalid" }),
});

const reason = requiredText(500);
export const recommendationArchiveInput = z.object({
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
  reason,
});
export const proposalArchiveInput = z.object({
  proposalId: z.string().min(1, { error: "invalid" }),
  reason,
});

/**
 * One sub-item of an assisted entry kept as an action (举措) of its recommendation (（一） under 一、):
 * its quote becomes the action's description, the field an action has for its text.
 */
export const entryAction = z.object({
  code,
  titleZh: requiredText(300),
  sourceQuote: requiredText(2000),
});

/** One reviewed part of an assisted entry: it becomes a recommendation, with its actions if any. */
export const entryPart = z
  .object({
    code,
    titleZh: requiredText(300),
    sourceQuote: requiredText(10_000),
    actions: z
      .array(entryAction, { error: "invalid" })
      .max(PART_ACTIONS_MAX, { error: "tooMany" })
      .default([]),
  })
  .superRefine((part, ctx) => {
    const seen = new Set<string>();
    for (const [i, action] of part.actions.entries()) {
      if (seen.has(action.code)) {
        ctx.addIssue({ code: "custom", path: ["actions", i, "code"], message: "codeTaken" });
      }
      seen.add(action.code);
    }
  });

/**
 * A new proposal with its recommendations from an assisted entry. The parts come as one JSON field
 * (the reviewed split), each checked like a recommendation; codes must differ.
 */
export const proposalEntryInput = z.intersection(
  proposalFields,
  z.object({
    parts: z
      .preprocess(
        (value) => {
          if (typeof value !== "string" || value === "") return [];
          try {
            return JSON.parse(value);
          } catch {
            return null;
          }
        },
        z.array(entryPart, { error: "invalid" }).max(PARTS_MAX, { error: "tooMany" }),
      )
      .superRefine((parts, ctx) => {
        const seen = new Set<string>();
        for (const [i, part] of parts.entries()) {
          if (seen.has(part.code)) ctx.addIssue({ code: "custom", path: [i, "code"], message: "codeTaken" });
          seen.add(part.code);
        }
      }),
  }),
);

/** One row of the assignment grid: what the congress office assigns to a recommendation (交办). */
export const assignmentRow = z
  .object({
    recommendationId: z.string().min(1, { error: "invalid" }),
    version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
    themeId: optionalText(40),
    leadAgencyId: optionalText(40),
    coAgencyIds,
    startDate: optionalDate,
    dueDate: optionalDate,
    weight: itemWeight,
  })
  .superRefine(checkScheduleAndAgencies);

/**
 * The assignment grid of a proposal: a row per recommendation, checked as the recommendation form
 * checks them, saved together or not at all. The rows come as one JSON field.
 */
export const assignmentInput = z.object({
  proposalId: z.string().min(1, { error: "invalid" }),
  rows: z.preprocess(
    (value) => {
      if (typeof value !== "string" || value === "") return [];
      try {
        return JSON.parse(value);
      } catch {
        return null;
      }
    },
    z
      .array(assignmentRow, { error: "invalid" })
      .min(1, { error: "required" })
      .max(PARTS_MAX * 2, { error: "tooMany" }),
  ),
});

export type AssignmentRow = z.infer<typeof assignmentRow>;
export type ProposalFields = z.infer<typeof proposalFields>;
export type RecommendationFields = z.infer<typeof recommendationFields>;
