import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-redirect";

describe("the page to return to after signing in", () => {
  it("keeps paths inside the app", () => {
    expect(safeNextPath("/zh-CN/proposals/LLM-2024/R3")).toBe("/zh-CN/proposals/LLM-2024/R3");
    expect(safeNextPath("/en?x=1#top")).toBe("/en?x=1#top");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/phish",
    "/\\evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    undefined,
    42,
  ])("refuses %s", (next) => {
    expect(safeNextPath(next, "/zh-CN")).toBe("/zh-CN");
  });
});
