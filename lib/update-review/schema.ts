import { z } from "zod";

/** The review queue's form: the checked proposals, approve or reject, and one reason for rejections. */
export const reviewInput = z
  .object({
    ids: z
      .array(z.string().min(1).max(100))
      .min(1, { error: "updateReview.noneChosen" })
      .max(100, { error: "tooMany" }),
    decision: z.enum(["approve", "reject"], { error: "invalid" }),
    reason: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      z.string().trim().max(500, { error: "tooLong" }).optional(),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.decision === "reject" && !input.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "updateReview.reasonRequired" });
  });

/** The queue's filters, from the address: none of them required, anything unknown ignored. */
// A code has no control characters (PostgreSQL refuses a NUL in a query's text).
const code = z
  .string()
  .max(100)
  .regex(/^[^\p{Cc}]*$/u)
  .optional()
  .catch(undefined);
export const queueFilters = z.object({
  agency: code,
  proposal: code,
  kind: z.enum(["recommendation", "action"]).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof queueFilters>;
