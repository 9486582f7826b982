import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { localized } from "./localized";

describe("localized text", () => {
  it("uses English when present and falls back to Chinese", () => {
    expect(localized("en", "算力", "Compute")).toBe("Compute");
    expect(localized("en", "算力", null)).toBe("算力");
    expect(localized("en", "算力", "")).toBe("算力");
    expect(localized("zh-CN", "算力", "Compute")).toBe("算力");
  });
});

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("have no empty strings", () => {
    const empty = (messages: object) =>
      keys(messages).filter(
        (key) =>
          key
            .split(".")
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) === "",
      );
    expect(empty(zh)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
