import { describe, expect, it } from "vitest";
import { linkState } from "./state";

const checked = { checkedAt: new Date(), failure: null, httpStatus: 200 };

describe("linkState", () => {
  it("is 'not checked yet' without a check (a new link, or a machine that has not run one)", () => {
    expect(linkState(null)).toBe("unchecked");
    expect(
      linkState({ ...checked, checkedAt: null, outcome: null, textHash: null, baselineHash: null }),
    ).toBe("unchecked");
  });

  it("compares the text with the baseline: changed only when both are known and differ", () => {
    expect(linkState({ ...checked, outcome: "ok", textHash: "a", baselineHash: "a" })).toBe("ok");
    expect(linkState({ ...checked, outcome: "ok", textHash: "b", baselineHash: "a" })).toBe("changed");
    expect(linkState({ ...checked, outcome: "ok", textHash: "b", baselineHash: null })).toBe("ok");
  });

  it("is broken whatever the hashes say", () => {
    expect(
      linkState({ ...checked, outcome: "broken", failure: "status", textHash: null, baselineHash: "a" }),
    ).toBe("broken");
  });
});
