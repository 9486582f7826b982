import { describe, expect, it } from "vitest";
import { rollUp } from "./roll-up";

describe("roll-up of actions into their recommendation", () => {
  it("weights progress by the actions' weights", () => {
    const result = rollUp([
      { status: "completed", progress: 100, weight: 3 },
      { status: "in_progress", progress: 20, weight: 1 },
    ]);
    expect(result).toEqual({ status: "in_progress", progress: 80 });
  });

  it("leaves not-adopted actions out", () => {
    expect(
      rollUp([
        { status: "completed", progress: 100, weight: 1 },
        { status: "not_adopted", progress: 0, weight: 5 },
      ]),
    ).toEqual({ status: "completed", progress: 100 });
    expect(rollUp([{ status: "not_adopted", progress: 0, weight: 1 }])).toEqual({
      status: "not_adopted",
      progress: 0,
    });
  });

  it("is stalled only when something is stalled and nothing moves", () => {
    expect(
      rollUp([
        { status: "stalled", progress: 40, weight: 1 },
        { status: "completed", progress: 100, weight: 1 },
      ]).status,
    ).toBe("stalled");
    expect(
      rollUp([
        { status: "stalled", progress: 40, weight: 1 },
        { status: "in_progress", progress: 10, weight: 1 },
      ]).status,
    ).toBe("in_progress");
  });

  it("treats all-zero weights as equal weights and no actions as not started", () => {
    expect(
      rollUp([
        { status: "in_progress", progress: 10, weight: 0 },
        { status: "in_progress", progress: 30, weight: 0 },
      ]).progress,
    ).toBe(20);
    expect(rollUp([])).toEqual({ status: "not_started", progress: 0 });
  });
});
