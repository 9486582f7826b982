import { describe, expect, it } from "vitest";
import { canonicalContent, contentHashOf, EMPTY_CHAIN, GENESIS, linkAfter, linkHash } from "./content";

describe("canonical content", () => {
  const fromPostgres = {
    id: "a1",
    actorId: null,
    action: "user.update",
    entityType: "User",
    entityId: "u1",
    before: null,
    after: { b: [1, 2.5, { d: true, c: null }], a: "中文" },
    createdAt: new Date("2026-12-04T12:00:00.007Z"),
  };

  it("is the same whichever way a driver hands the row over", () => {
    // SQLite's text instant (the adapter's, and CURRENT_TIMESTAMP's) and JSON text; columns in any order.
    const fromSqlite = {
      createdAt: "2026-12-04T12:00:00.007+00:00",
      after: '{"a":"中文","b":[1,2.50,{"c":null,"d":true}]}',
      entityId: "u1",
      entityType: "User",
      action: "user.update",
      id: "a1",
    };
    expect(contentHashOf("AuditEvent", fromSqlite)).toBe(contentHashOf("AuditEvent", fromPostgres));
    expect(canonicalContent("AuditEvent", fromPostgres)).toBe(
      '{"action":"user.update","actorId":null,"after":{"a":"中文","b":[1,2.5,{"c":null,"d":true}]},' +
        '"before":null,"createdAt":"2026-12-04T12:00:00.007Z","entityId":"u1","entityType":"User","id":"a1"}',
    );
  });

  it("changes with any column", () => {
    const hash = contentHashOf("AuditEvent", fromPostgres);
    expect(contentHashOf("AuditEvent", { ...fromPostgres, entityId: "u2" })).not.toBe(hash);
    expect(
      contentHashOf("AuditEvent", { ...fromPostgres, createdAt: new Date("2026-12-04T12:00:00.008Z") }),
    ).not.toBe(hash);
  });
});

describe("links", () => {
  it("chain each row to the one before, by place", () => {
    const [first, second] = linkAfter(EMPTY_CHAIN, ["c1", "c2"]);
    expect(first).toEqual({ chainSeq: 1, contentHash: "c1", chainHash: linkHash(1, GENESIS, "c1") });
    expect(second?.chainHash).toBe(linkHash(2, first?.chainHash ?? "", "c2"));
    // Appending later continues the same chain.
    expect(linkAfter({ chainSeq: 1, chainHash: first?.chainHash ?? "" }, ["c2"])).toEqual([second]);
    // The same content at another place links differently.
    expect(linkHash(3, GENESIS, "c1")).not.toBe(first?.chainHash);
  });
});
