import { describe, expect, it } from "vitest";
import { decodedSegment, safeDecodeSegment } from "./segments";

describe("path segments", () => {
  it("decodes well-formed escapes", () => {
    expect(safeDecodeSegment("LLM-2024")).toBe("LLM-2024");
    expect(safeDecodeSegment("%E4%B8%AD%E6%96%87")).toBe("中文");
    expect(safeDecodeSegment("R3.2")).toBe("R3.2");
    expect(safeDecodeSegment("%25ff")).toBe("%ff");
  });

  it.each(["%ff", "%E0%A4%A", "%", "%.json", "a%2", "%C0%AF", "%ED%A0%80"])(
    "refuses the malformed %s",
    (segment) => {
      expect(safeDecodeSegment(segment)).toBeNull();
    },
  );

  it("refuses control characters", () => {
    expect(safeDecodeSegment("%00")).toBeNull();
    expect(safeDecodeSegment("a%00b")).toBeNull();
    expect(safeDecodeSegment("%1B")).toBeNull();
  });

  it("gives pages their 404 for what cannot be", () => {
    expect(decodedSegment("%E4%B8%AD")).toBe("中");
    expect(() => decodedSegment("%ff")).toThrow(
      expect.objectContaining({ digest: expect.stringContaining("404") }),
    );
  });
});
