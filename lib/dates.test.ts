import { describe, expect, it } from "vitest";
import { addMonths, isIsoDate, shanghaiDate, shanghaiToday, toShanghaiDateString } from "./dates";

describe("Shanghai calendar dates", () => {
  it("stores a date as midnight in Shanghai (16:00 UTC the day before)", () => {
    expect(shanghaiDate("2024-01-26").toISOString()).toBe("2024-01-25T16:00:00.000Z");
  });

  it("reads the Shanghai date of an instant, across the UTC day boundary", () => {
    expect(toShanghaiDateString(new Date("2024-01-25T15:59:59Z"))).toBe("2024-01-25");
    expect(toShanghaiDateString(new Date("2024-01-25T16:00:00Z"))).toBe("2024-01-26");
  });

  it("round-trips every day of a leap year", () => {
    for (let day = 0; day < 366; day++) {
      const iso = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      expect(toShanghaiDateString(shanghaiDate(iso))).toBe(iso);
    }
  });

  it("refuses malformed and impossible dates", () => {
    expect(() => shanghaiDate("2024-1-26")).toThrow(RangeError);
    expect(() => shanghaiDate("2023-02-29")).toThrow(RangeError);
    expect(() => shanghaiDate("2024-13-01")).toThrow(RangeError);
    expect(() => shanghaiDate("")).toThrow(RangeError);
  });

  it("knows the years 1900 to 9999 only, so that no day it gives breaks a database or a view", () => {
    for (const day of [
      "0000-01-01",
      "0001-01-01",
      "1899-12-31",
      "10000-01-01",
      "+10000-01-01",
      "-0001-01-01",
    ]) {
      expect(isIsoDate(day)).toBe(false);
      expect(() => shanghaiDate(day)).toThrow(RangeError);
    }
    for (const day of ["2024-02-30", "2023-02-29", "2024-04-31", "2024-00-10", "2024-01-00", "2024-01-32"]) {
      expect(isIsoDate(day)).toBe(false);
    }
    expect(isIsoDate("1900-01-01")).toBe(true);
    expect(isIsoDate("9999-12-31")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(shanghaiDate("1900-01-01").toISOString()).toBe("1899-12-31T16:00:00.000Z");
  });

  it("takes today from the Shanghai clock, not UTC", () => {
    // 2026-11-28 17:30 UTC is already 2026-11-29 in Shanghai.
    expect(toShanghaiDateString(shanghaiToday(new Date("2026-11-28T17:30:00Z")))).toBe("2026-11-29");
  });
});

describe("addMonths", () => {
  it("keeps the day, or takes the month's last day", () => {
    expect(addMonths("2024-02-20", 3)).toBe("2024-05-20");
    expect(addMonths("2024-11-30", 3)).toBe("2025-02-28");
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
  });

  it("refuses a malformed date", () => {
    expect(() => addMonths("2024-02-30", 1)).toThrow(RangeError);
    expect(() => addMonths("0000-01-01", -1)).toThrow(RangeError);
  });

  it("stays within the years it knows", () => {
    expect(addMonths("1900-06-15", -23)).toBe("1900-01-01");
    expect(addMonths("9999-11-30", 3)).toBe("9999-12-31");
    expect(isIsoDate(addMonths("1901-01-31", -13))).toBe(true);
  });
});
