import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../dates";
import { firstFeedbackDayNotOverdue, replyClock, replyDueDate } from "./reply-clock";

const base = {
  assignedAt: shanghaiDate("2024-03-05"),
  replyDueAt: shanghaiDate("2024-06-05"),
  repliedAt: null,
  replyClass: null,
  feedbackAt: null,
  rehandlingRepliedAt: null,
};
const today = shanghaiDate("2024-06-15");

describe("reply clock", () => {
  it("is due 3 months after assignment", () => {
    expect(replyDueDate("2024-03-05")).toBe("2024-06-05");
    expect(replyDueDate("2024-11-30")).toBe("2025-02-28");
  });

  it("counts the days an unanswered item is past its deadline", () => {
    expect(replyClock(base, false, today).replyOverdueDays).toBe(10);
    expect(replyClock(base, false, shanghaiDate("2024-06-05")).replyOverdueDays).toBeNull();
  });

  it("flags a late reply and not an on-time one", () => {
    expect(replyClock({ ...base, repliedAt: shanghaiDate("2024-06-18") }, false, today).repliedLateDays).toBe(
      13,
    );
    expect(
      replyClock({ ...base, repliedAt: shanghaiDate("2024-06-05") }, false, today).repliedLateDays,
    ).toBeNull();
  });

  it("gives a dissatisfied feedback one month for a new answer", () => {
    const item = { ...base, repliedAt: shanghaiDate("2024-05-20"), feedbackAt: shanghaiDate("2024-06-01") };
    const clock = replyClock(item, true, shanghaiDate("2024-07-03"));
    expect(clock.rehandlingDueAt).toEqual(shanghaiDate("2024-07-01"));
    expect(clock.rehandlingOverdueDays).toBe(2);
    expect(
      replyClock({ ...item, rehandlingRepliedAt: shanghaiDate("2024-06-25") }, true, today)
        .rehandlingOverdueDays,
    ).toBeNull();
    expect(replyClock(item, false, today).rehandlingDueAt).toBeNull();
  });

  it("asks for follow-up on classes B and C only", () => {
    expect(replyClock({ ...base, replyClass: "B" }, false, today).followUpRequired).toBe(true);
    expect(replyClock({ ...base, replyClass: "C" }, false, today).followUpRequired).toBe(true);
    expect(replyClock({ ...base, replyClass: "A" }, false, today).followUpRequired).toBe(false);
  });
});

describe("firstFeedbackDayNotOverdue", () => {
  // The day a database compares feedback days with must say what replyClock says, on every day,
  // month ends and leap days included.
  it("agrees with replyClock for every feedback day around every day of two years", () => {
    const day = (iso: string) => shanghaiDate(iso);
    const plus = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);
    for (let today = day("2023-12-01"); today < day("2026-01-01"); today = plus(today, 1)) {
      const limit = firstFeedbackDayNotOverdue(today);
      for (let offset = -40; offset <= 0; offset++) {
        const feedbackAt = plus(today, offset);
        const clock = replyClock(
          {
            assignedAt: null,
            replyDueAt: null,
            repliedAt: null,
            replyClass: null,
            feedbackAt,
            rehandlingRepliedAt: null,
          },
          true,
          today,
        );
        expect(
          clock.rehandlingOverdueDays !== null,
          `${feedbackAt.toISOString()} on ${today.toISOString()}`,
        ).toBe(feedbackAt < limit);
      }
    }
  });
});
