import { describe, expect, it } from "vitest";
import { proposalInView, reportsHref } from "./proposal-in-view";

describe("the proposal in view", () => {
  it.each([
    ["/proposals/DATA-2025", "", "DATA-2025"],
    ["/proposals/DATA-2025/R4", "", "DATA-2025"],
    ["/proposals/DATA-2025/R4/R4.1", "", "DATA-2025"],
    ["/admin/proposals/LLM-2024/R1", "", "LLM-2024"],
    ["/proposals/%E5%BB%BA%E8%AE%AE-1", "", "建议-1"],
    ["/dashboard", "proposal=DATA-2025&asOf=2025-06-30", "DATA-2025"],
    ["/table", "proposal=DATA-2025&proposal=", "DATA-2025"],
    ["/table", "proposal=DATA-2025,LLM-2024", null],
    ["/table", "proposal=DATA-2025&proposal=LLM-2024", null],
    ["/dashboard", "", null],
    ["/", "", null],
    ["/admin/proposals/new", "", null],
    ["/proposals/%E0%A4%A", "", null],
  ])("%s?%s → %s", (pathname, search, expected) => {
    expect(proposalInView(pathname, new URLSearchParams(search))).toBe(expected);
  });

  it("makes the Reports link open on that proposal", () => {
    expect(reportsHref("/proposals/DATA-2025", new URLSearchParams())).toBe("/reports?proposal=DATA-2025");
    expect(reportsHref("/dashboard", new URLSearchParams())).toBe("/reports");
    expect(reportsHref("/proposals/A&B", new URLSearchParams())).toBe("/reports?proposal=A%26B");
  });
});
