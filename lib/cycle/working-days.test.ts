import { describe, expect, it } from "vitest";
import { addWorkingDays, isWorkingDay, type WorkingCalendar, workingDaysBetween } from "./working-days";

// 2024's National Day, as the State Council set it: 1–7 October off, Sunday 29 September and Saturday
// 12 October worked instead (调休).
const calendar: WorkingCalendar = new Map([
  ...["01", "02", "03", "04", "05", "06", "07"].map((d) => [`2024-10-${d}`, false] as const),
  ["2024-09-29", true],
  ["2024-10-12", true],
]);
const empty: WorkingCalendar = new Map();

describe("working days", () => {
  it("are Monday to Friday, without holidays, with the 调休 weekend days", () => {
    expect(isWorkingDay(empty, "2024-09-27")).toBe(true); // a Friday
    expect(isWorkingDay(empty, "2024-09-28")).toBe(false); // a Saturday
    expect(isWorkingDay(calendar, "2024-09-29")).toBe(true); // a Sunday worked
    expect(isWorkingDay(calendar, "2024-10-01")).toBe(false); // a Tuesday off
    expect(isWorkingDay(calendar, "2024-10-12")).toBe(true); // a Saturday worked
  });

  it("count from the day after, across the weekend", () => {
    expect(addWorkingDays(empty, "2024-09-25", 3)).toBe("2024-09-30"); // Wed + 3 → Mon
    expect(addWorkingDays(empty, "2024-09-27", 1)).toBe("2024-09-30");
  });

  it("skip a holiday and count a 调休 Sunday and Saturday", () => {
    // Friday 27 September + 3: Sunday 29 (worked), Monday 30, then 1–7 off, Tuesday 8.
    expect(addWorkingDays(calendar, "2024-09-27", 3)).toBe("2024-10-08");
    expect(addWorkingDays(empty, "2024-09-27", 3)).toBe("2024-10-02");
    // Thursday 10 October + 2: Friday 11, Saturday 12 (worked).
    expect(addWorkingDays(calendar, "2024-10-10", 2)).toBe("2024-10-12");
    expect(workingDaysBetween(calendar, "2024-09-27", "2024-10-12")).toBe(7);
    expect(workingDaysBetween(calendar, "2024-10-12", "2024-10-12")).toBe(0);
    expect(workingDaysBetween(calendar, "2024-10-12", "2024-10-01")).toBe(0);
  });
});
