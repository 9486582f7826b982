import { describe, expect, it } from "vitest";
import { proposalEntryInput, recommendationFields, SOURCE_TEXT_MAX } from "./schema";

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) =>
  result.success
    ? {}
    : Object.fromEntries(result.error?.issues.map((issue) => [issue.path.join("."), issue.message]) ?? []);

const REC = { code: "R1", titleZh: "标题", sourceQuote: "原文。", weight: "1", coAgencyIds: [] };
const PROPOSAL = {
  code: "P-1",
  titleZh: "建议",
  authorZh: "代表",
  congressSessionZh: "会议",
  submittedAt: "2025-01-20",
  summaryZh: "摘要",
};

describe("a recommendation's fields", () => {
  it("accept the least a recommendation needs, blank optional fields as none", () => {
    const parsed = recommendationFields.parse({ ...REC, titleEn: " ", leadAgencyId: "", startDate: "" });
    expect(parsed).toMatchObject({ code: "R1", titleEn: undefined, leadAgencyId: undefined, weight: 1 });
  });

  it("refuse an empty title, due before start, a lead also co-handler, a zero weight and a bad code", () => {
    const result = recommendationFields.safeParse({
      ...REC,
      code: "R 1",
      titleZh: "  ",
      startDate: "2025-06-01",
      dueDate: "2025-05-01",
      leadAgencyId: "a",
      coAgencyIds: ["a"],
      weight: "0",
    });
    expect(messages(result)).toEqual({
      code: "codeInvalid",
      titleZh: "required",
      weight: "weightInvalid",
      dueDate: "dueBeforeStart",
      coAgencyIds: "leadAlsoCoHandler",
    });
  });

  it("refuse over-long text", () => {
    const result = recommendationFields.safeParse({ ...REC, sourceQuote: "长".repeat(10_001) });
    expect(messages(result)).toEqual({ sourceQuote: "tooLong" });
  });
});

describe("an assisted entry", () => {
  it("reads the reviewed parts from JSON and refuses the same code twice", () => {
    const parts = [
      { code: "R1", titleZh: "一", sourceQuote: "一。" },
      { code: "R1", titleZh: "二", sourceQuote: "二。" },
    ];
    expect(messages(proposalEntryInput.safeParse({ ...PROPOSAL, parts: JSON.stringify(parts) }))).toEqual({
      "parts.1.code": "codeTaken",
    });
    expect(
      proposalEntryInput.parse({ ...PROPOSAL, parts: JSON.stringify(parts.slice(0, 1)) }).parts,
    ).toHaveLength(1);
  });

  it("refuses parts that are not JSON, and a pasted text over the limit", () => {
    expect(messages(proposalEntryInput.safeParse({ ...PROPOSAL, parts: "{" }))).toEqual({ parts: "invalid" });
    const long = proposalEntryInput.safeParse({ ...PROPOSAL, sourceText: "字".repeat(SOURCE_TEXT_MAX + 1) });
    expect(messages(long)).toEqual({ sourceText: "tooLong" });
  });
});
