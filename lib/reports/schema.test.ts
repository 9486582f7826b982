import { describe, expect, it } from "vitest";
import { addMonths, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { reportParams, reportRequest } from "./schema";

describe("report settings", () => {
  it("defaults to today, a month before, and Chinese", () => {
    const today = toShanghaiDateString(shanghaiToday());
    expect(reportParams.parse({ proposal: "LLM-2024" })).toEqual({
      proposal: "LLM-2024",
      asOf: today,
      compareTo: addMonths(today, -1),
      locale: "zh-CN",
    });
  });

  it("refuses a comparison day on or after the as-of day, a future day, a bad format", () => {
    const issues = (value: Record<string, string>) =>
      reportRequest
        .safeParse({ proposal: "LLM-2024", format: "pdf", ...value })
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ asOf: "2025-01-01", compareTo: "2025-01-01" })).toEqual([
      ["compareTo", "compareNotBefore"],
    ]);
    expect(issues({ asOf: "2999-01-01" })).toEqual([["asOf", "pastDate"]]);
    expect(issues({ asOf: "2025-02-30" })).toEqual([["asOf", "date"]]);
    expect(issues({ format: "xlsx" })?.[0]?.[0]).toBe("format");
    expect(issues({ asOf: "2025-06-30", compareTo: "2025-01-31" })).toBeUndefined();
  });
});
