import { z } from "zod";
import { ReplyClass } from "@/lib/db/enums";

const optionalDate = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid" })
    .optional(),
);
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.string().trim().max(max, { error: "tooLong" }).optional(),
  );

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
});

export type ReplyInput = z.infer<typeof replyInput>;
