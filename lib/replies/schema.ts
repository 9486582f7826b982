import { z } from "zod";
import { ReplyClass } from "@/lib/db/enums";
import { optionalDate, optionalText } from "@/lib/validation/fields";

/** The reply form. The rules that need the calendar or the feedback scale are in ./rules.ts. */
export const replyInput = z.object({
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
  assignedAt: optionalDate,
  replyDueAt: optionalDate,
  replyExtensionReason: optionalText(500),
  repliedAt: optionalDate,
  replyClass: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(ReplyClass, { error: "invalid" }).optional(),
  ),
  satisfaction: optionalText(50),
  feedbackAt: optionalDate,
  rehandlingRepliedAt: optionalDate,
  followUpRepliedAt: optionalDate,
});

export type ReplyInput = z.infer<typeof replyInput>;
