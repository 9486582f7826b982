import { describe, expect, it } from "vitest";
import { commentPath, itemPath } from "./describe";

const recommendation = { proposalCode: "LLM 2024", recommendationCode: "R3", actionCode: null };

describe("an item's path", () => {
  it("is its recommendation's page, with the codes escaped", () => {
    expect(itemPath("zh-CN", recommendation)).toBe("/zh-CN/proposals/LLM%202024/R3");
  });

  it("of an action is its row on its recommendation's page, not its edit form", () => {
    expect(itemPath("en", { ...recommendation, actionCode: "R3.1" })).toBe(
      "/en/proposals/LLM%202024/R3#action-R3.1",
    );
  });
});

describe("a comment's path", () => {
  it("is the comment on its recommendation's page, or on its action's discussion page", () => {
    expect(commentPath("zh-CN", recommendation, "c1")).toBe("/zh-CN/proposals/LLM%202024/R3#comment-c1");
    expect(commentPath("en", { ...recommendation, actionCode: "R3.1" }, "c2")).toBe(
      "/en/proposals/LLM%202024/R3/actions/R3.1/comments#comment-c2",
    );
  });
});
