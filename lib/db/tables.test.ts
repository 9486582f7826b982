import { describe, expect, it } from "vitest";
import { canonicalValue, rowHash } from "./tables";

describe("canonical values", () => {
  it("reads one instant the same from either database's form", () => {
    const iso = "2026-12-02T02:16:54.000Z";
    for (const form of [
      "2026-12-02T02:16:54.000+00:00", // SQLite, as Prisma's adapter writes it
      "2026-12-02 02:16:54", // SQLite's CURRENT_TIMESTAMP (a migration's default rows)
      new Date(iso), // PostgreSQL, as lib/db/driver-reader.ts parses timestamp(3)
      Date.parse(iso), // epoch milliseconds
    ])
      expect(canonicalValue("instant", form)).toBe(iso);
    expect(() => canonicalValue("instant", "not a day")).toThrow();
  });

  it("agrees on booleans, big integers, numbers and JSON", () => {
    expect(canonicalValue("boolean", 1)).toBe(true);
    expect(canonicalValue("boolean", false)).toBe(false);
    expect(canonicalValue("bigint", 12)).toBe("12");
    expect(canonicalValue("bigint", "9007199254740993")).toBe("9007199254740993");
    expect(canonicalValue("float", 1)).toBe(canonicalValue("float", 1.0));
    expect(canonicalValue("json", '{"b":[1,{"d":1,"c":2}],"a":"中"}')).toBe(
      canonicalValue("json", { a: "中", b: [1, { c: 2, d: 1 }] }),
    );
    expect(canonicalValue("text", null)).toBeNull();
  });

  it("hashes a row by its content, not by the order of its columns", () => {
    const columns = [
      { name: "id", kind: "text" as const },
      { name: "createdAt", kind: "instant" as const },
      { name: "active", kind: "boolean" as const },
    ];
    const sqlite = { id: "a", createdAt: "2026-01-01T00:00:00.000+00:00", active: 1 };
    const postgres = { active: true, createdAt: new Date("2026-01-01T00:00:00Z"), id: "a" };
    expect(rowHash(columns, sqlite)).toBe(rowHash([...columns].reverse(), postgres));
    expect(rowHash(columns, { ...sqlite, active: 0 })).not.toBe(rowHash(columns, sqlite));
  });
});
