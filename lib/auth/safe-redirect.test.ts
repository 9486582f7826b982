import { describe, expect, it } from "vitest";
import { REDIRECT_BYPASSES } from "@/tests/redirect-bypasses";
import { safeNextPath } from "./safe-redirect";

describe("the page to return to after signing in", () => {
  it("keeps paths inside the app, normalised", () => {
    expect(safeNextPath("/zh-CN/proposals/LLM-2024/R3")).toBe("/zh-CN/proposals/LLM-2024/R3");
    expect(safeNextPath("/en/proposals/LLM-2024/R3/R3.1/update")).toBe(
      "/en/proposals/LLM-2024/R3/R3.1/update",
    );
    expect(safeNextPath("/en?x=1#top")).toBe("/en?x=1#top");
    expect(safeNextPath("/zh-CN/tracking?q=%E6%95%99%E8%82%B2&next=//x")).toBe(
      "/zh-CN/tracking?q=%E6%95%99%E8%82%B2&next=//x",
    );
    expect(safeNextPath("/zh-CN/./proposals/../tracking")).toBe("/zh-CN/tracking");
    expect(safeNextPath("/zh-CN/proposals/建议")).toBe("/zh-CN/proposals/%E5%BB%BA%E8%AE%AE");
  });

  it.each(REDIRECT_BYPASSES)("refuses %j", (next) => {
    expect(safeNextPath(next, "/zh-CN")).toBe("/zh-CN");
  });

  it.each([undefined, null, 42, ["/zh-CN"], `/${"a".repeat(2000)}`])("refuses %j", (next) => {
    expect(safeNextPath(next, "/zh-CN")).toBe("/zh-CN");
  });

  it("gives back only paths that it keeps as they are", () => {
    for (const next of ["/zh-CN/tracking?q=a%20b", "/en/./x/../y", "/zh-CN/proposals/建议#h"]) {
      const once = safeNextPath(next, "/fallback");
      expect(safeNextPath(once, "/fallback")).toBe(once);
      expect(new URL(once, "https://tracker.example").origin).toBe("https://tracker.example");
    }
  });
});
