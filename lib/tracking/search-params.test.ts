import { describe, expect, it } from "vitest";
import { itemFilters, parseTrackingParams, trackingQuery } from "./search-params";

describe("the tracking table's URL state", () => {
  it("falls back to defaults for anything missing or malformed", () => {
    expect(
      parseTrackingParams({ page: "-3", perPage: "7", sort: "drop table", status: "done,in_progress" }),
    ).toMatchObject({
      page: 1,
      perPage: 25,
      sort: "code",
      status: ["in_progress"],
      kind: "recommendation",
    });
  });

  it("round-trips through the query string, leaving defaults out", () => {
    const state = parseTrackingParams({
      kind: "action",
      status: "stalled,completed",
      overdue: "1",
      q: "开源",
      page: "2",
    });
    const query = trackingQuery(state);
    expect(query).toBe("kind=action&status=stalled%2Ccompleted&overdue=1&q=%E5%BC%80%E6%BA%90&page=2");
    expect(parseTrackingParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(state);
  });

  it("leaves out control characters and days that cannot be, which the API refuses", () => {
    const state = parseTrackingParams({
      q: "a\u0000b",
      proposal: "\u0000",
      asOf: "0000-01-01",
      dueTo: "2024-02-30",
    });
    expect([state.q, state.proposal, state.asOf, state.dueTo]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const refused = itemFilters.safeParse({ q: "a\u0000b", agency: "x\u0000", dueFrom: "0000-01-01" });
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["agency", "controlCharacters"],
      ["dueFrom", "date"],
      ["q", "controlCharacters"],
    ]);
  });

  it("keeps the first valid value of a single-valued parameter sent twice or mangled", () => {
    // mismatch=0,,0 once answered 500: its valid parts joined into "0,0", which a flag refuses.
    expect(parseTrackingParams({ mismatch: "0,,0" }).mismatch).toBe(false);
    expect(parseTrackingParams({ mismatch: ["x", "1"] }).mismatch).toBe(true);
    expect(parseTrackingParams({ status: "stalled,,nope,completed" }).status).toEqual([
      "stalled",
      "completed",
    ]);
  });
});
