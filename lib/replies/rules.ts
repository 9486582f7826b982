// The handling rules of DOMAIN.md, as checks on the reply form: reply due 3 months after assignment,
// extendable to at most 6 with a reason; a reply has a class; feedback follows a reply; a second
// answer follows only a dissatisfied feedback; a follow-up reply only a class B or C one; nothing is
// dated in the future.
import { addMonths } from "@/lib/dates";
import { MAX_EXTENDED_REPLY_MONTHS, replyDueDate } from "@/lib/recommendations/reply-clock";
import type { ReplyInput } from "./schema";

type Errors = Record<string, string[]>;

/** Field errors (keys of "validation"), or null. Dates are "YYYY-MM-DD", so they compare as strings. */
export function replyRuleErrors(
  input: ReplyInput,
  today: string,
  satisfaction: { exists: boolean; isDissatisfied: boolean } | null,
): Errors | null {
  const errors: Errors = {};
  const add = (field: string, key: string) => {
    errors[field] = [...(errors[field] ?? []), key];
  };
  for (const field of [
    "assignedAt",
    "repliedAt",
    "feedbackAt",
    "rehandlingRepliedAt",
    "followUpRepliedAt",
  ] as const) {
    const value = input[field];
    if (value && value > today) add(field, "dateInFuture");
  }

  const { assignedAt, replyDueAt, repliedAt, feedbackAt, rehandlingRepliedAt } = input;
  if (replyDueAt && !assignedAt) add("assignedAt", "required");
  if (assignedAt && replyDueAt) {
    const statutory = replyDueDate(assignedAt);
    if (replyDueAt < statutory) add("replyDueAt", "replyDueTooEarly");
    else if (replyDueAt > addMonths(assignedAt, MAX_EXTENDED_REPLY_MONTHS))
      add("replyDueAt", "replyDueTooLate");
    else if (replyDueAt > statutory && !input.replyExtensionReason)
      add("replyExtensionReason", "extensionNeedsReason");
  }
  if (repliedAt) {
    if (!assignedAt) add("assignedAt", "required");
    else if (repliedAt < assignedAt) add("repliedAt", "replyBeforeAssignment");
    if (!input.replyClass) add("replyClass", "required");
  } else if (input.replyClass) add("repliedAt", "required");

  if (input.satisfaction || feedbackAt) {
    if (!repliedAt) add("repliedAt", "required");
    if (!input.satisfaction) add("satisfaction", "required");
    else if (!satisfaction?.exists) add("satisfaction", "invalid");
    if (!feedbackAt) add("feedbackAt", "required");
    else if (repliedAt && feedbackAt < repliedAt) add("feedbackAt", "feedbackBeforeReply");
  }
  if (rehandlingRepliedAt) {
    if (!satisfaction?.isDissatisfied) add("rehandlingRepliedAt", "rehandlingNeedsDissatisfied");
    else if (feedbackAt && rehandlingRepliedAt < feedbackAt)
      add("rehandlingRepliedAt", "rehandlingBeforeFeedback");
  }
  if (input.followUpRepliedAt) {
    if (input.replyClass !== "B" && input.replyClass !== "C")
      add("followUpRepliedAt", "followUpNeedsClassBC");
    else if (repliedAt && input.followUpRepliedAt < repliedAt)
      add("followUpRepliedAt", "followUpBeforeReply");
  }
  return Object.keys(errors).length ? errors : null;
}
