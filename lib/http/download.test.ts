import { describe, expect, it } from "vitest";
import { attachment, downloadFileName } from "./download";

describe("attachment", () => {
  it("names the file in ASCII and, in full, encoded", () => {
    const header = attachment("LLM-2024-进展报告-2025-06-30.pdf");
    expect(header).toBe(
      `attachment; filename="LLM-2024-____-2025-06-30.pdf"; filename*=UTF-8''${encodeURIComponent("LLM-2024-进展报告-2025-06-30.pdf")}`,
    );
    expect(attachment("建议.csv", "proposals.csv")).toMatch(/^attachment; filename="proposals\.csv"; /);
    expect(attachment('a"b\\c.csv')).toMatch(/^attachment; filename="a_b_c\.csv"; /);
  });

  it("is read back as the name it was given", () => {
    for (const name of ["建议落实追踪-建议条目-2026-12-02.xlsx", "a (1)*'.csv", 'a"b.csv', "plain.csv"])
      expect(downloadFileName(attachment(name), "x")).toBe(name);
  });

  it("falls back when no name can be read", () => {
    expect(downloadFileName(null, "export.csv")).toBe("export.csv");
    expect(downloadFileName("inline", "export.csv")).toBe("export.csv");
    expect(downloadFileName("attachment; filename=", "export.csv")).toBe("export.csv");
  });
});
