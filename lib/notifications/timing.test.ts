import { describe, expect, it } from "vitest";
import { inQuietHours, nextClockTime, sendableAt } from "./timing";

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const quiet = { quietStart: "22:00", quietEnd: "08:00" };

describe("when a message may go", () => {
  it("finds the next Shanghai wall-clock time", () => {
    expect(nextClockTime(at("2026-12-02T07:30:00"), "08:00")).toEqual(at("2026-12-02T08:00:00"));
    expect(nextClockTime(at("2026-12-02T08:00:00"), "08:00")).toEqual(at("2026-12-02T08:00:00"));
    expect(nextClockTime(at("2026-12-02T23:10:00"), "08:00")).toEqual(at("2026-12-03T08:00:00"));
  });

  it("holds messages through quiet hours that span midnight", () => {
    expect(inQuietHours(at("2026-12-02T21:59:00"), quiet)).toBe(false);
    expect(inQuietHours(at("2026-12-02T22:00:00"), quiet)).toBe(true);
    expect(inQuietHours(at("2026-12-03T07:59:00"), quiet)).toBe(true);
    expect(inQuietHours(at("2026-12-03T08:00:00"), quiet)).toBe(false);
    expect(sendableAt(at("2026-12-02T23:30:00"), quiet, false)).toEqual(at("2026-12-03T08:00:00"));
    expect(sendableAt(at("2026-12-02T15:00:00"), quiet, false)).toEqual(at("2026-12-02T15:00:00"));
  });

  it("holds nothing without quiet hours, and a digest until its hour", () => {
    const none = { quietStart: null, quietEnd: null };
    expect(sendableAt(at("2026-12-02T23:30:00"), none, false)).toEqual(at("2026-12-02T23:30:00"));
    expect(sendableAt(at("2026-12-02T15:00:00"), none, true)).toEqual(at("2026-12-03T08:00:00"));
    expect(inQuietHours(at("2026-12-02T13:00:00"), { quietStart: "12:00", quietEnd: "14:00" })).toBe(true);
  });
});
