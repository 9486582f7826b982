import { describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { isOverdue } from "./overdue";

const today = shanghaiDate("2026-11-29");

describe("overdue", () => {
  it("flags open items whose due day has passed", () => {
    expect(isOverdue({ status: "in_progress", dueDate: shanghaiDate("2026-11-28") }, today)).toBe(true);
    expect(isOverdue({ status: "stalled", dueDate: shanghaiDate("2025-01-01") }, today)).toBe(true);
    expect(isOverdue({ status: "not_started", dueDate: shanghaiDate("2026-01-01") }, today)).toBe(true);
  });

  it("does not flag items due today or later, without a due date, or closed", () => {
    expect(isOverdue({ status: "in_progress", dueDate: today }, today)).toBe(false);
    expect(isOverdue({ status: "in_progress", dueDate: null }, today)).toBe(false);
    expect(isOverdue({ status: "completed", dueDate: shanghaiDate("2025-01-01") }, today)).toBe(false);
    expect(isOverdue({ status: "not_adopted", dueDate: shanghaiDate("2025-01-01") }, today)).toBe(false);
  });
});
