import { describe, expect, it } from "vitest";
import { contactLinks, isWebLink, MAX_LINKS, respondContactInput } from "./schema";

describe("contact links", () => {
  it("takes http(s) addresses, one per line, blank lines left out", () => {
    expect(contactLinks.parse(" https://example.org/a \r\n\n http://example.org/b\n")).toEqual([
      "https://example.org/a",
      "http://example.org/b",
    ]);
    expect(contactLinks.parse("")).toEqual([]);
  });

  it("refuses other schemes, credentials, overlong addresses and too many links", () => {
    for (const bad of ["javascript:alert(1)", "ftp://example.org", "https://u:p@example.org", "example.org"])
      expect(isWebLink(bad), bad).toBe(false);
    expect(isWebLink(`https://example.org/${"a".repeat(2000)}`)).toBe(false);
    const many = Array.from({ length: MAX_LINKS + 1 }, (_, i) => `https://example.org/${i}`).join("\n");
    expect(contactLinks.safeParse(many).success).toBe(false);
    expect(contactLinks.safeParse(many.split("\n").slice(1).join("\n")).success).toBe(true);
  });
});

describe("the deputy's answer", () => {
  const base = { recommendationId: "r", contactId: "c" };
  it("needs a comment to dispute, not to confirm", () => {
    expect(respondContactInput.safeParse({ ...base, decision: "confirmed" }).success).toBe(true);
    expect(respondContactInput.safeParse({ ...base, decision: "disputed", comment: " " }).success).toBe(
      false,
    );
    expect(respondContactInput.safeParse({ ...base, decision: "disputed", comment: "不属实" }).success).toBe(
      true,
    );
    expect(respondContactInput.safeParse({ ...base, decision: "maybe" }).success).toBe(false);
  });
});
