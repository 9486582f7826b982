// The handling cycle of a recommendation as one table (DOMAIN.md "The whole handling cycle"):
// 交办 → 签收 → 办理 → 答复 (起草, 会签, 审核, 受理) → 评价 → 办结, with the requests to the office (退回/改办,
// 延期) and its supervision (督办) beside it. Every step the server takes is checked here first: from
// which stages it may be taken, by whom, and to which stage it leads. The database refuses what it can
// of the same (the *_handling_cycle_constraints migrations).
import type { Actor } from "@/lib/auth/permissions";
import type { AgencyRole, CycleStage } from "@/lib/db/enums";

export const STAGES = [
  "unassigned",
  "assigned",
  "handling",
  "drafting",
  "cosigning",
  "reviewing",
  "submitted",
  "replied",
  "evaluated",
  "closed",
] as const satisfies readonly CycleStage[];

/**
 * Who may take a step: the office (交办/督办部门, or an admin acting as office); the staff of any agency
 * the item is assigned to, of its lead (主办) or of a co-handler (协办); the lead agency's reviewer; a
 * deputy (代表) of the item's proposal (the machine knows the role; take-step.ts checks the proposal).
 */
export type Party = "office" | "assignee" | "lead" | "coHandler" | "leadReviewer" | "deputy";

/** Where a step leads: a stage, the stage it was taken from, or one chosen by how it went. */
type Target = CycleStage | "same" | { [outcome: string]: CycleStage | "same" };

type Rule = { from: readonly CycleStage[]; by: readonly Party[]; to: Target };

/** Before the office has accepted a reply: the item is still being handled. */
const OPEN: readonly CycleStage[] = [
  "assigned",
  "handling",
  "drafting",
  "cosigning",
  "reviewing",
  "submitted",
];
/** Assigned and not closed: what the office may supervise. */
const SUPERVISED: readonly CycleStage[] = [...OPEN, "replied", "evaluated"];

export const STEPS = {
  /** 交办: the office gives the item to a lead and co-handlers. */
  assign: { from: ["unassigned"], by: ["office"], to: "assigned" },
  /** 签收: an agency acknowledges its assignment; the lead's moves the item into handling. */
  acknowledge: { from: OPEN, by: ["assignee"], to: { lead: "handling", coHandler: "same" } },
  /** 退回/改办: an agency asks to hand the item back (within N working days of its assignment). */
  requestHandback: { from: ["assigned", "handling"], by: ["assignee"], to: "same" },
  /** The office approves (reassigning: a new lead starts the clocks again) or rejects. */
  decideHandback: {
    from: ["assigned", "handling"],
    by: ["office"],
    to: { newLead: "assigned", approved: "same", rejected: "same" },
  },
  /** 协办意见: a co-handler's written view to the lead. */
  submitView: { from: ["assigned", "handling", "drafting"], by: ["coHandler"], to: "same" },
  /** 延期: the lead asks for a later reply deadline; the office decides. */
  requestExtension: { from: OPEN, by: ["lead"], to: "same" },
  decideExtension: { from: OPEN, by: ["office"], to: "same" },
  /** The lead drafts the reply, or revises it after it came back. */
  draftReply: { from: ["handling", "drafting"], by: ["lead"], to: "drafting" },
  /** The draft goes to the co-handlers to sign (会签), or straight to review when there are none. */
  submitDraft: { from: ["drafting"], by: ["lead"], to: { cosign: "cosigning", review: "reviewing" } },
  /** 会签: a co-handler signs the draft (the last one sends it to review) or comments (back to the lead). */
  signoff: {
    from: ["cosigning"],
    by: ["coHandler"],
    to: { signed: "same", lastSigned: "reviewing", commented: "drafting" },
  },
  /** 审核: the lead agency's reviewer approves the draft for the office, or sends it back. */
  reviewReply: {
    from: ["reviewing"],
    by: ["leadReviewer"],
    to: { approved: "submitted", rejected: "drafting" },
  },
  /** 补录: the office records a reply made outside the tracker (before it was used), as accepted. */
  recordReply: { from: OPEN, by: ["office"], to: { replied: "replied", evaluated: "evaluated" } },
  /** The office accepts the reply (and may correct its class): only now does it count as replied. */
  acceptReply: { from: ["submitted"], by: ["office"], to: "replied" },
  returnReply: { from: ["submitted"], by: ["office"], to: "drafting" },
  /** 评价: the deputy rates the reply (lib/rating), or the lead or the office records it on their behalf. */
  recordFeedback: { from: ["replied", "evaluated"], by: ["lead", "office", "deputy"], to: "evaluated" },
  /** 办结: the office closes the item; a closed one can be reopened, with a reason. */
  close: { from: ["replied", "evaluated"], by: ["office"], to: "closed" },
  reopen: { from: ["closed"], by: ["office"], to: { replied: "replied", evaluated: "evaluated" } },
  /** 督办: priority marks and supervision notices, and the lead agency's answers to them. */
  setPriority: { from: SUPERVISED, by: ["office"], to: "same" },
  issueNotice: { from: SUPERVISED, by: ["office"], to: "same" },
  acknowledgeNotice: { from: SUPERVISED, by: ["lead"], to: "same" },
  answerNotice: { from: SUPERVISED, by: ["lead"], to: "same" },
} as const satisfies Record<string, Rule>;

export type Step = keyof typeof STEPS;

/** A co-handler's written view (协办意见) is owed while it may still be sent: until the draft goes out. */
export const VIEWS_OWED_STAGES: ReadonlySet<CycleStage> = new Set(STEPS.submitView.from);

/** The outcomes a step may have, when where it leads depends on them. */
export type Outcome<S extends Step> = (typeof STEPS)[S]["to"] extends infer T
  ? T extends Record<string, unknown>
    ? keyof T & string
    : never
  : never;

type Assignment = { agencyId: string; role: AgencyRole };

/** The parties `actor` is, for an item assigned as `assignments`. */
export function partiesOf(actor: Actor, assignments: readonly Assignment[]): Set<Party> {
  const parties = new Set<Party>();
  if (actor.role === "office" || actor.role === "admin") parties.add("office");
  if (actor.role === "deputy") parties.add("deputy");
  if (actor.role !== "staff" || actor.agencyId === null) return parties;
  const own = assignments.find((assignment) => assignment.agencyId === actor.agencyId);
  if (!own) return parties;
  parties.add("assignee");
  parties.add(own.role === "lead" ? "lead" : "coHandler");
  if (own.role === "lead" && actor.isReviewer) parties.add("leadReviewer");
  return parties;
}

/** Whether `actor` is one of the parties that take `step` (whatever the stage). */
export function isPartyTo(step: Step, actor: Actor, assignments: readonly Assignment[]): boolean {
  const parties = partiesOf(actor, assignments);
  return STEPS[step].by.some((party) => parties.has(party));
}

export type StepCheck =
  | { ok: true; to: CycleStage }
  /** stage: not from where the item is; party: not by this person. */
  | { ok: false; reason: "stage" | "party" };

/**
 * Whether `actor` may take `step` on an item at `stage`, and where it leads. A step whose target
 * depends on how it went needs its `outcome`.
 */
export function checkStep<S extends Step>(
  step: S,
  stage: CycleStage,
  actor: Actor,
  assignments: readonly Assignment[],
  ...outcome: Outcome<S> extends never ? [] : [Outcome<S>]
): StepCheck {
  const rule: Rule = STEPS[step];
  if (!rule.from.includes(stage)) return { ok: false, reason: "stage" };
  const parties = partiesOf(actor, assignments);
  if (!rule.by.some((party) => parties.has(party))) return { ok: false, reason: "party" };
  const target = typeof rule.to === "string" ? rule.to : rule.to[outcome[0] ?? ""];
  if (target === undefined) throw new RangeError(`${step}: no outcome ${String(outcome[0])}`);
  return { ok: true, to: target === "same" ? stage : target };
}

/** The steps `actor` may take now (the item page offers these, and only these). */
export function availableSteps(stage: CycleStage, actor: Actor, assignments: readonly Assignment[]): Step[] {
  const parties = partiesOf(actor, assignments);
  return (Object.keys(STEPS) as Step[]).filter((step) => {
    const rule: Rule = STEPS[step];
    return rule.from.includes(stage) && rule.by.some((party) => parties.has(party));
  });
}
