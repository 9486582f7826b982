import { describe, expect, it } from "vitest";
import { replyRuleErrors } from "./rules";
import type { ReplyInput } from "./schema";

const base: ReplyInput = { recommendationId: "r", version: 1, assignedAt: "2024-03-05" };
const today = "2026-11-29";
const satisfied = { exists: true, isDissatisfied: false };
const dissatisfied = { exists: true, isDissatisfied: true };

describe("reply rules", () => {
  it("accepts a reply on the statutory deadline, with class and feedback", () => {
    const input = {
      ...base,
      replyDueAt: "2024-06-05",
      repliedAt: "2024-06-01",
      replyClass: "A" as const,
      satisfaction: "satisfied",
      feedbackAt: "2024-06-10",
    };
    expect(replyRuleErrors(input, today, satisfied)).toBeNull();
  });

  it("allows an extension up to 6 months, only with a reason", () => {
    expect(replyRuleErrors({ ...base, replyDueAt: "2024-08-05" }, today, null)).toEqual({
      replyExtensionReason: ["extensionNeedsReason"],
    });
    expect(
      replyRuleErrors({ ...base, replyDueAt: "2024-09-05", replyExtensionReason: "涉及多部门" }, today, null),
    ).toBeNull();
    expect(
      replyRuleErrors({ ...base, replyDueAt: "2024-09-06", replyExtensionReason: "涉及多部门" }, today, null),
    ).toEqual({
      replyDueAt: ["replyDueTooLate"],
    });
    expect(replyRuleErrors({ ...base, replyDueAt: "2024-06-04" }, today, null)).toEqual({
      replyDueAt: ["replyDueTooEarly"],
    });
  });

  it("needs a class with a reply, a reply before feedback, and no future dates", () => {
    expect(replyRuleErrors({ ...base, repliedAt: "2024-05-01" }, today, null)).toEqual({
      replyClass: ["required"],
    });
    expect(replyRuleErrors({ ...base, repliedAt: "2024-03-01", replyClass: "B" }, today, null)).toEqual({
      repliedAt: ["replyBeforeAssignment"],
    });
    expect(
      replyRuleErrors({ ...base, satisfaction: "satisfied", feedbackAt: "2024-06-10" }, today, satisfied),
    ).toEqual({
      repliedAt: ["required"],
    });
    expect(replyRuleErrors({ ...base, repliedAt: "2026-12-01", replyClass: "A" }, today, null)).toEqual({
      repliedAt: ["dateInFuture"],
    });
  });

  it("takes a second answer only after a dissatisfied feedback", () => {
    const replied = { ...base, repliedAt: "2024-05-01", replyClass: "C" as const, feedbackAt: "2024-05-20" };
    expect(
      replyRuleErrors(
        { ...replied, satisfaction: "dissatisfied", rehandlingRepliedAt: "2024-06-15" },
        today,
        dissatisfied,
      ),
    ).toBeNull();
    expect(
      replyRuleErrors(
        { ...replied, satisfaction: "satisfied", rehandlingRepliedAt: "2024-06-15" },
        today,
        satisfied,
      ),
    ).toEqual({ rehandlingRepliedAt: ["rehandlingNeedsDissatisfied"] });
    expect(
      replyRuleErrors({ ...replied, satisfaction: "whatever" }, today, {
        exists: false,
        isDissatisfied: false,
      }),
    ).toEqual({
      satisfaction: ["invalid"],
    });
  });
});

describe("follow-up replies", () => {
  const replied = { ...base, repliedAt: "2024-05-01", replyClass: "B" as const };
  it("are recorded for classes B and C after the reply", () => {
    expect(replyRuleErrors({ ...replied, followUpRepliedAt: "2025-03-01" }, today, null)).toBeNull();
    expect(replyRuleErrors({ ...replied, followUpRepliedAt: "2024-04-01" }, today, null)).toEqual({
      followUpRepliedAt: ["followUpBeforeReply"],
    });
    expect(
      replyRuleErrors({ ...replied, replyClass: "A", followUpRepliedAt: "2025-03-01" }, today, null),
    ).toEqual({
      followUpRepliedAt: ["followUpNeedsClassBC"],
    });
  });
});
