import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { CycleStage } from "@/lib/db/enums";
import { availableSteps, checkStep, STAGES, STEPS, type Step } from "./machine";

const LEAD = "agency-lead";
const CO = "agency-co";
const assignments = [
  { agencyId: LEAD, role: "lead" as const },
  { agencyId: CO, role: "co_handler" as const },
];
const actors = {
  office: { id: "o", role: "office", agencyId: null },
  admin: { id: "a", role: "admin", agencyId: null },
  lead: { id: "l", role: "staff", agencyId: LEAD },
  leadReviewer: { id: "r", role: "staff", agencyId: LEAD, isReviewer: true },
  coHandler: { id: "c", role: "staff", agencyId: CO },
  coReviewer: { id: "cr", role: "staff", agencyId: CO, isReviewer: true },
  otherStaff: { id: "x", role: "staff", agencyId: "agency-other" },
  official: { id: "f", role: "official", agencyId: null },
  deputy: { id: "d", role: "deputy", agencyId: null },
} satisfies Record<string, Actor>;
type Who = keyof typeof actors;

// Written out again, by hand, from the issue: from which stages each step may be taken and by whom.
const open = ["assigned", "handling", "drafting", "cosigning", "reviewing", "submitted"];
const supervised = [...open, "replied", "evaluated"];
const office: Who[] = ["office", "admin"];
const staffOfLead: Who[] = ["lead", "leadReviewer"];
const expected: Record<Step, { from: string[]; by: Who[] }> = {
  assign: { from: ["unassigned"], by: office },
  acknowledge: { from: open, by: [...staffOfLead, "coHandler", "coReviewer"] },
  requestHandback: { from: ["assigned", "handling"], by: [...staffOfLead, "coHandler", "coReviewer"] },
  decideHandback: { from: ["assigned", "handling"], by: office },
  submitView: { from: ["assigned", "handling", "drafting"], by: ["coHandler", "coReviewer"] },
  requestExtension: { from: open, by: staffOfLead },
  decideExtension: { from: open, by: office },
  draftReply: { from: ["handling", "drafting"], by: staffOfLead },
  submitDraft: { from: ["drafting"], by: staffOfLead },
  signoff: { from: ["cosigning"], by: ["coHandler", "coReviewer"] },
  reviewReply: { from: ["reviewing"], by: ["leadReviewer"] },
  recordReply: { from: open, by: office },
  acceptReply: { from: ["submitted"], by: office },
  returnReply: { from: ["submitted"], by: office },
  recordFeedback: { from: ["replied", "evaluated"], by: [...staffOfLead, ...office, "deputy"] },
  close: { from: ["replied", "evaluated"], by: office },
  reopen: { from: ["closed"], by: office },
  setPriority: { from: supervised, by: office },
  issueNotice: { from: supervised, by: office },
  acknowledgeNotice: { from: supervised, by: staffOfLead },
  answerNotice: { from: supervised, by: staffOfLead },
};

const outcomes: Partial<Record<Step, string[]>> = {
  acknowledge: ["lead", "coHandler"],
  decideHandback: ["newLead", "approved", "rejected"],
  submitDraft: ["cosign", "review"],
  signoff: ["signed", "lastSigned", "commented"],
  reviewReply: ["approved", "rejected"],
  reopen: ["replied", "evaluated"],
  recordReply: ["replied", "evaluated"],
};

const check = (step: Step, stage: CycleStage, who: Who, outcome?: string) =>
  (checkStep as (...args: unknown[]) => ReturnType<typeof checkStep>)(
    step,
    stage,
    actors[who],
    assignments,
    ...(outcome ? [outcome] : []),
  );

describe("the handling cycle's machine", () => {
  it("has the steps the issue names, and no others", () => {
    expect(Object.keys(STEPS).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const step of Object.keys(expected) as Step[]) {
    it(`${step}: allowed exactly from its stages, by its parties; refused otherwise, saying why`, () => {
      const rule = expected[step];
      for (const stage of STAGES)
        for (const who of Object.keys(actors) as Who[]) {
          const outcome = outcomes[step]?.[0];
          const result = check(step, stage, who, outcome);
          if (!rule.from.includes(stage))
            expect(result, `${stage} ${who}`).toEqual({ ok: false, reason: "stage" });
          else if (!rule.by.includes(who))
            expect(result, `${stage} ${who}`).toEqual({ ok: false, reason: "party" });
          else expect(result.ok, `${stage} ${who}`).toBe(true);
        }
    });
  }

  it("leads each step where the cycle goes next", () => {
    const to = (step: Step, stage: CycleStage, who: Who, outcome?: string) => {
      const result = check(step, stage, who, outcome);
      return result.ok ? result.to : result.reason;
    };
    expect(to("assign", "unassigned", "office")).toBe("assigned");
    expect(to("acknowledge", "assigned", "lead", "lead")).toBe("handling");
    expect(to("acknowledge", "assigned", "coHandler", "coHandler")).toBe("assigned");
    expect(to("acknowledge", "drafting", "coHandler", "coHandler")).toBe("drafting");
    expect(to("requestHandback", "handling", "coHandler")).toBe("handling");
    expect(to("decideHandback", "handling", "office", "newLead")).toBe("assigned");
    expect(to("decideHandback", "handling", "office", "approved")).toBe("handling");
    expect(to("decideHandback", "assigned", "office", "rejected")).toBe("assigned");
    expect(to("requestExtension", "reviewing", "lead")).toBe("reviewing");
    expect(to("draftReply", "handling", "lead")).toBe("drafting");
    expect(to("submitDraft", "drafting", "lead", "cosign")).toBe("cosigning");
    expect(to("submitDraft", "drafting", "lead", "review")).toBe("reviewing");
    expect(to("signoff", "cosigning", "coHandler", "signed")).toBe("cosigning");
    expect(to("signoff", "cosigning", "coHandler", "lastSigned")).toBe("reviewing");
    expect(to("signoff", "cosigning", "coHandler", "commented")).toBe("drafting");
    expect(to("reviewReply", "reviewing", "leadReviewer", "approved")).toBe("submitted");
    expect(to("reviewReply", "reviewing", "leadReviewer", "rejected")).toBe("drafting");
    expect(to("acceptReply", "submitted", "office")).toBe("replied");
    expect(to("recordReply", "handling", "office", "evaluated")).toBe("evaluated");
    expect(to("returnReply", "submitted", "admin")).toBe("drafting");
    expect(to("recordFeedback", "replied", "lead")).toBe("evaluated");
    expect(to("close", "evaluated", "office")).toBe("closed");
    expect(to("reopen", "closed", "office", "evaluated")).toBe("evaluated");
    expect(to("reopen", "closed", "office", "replied")).toBe("replied");
    expect(to("issueNotice", "replied", "office")).toBe("replied");
  });

  it("refuses an outcome a step does not have", () => {
    expect(() => check("signoff", "cosigning", "coHandler", "maybe")).toThrow(RangeError);
  });

  it("offers each person the steps they may take, and nothing to those outside the item", () => {
    expect(availableSteps("handling", actors.lead, assignments)).toEqual([
      "acknowledge",
      "requestHandback",
      "requestExtension",
      "draftReply",
      "acknowledgeNotice",
      "answerNotice",
    ]);
    expect(availableSteps("reviewing", actors.leadReviewer, assignments)).toContain("reviewReply");
    expect(availableSteps("reviewing", actors.lead, assignments)).not.toContain("reviewReply");
    expect(availableSteps("handling", actors.otherStaff, assignments)).toEqual([]);
    expect(availableSteps("closed", actors.official, assignments)).toEqual([]);
    expect(availableSteps("closed", actors.office, assignments)).toEqual(["reopen"]);
  });
});
