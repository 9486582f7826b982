import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../dates";
import { monthsBetween, parseDashboardParams, resolvePeriod } from "./params";

describe("the dashboard's period", () => {
  it("ignores a day of year 0000 (it used to reach year -1 and fail)", () => {
    const params = parseDashboardParams({ asOf: "0000-01-01", from: "0000-01-01", to: "0001-01-01" });
    expect([params.asOf, params.from, params.to]).toEqual([undefined, undefined, undefined]);
  });

  it("starts no earlier than the first day the app knows", () => {
    const period = resolvePeriod({ to: "1900-05-01" }, shanghaiDate("2025-01-01"));
    expect(period).toEqual({ from: "1900-01-01", to: "1900-05-01" });
    expect(monthsBetween(period.from, period.to)).toEqual([
      "1900-01",
      "1900-02",
      "1900-03",
      "1900-04",
      "1900-05",
    ]);
  });

  it("ends at the last month it knows", () => {
    expect(monthsBetween("9999-11-01", "9999-12-31")).toEqual(["9999-11", "9999-12"]);
  });
});
