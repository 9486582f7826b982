import { describe, expect, it } from "vitest";
import { neutralise } from "./neutralise";

describe("neutralise", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-2+3", "'-2+3"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["\t=1", "'\t=1"],
    ["\rX", "'\rX"],
  ])("prefixes %j", (text, expected) => {
    expect(neutralise(text)).toBe(expected);
  });

  it.each(["算力支持", "R1 =1", "", "1-2", "'quoted", " =1"])("keeps %j", (text) => {
    expect(neutralise(text)).toBe(text);
  });
});
