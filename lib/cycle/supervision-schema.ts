// The forms of 督办: the priority mark, a 督办单 issued by the office, and the lead agency's
// acknowledgement and answer. Error messages are keys of "validation", or "supervision.*".
import { z } from "zod";
import { isoDate, requiredText } from "@/lib/validation/fields";
import { WARNING_LEVELS } from "./warning";

const item = {
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
};

export const priorityInput = z.object({
  ...item,
  priority: z.enum(["0", "1"], { error: "invalid" }).transform((value) => value === "1"),
});

export const issueNoticeInput = z.object({
  ...item,
  level: z.enum(WARNING_LEVELS, { error: "supervision.levelRequired" }),
  text: requiredText(5000),
  /** "YYYY-MM-DD": today (Shanghai) or later, checked by the action. */
  answerDueAt: isoDate,
});

export const noticeInput = z.object({ ...item, noticeId: z.string().min(1, { error: "invalid" }) });

export const answerNoticeInput = noticeInput.extend({ answer: requiredText(5000) });
