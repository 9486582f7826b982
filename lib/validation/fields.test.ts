import { describe, expect, it } from "vitest";
import { hasControlCharacters, isoDate, optionalText, plainText, requiredText } from "./fields";

const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message);

describe("control characters", () => {
  it("finds NUL and the other control characters, but not tabs, line breaks or other text", () => {
    for (const text of [
      "\u0000",
      "a\u0000b",
      "\u0001",
      "\u0008",
      "\u000b",
      "\u000c",
      "\u001b[31m",
      "\u007f",
      "\u0085",
      "\u009f",
    ])
      expect(hasControlCharacters(text)).toBe(true);
    for (const text of [
      "",
      "a\tb",
      "一\n二\r\n三",
      "中文",
      "😀",
      "\u200b",
      "\u202e",
      "\ufeff",
      "' OR 1=1 --",
    ])
      expect(hasControlCharacters(text)).toBe(false);
  });

  it("is refused by every text field, with its own message", () => {
    expect(messages(plainText().safeParse("a\u0000"))).toEqual(["controlCharacters"]);
    expect(messages(requiredText(10).safeParse("\u0000"))).toContain("controlCharacters");
    expect(messages(optionalText(10).safeParse(" \u0000 "))).toContain("controlCharacters");
    expect(requiredText(10).parse(" 标题 ")).toBe("标题");
  });
});

describe("date fields", () => {
  it.each(["0000-01-01", "10000-01-01", "2024-02-30", "2024-13-01", "2024-1-1", "1899-12-31"])(
    "refuse %s",
    (day) => {
      expect(messages(isoDate.safeParse(day))).toContain("dateInvalid");
    },
  );

  it("take a day that exists", () => {
    expect(isoDate.parse("2024-02-29")).toBe("2024-02-29");
  });
});
