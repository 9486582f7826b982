import { describe, expect, it } from "vitest";
import { decodeText } from "./csv";
import { ImportFileError } from "./file";
import { columnOf, formatOf, serialDay } from "./xlsx";

describe("date serials", () => {
  it("are the calendar day Excel shows, in the 1900 and 1904 systems", () => {
    expect(serialDay(25569)).toEqual({ day: "1970-01-01" });
    expect(serialDay(46000)).toEqual({ day: "2025-12-09" });
    // A time of day does not move the day, nor does floating-point dust just below a whole day.
    expect(serialDay(46000.5)).toEqual({ day: "2025-12-09" });
    expect(serialDay(46001 - 1e-10)).toEqual({ day: "2025-12-10" });
    expect(serialDay(44538, true)).toEqual({ day: "2025-12-09" });
  });

  it("that are no day are null, never an invalid date", () => {
    for (const serial of [1e20, -1, Number.NaN, Number.POSITIVE_INFINITY, 2_958_466])
      expect(serialDay(serial)).toBeNull();
    expect(serialDay(2_958_465)).toEqual({ day: "9999-12-31" });
  });
});

describe("number formats", () => {
  it("tell dates and percentages from numbers", () => {
    expect(formatOf(14, undefined)).toBe("date");
    expect(formatOf(57, undefined)).toBe("date");
    expect(formatOf(9, undefined)).toBe("percent");
    expect(formatOf(0, undefined)).toBe("number");
    expect(formatOf(164, "yyyy-mm-dd")).toBe("date");
    expect(formatOf(165, "[$-F800]dddd, mmmm dd, yyyy")).toBe("date");
    expect(formatOf(166, "0.0%")).toBe("percent");
    expect(formatOf(167, '"¥"#,##0.00')).toBe("number");
    expect(formatOf(168, '0 "days"')).toBe("number");
    expect(formatOf(169, "[Red]General")).toBe("number");
  });
});

describe("cell references", () => {
  it("name 0-based columns", () => {
    expect(columnOf("A1")).toBe(0);
    expect(columnOf("Z9")).toBe(25);
    expect(columnOf("AA10")).toBe(26);
    expect(columnOf("XFD1048576")).toBe(16_383);
  });
});

describe("CSV text", () => {
  const problem = (bytes: Uint8Array) => {
    try {
      decodeText(bytes);
      return null;
    } catch (error) {
      return error instanceof ImportFileError ? error.problem : "other";
    }
  };
  it("is UTF-8 or GB18030, and refused when it decodes cleanly as neither", () => {
    expect(decodeText(new TextEncoder().encode("\ufeff编号,状态"))).toBe("\ufeff编号,状态");
    // 编号 in GBK.
    expect(decodeText(new Uint8Array([0xb1, 0xe0, 0xba, 0xc5]))).toBe("编号");
    // "café naïve" in Latin-1: é followed by a space is no GB18030.
    expect(problem(new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]))).toBe(
      "encoding",
    );
    expect(problem(new TextEncoder().encode("caf\ufffd"))).toBe("encoding");
  });
});
