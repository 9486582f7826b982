// The forms of the reply workflow (起草, 提交, 会签, 审核, 受理) and of closing (办结, 重新打开).
// Error messages are keys of "validation", or "cycle.reply.*".
import { z } from "zod";
import { ReplyClass } from "@/lib/db/enums";
import { checkEvidenceUrl } from "@/lib/evidence/schema";
import { optionalText, requiredText } from "@/lib/validation/fields";

const item = {
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
};

/** A link to the reply letter: https only, checked as evidence links are. */
const letterUrl = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      const checked = checkEvidenceUrl(value);
      if ("problem" in checked) {
        ctx.addIssue({ code: "custom", message: checked.problem });
        return z.NEVER;
      }
      if (!checked.url.startsWith("https:")) {
        ctx.addIssue({ code: "custom", message: "cycle.reply.letterHttps" });
        return z.NEVER;
      }
      return checked.url;
    })
    .optional(),
);

const replyClass = z.enum(ReplyClass, { error: "cycle.reply.classRequired" });

export const draftInput = z.object({
  ...item,
  replyClass,
  text: requiredText(20000),
  letterUrl,
});

export const stepInput = z.object(item);

export const signoffInput = z
  .object({
    ...item,
    decision: z.enum(["signed", "commented"], { error: "invalid" }),
    comment: optionalText(5000),
  })
  .refine((input) => input.decision === "signed" || input.comment !== undefined, {
    error: "cycle.reply.commentRequired",
    path: ["comment"],
  });

export const reviewInput = z
  .object({
    ...item,
    decision: z.enum(["approved", "rejected"], { error: "invalid" }),
    reason: optionalText(5000),
  })
  .refine((input) => input.decision === "approved" || input.reason !== undefined, {
    error: "cycle.reply.reasonRequired",
    path: ["reason"],
  });

export const acceptInput = z.object({ ...item, replyClass });

export const reasonInput = z.object({ ...item, reason: requiredText(5000) });

export const closeInput = z.object({ ...item, note: optionalText(5000) });
