import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseProvider, databaseUrl } from "./database-url";

describe("DATABASE_URL", () => {
  it("defaults to the embedded SQLite file", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "  " })).toBe(DEFAULT_DATABASE_URL);
    expect(databaseProvider(DEFAULT_DATABASE_URL)).toBe("sqlite");
  });

  it("switches to PostgreSQL by scheme", () => {
    expect(databaseProvider("postgresql://u@h:5432/db")).toBe("postgresql");
    expect(databaseProvider("postgres://u@h/db")).toBe("postgresql");
  });

  it("refuses other databases without echoing credentials", () => {
    expect(() => databaseProvider("mysql://root:secret@h/db")).toThrow(/mysql:…/);
    expect(() => databaseProvider("mysql://root:secret@h/db")).not.toThrow(/secret/);
  });
});
