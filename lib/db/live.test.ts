import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { liveActions, liveProposals, liveRecommendations } from "./live";

describe("what is not archived", () => {
  it("is decided by the builders, which no filter passed in can undo", () => {
    expect(liveRecommendations({ id: "r", archivedAt: { not: null } })).toEqual({
      id: "r",
      archivedAt: null,
    });
    expect(liveProposals()).toEqual({ archivedAt: null });
    expect(liveActions({ id: "a" }, { proposalId: "p" })).toEqual({
      id: "a",
      recommendation: { proposalId: "p", archivedAt: null },
    });
  });

  // So that the rule stays in one place: a query elsewhere that spells the condition out is the kind
  // that once forgot it. (Audit records of an archiving write `before: { archivedAt: null }`: data.)
  it("is spelled out nowhere else in the app's Prisma queries", () => {
    const spelled: string[] = [];
    for (const folder of ["app", "lib", "components"]) {
      for (const file of readdirSync(folder, { recursive: true, encoding: "utf8" })) {
        if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
        const path = join(folder, file);
        if (path === join("lib", "db", "live.ts")) continue;
        readFileSync(path, "utf8")
          .split("\n")
          .forEach((line, index) => {
            if (/archivedAt:\s*null/.test(line) && !/before:\s*\{\s*archivedAt:\s*null/.test(line))
              spelled.push(`${path}:${index + 1}`);
          });
      }
    }
    expect(spelled).toEqual([]);
  });
});
