import { describe, expect, it } from "vitest";
import { itemPath } from "./describe";

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
