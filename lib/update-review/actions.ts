"use server";
// The review queue's one write: approve or reject the checked proposals (lib/update-review/review.ts),
// each in its own transaction. The whole batch is refused, changing nothing, when it names a proposal
// the reviewer may not review; otherwise each goes through or is refused on its own.
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { type ReviewOutcome, reviewProposedUpdate } from "./review";
import { canReviewUpdates, mayReview } from "./rule";
import { reviewInput } from "./schema";

/** The form's answer, with each proposal's outcome so that the queue can mark the ones refused. */
export type ReviewState = FormState & { outcomes?: Record<string, ReviewOutcome> };

export const reviewProposedUpdates = formAction(
  reviewInput,
  { allow: canReviewUpdates },
  async ({ input, user, t: tValidation }): Promise<ReviewState> => {
    const ids = [...new Set(input.ids)];
    const proposals = await db.proposedUpdate.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        agencyId: true,
        recommendation: { select: { code: true } },
        action: { select: { code: true } },
      },
    });
    if (proposals.length !== ids.length) return { formError: tValidation("notFound") };
    if (proposals.some((proposal) => !mayReview(user, proposal.agencyId)))
      return { formError: tValidation("forbidden") };

    const outcomes: Record<string, ReviewOutcome> = {};
    for (const proposal of proposals)
      outcomes[proposal.id] = await reviewProposedUpdate(
        db,
        user,
        proposal.id,
        input.decision === "reject"
          ? { decision: "reject", reason: input.reason ?? "" }
          : { decision: "approve" },
      );
    revalidateApp();

    const t = await getTranslations("updateReview.result");
    const done = proposals.filter((p) => outcomes[p.id] === "approved" || outcomes[p.id] === "rejected");
    const refused = proposals.filter((p) => !done.includes(p));
    const codeOf = (p: (typeof proposals)[number]) => p.action?.code ?? p.recommendation?.code ?? "";
    const state: ReviewState = { outcomes };
    if (done.length > 0)
      state.notice = t(input.decision === "approve" ? "approved" : "rejected", { count: done.length });
    if (refused.length > 0)
      state.formError = refused
        .map((p) =>
          t(`refused.${outcomes[p.id] as Exclude<ReviewOutcome, "approved" | "rejected">}`, {
            code: codeOf(p),
          }),
        )
        .join(" ");
    return state;
  },
  { arrays: ["ids"] },
);
