import { describe, expect, it } from "vitest";
import { evidenceCreateInput, evidenceUrl } from "./schema";

const problem = (url: string) => evidenceUrl.safeParse(url).error?.issues.map((issue) => issue.message);

describe("evidence links", () => {
  it("accepts http and https links", () => {
    expect(evidenceUrl.parse(" https://github.com/InternLM/InternLM ")).toBe(
      "https://github.com/InternLM/InternLM",
    );
    expect(evidenceUrl.parse("http://www.shlab.org.cn")).toBe("http://www.shlab.org.cn/");
  });

  it.each([
    ["javascript:alert(1)", "urlScheme"],
    ["data:text/html,<script>alert(1)</script>", "urlScheme"],
    ["file:///etc/passwd", "urlScheme"],
    ["ftp://example.org/x", "urlScheme"],
    ["not a url", "urlInvalid"],
    ["https://", "urlInvalid"],
    ["", "required"],
  ])("refuses %s (%s)", (url, message) => {
    expect(problem(url)).toEqual([message]);
  });

  it("refuses links over 2,000 characters", () => {
    expect(problem(`https://example.org/${"a".repeat(2000)}`)).toContain("urlTooLong");
  });

  it("counts the length of the link as stored, percent-encoded", () => {
    const chinese = `https://example.org/${"中".repeat(300)}`;
    expect(chinese.length).toBeLessThan(2000);
    expect(new URL(chinese).href.length).toBeGreaterThan(2000);
    expect(problem(chinese)).toEqual(["urlTooLong"]);
    const fits = `https://example.org/${"中".repeat(200)}`;
    expect(evidenceUrl.parse(fits).length).toBeLessThanOrEqual(2000);
  });

  it.each([
    "https://user:pass@example.org/report",
    "https://user@example.org/",
    "https://:pass@example.org/",
    "https://www.gov.cn@evil.example/",
  ])("refuses %s, a link with a user name or password", (url) => {
    expect(problem(url)).toEqual(["urlCredentials"]);
  });

  it("refuses control characters", () => {
    expect(problem("https://example.org/a\u0000b")).toEqual(["controlCharacters"]);
  });
});

describe("the status form's new evidence", () => {
  it("needs no kind without a link, and a kind with one", async () => {
    const { statusUpdateInput } = await import("../status-updates/schema");
    const base = {
      itemType: "action",
      itemId: "a",
      version: "1",
      status: "in_progress",
      progress: "5",
      effectiveDate: "2026-11-28",
    };
    expect(statusUpdateInput.safeParse({ ...base, newEvidenceKind: "" }).success).toBe(true);
    const withLink = statusUpdateInput.safeParse({
      ...base,
      newEvidenceUrl: "https://e.org",
      newEvidenceTitle: "t",
      newEvidenceKind: "",
    });
    expect(withLink.error?.issues.map((issue) => issue.message)).toEqual(["kindRequired"]);
  });
});

describe("a new piece of evidence", () => {
  const base = { target: "recommendation:r", titleZh: "答复函", kind: "report" };
  const issues = (input: object) =>
    evidenceCreateInput.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("needs a link when it is one (the default)", () => {
    expect(issues(base)).toEqual([["url", "required"]]);
    expect(issues({ ...base, source: "link", url: "  " })).toEqual([["url", "required"]]);
    expect(evidenceCreateInput.parse({ ...base, url: "https://tpc.dev" }).url).toBe("https://tpc.dev/");
  });

  it("needs none when it is a file, and checks one given", () => {
    expect(evidenceCreateInput.parse({ ...base, source: "file", url: "" }).url).toBeUndefined();
    expect(issues({ ...base, source: "file", url: "javascript:alert(1)" })).toEqual([["url", "urlScheme"]]);
    expect(issues({ ...base, source: "other" })).toEqual([["source", "invalid"]]);
  });
});
