"use server";
// The reply workflow of a recommendation (DOMAIN.md "The whole handling cycle", 答复): the lead drafts
// and submits, the co-handlers sign (会签), the lead's reviewer approves (审核), the office accepts
// (受理, only then it counts as replied) or sends it back; then the office closes it (办结) or reopens it.
// Every step goes through takeStep (the machine, the stage and version, history, audit, notification);
// what it writes besides is written in the same transaction.
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { shanghaiToday } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import {
  acceptInput,
  closeInput,
  draftInput,
  reasonInput,
  reviewInput,
  signoffInput,
  stepInput,
} from "./reply-schema";
import { inTransaction, stepAccess, stepTaken } from "./step-write";
import { loadStepItem, type StepRefusal, takeStep } from "./take-step";

async function refusal(reason: StepRefusal): Promise<FormState> {
  const t = await getTranslations("cycle.refused");
  return { formError: t(reason) };
}

const ok = stepTaken;

async function saved(): Promise<FormState> {
  const t = await getTranslations("validation");
  return { notice: t("saved") };
}

type Item = z.infer<typeof stepInput>;

async function currentDraft(tx: DbClient, input: Item) {
  const draft = await tx.replyDraft.findUnique({ where: { recommendationId: input.recommendationId } });
  if (!draft) {
    const t = await getTranslations("cycle.reply");
    throw new FormRefused({ formError: t("noDraft") });
  }
  return draft;
}

/** 起草: the lead writes (or revises) the reply draft. */
export const draftReply = formAction(
  draftInput,
  { allowOn: stepAccess("draftReply") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      await ok(
        await takeStep(tx, {
          step: "draftReply",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          data: { replyClass: input.replyClass },
        }),
      );
      const fields = { replyClass: input.replyClass, text: input.text, letterUrl: input.letterUrl ?? null };
      await tx.replyDraft.upsert({
        where: { recommendationId: input.recommendationId },
        create: { recommendationId: input.recommendationId, ...fields, draftedById: user.id },
        update: { ...fields, draftedById: user.id },
      });
      return saved();
    }),
);

/** 提交: the lead sends the draft to its co-handlers to sign, or to its reviewer when there are none. */
export const submitDraft = formAction(
  stepInput,
  { allowOn: stepAccess("submitDraft") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const item = await loadStepItem(tx, input.recommendationId);
      const draft = item?.stage === "drafting" ? await currentDraft(tx, input) : null;
      const cosign = item?.agencies.some((agency) => agency.role === "co_handler") ?? false;
      await ok(
        await takeStep(tx, {
          step: "submitDraft",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          outcome: cosign ? "cosign" : "review",
          data: draft ? { round: draft.round } : undefined,
        }),
      );
      return saved();
    }),
);

/** 会签: a co-handler signs this round of the draft, or comments on it (back to the lead, a new round). */
export const signoffReply = formAction(
  signoffInput,
  { allowOn: stepAccess("signoff") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const item = await loadStepItem(tx, input.recommendationId);
      if (!item) throw new FormRefused(await refusal("notFound"));
      if (item.stage !== "cosigning") throw new FormRefused(await refusal("stage"));
      const draft = await currentDraft(tx, input);
      const agencyId = user.agencyId ?? "";
      const already = await tx.replySignoff.findUnique({
        where: {
          recommendationId_round_agencyId: { recommendationId: item.id, round: draft.round, agencyId },
        },
      });
      if (already) throw new FormRefused(await refusal("conflict"));
      const coHandlers = item.agencies
        .filter((agency) => agency.role === "co_handler")
        .map((a) => a.agencyId);
      const signedBefore = await tx.replySignoff.findMany({
        where: { recommendationId: item.id, round: draft.round, decision: "signed" },
        select: { agencyId: true },
      });
      const signed = new Set([...signedBefore.map((s) => s.agencyId), agencyId]);
      const outcome =
        input.decision === "commented"
          ? "commented"
          : coHandlers.every((id) => signed.has(id))
            ? "lastSigned"
            : "signed";
      await ok(
        await takeStep(tx, {
          step: "signoff",
          recommendationId: item.id,
          version: input.version,
          actor: user,
          outcome,
          note: input.comment ?? null,
          data: { round: draft.round, decision: input.decision },
        }),
      );
      await tx.replySignoff.create({
        data: {
          recommendationId: item.id,
          round: draft.round,
          agencyId,
          decision: input.decision,
          comment: input.comment ?? null,
          userId: user.id,
        },
      });
      if (outcome === "commented") await nextRound(tx, item.id);
      return saved();
    }),
);

/** The draft goes back to the lead: its next submission is signed afresh. */
async function nextRound(tx: DbClient, recommendationId: string) {
  await tx.replyDraft.update({ where: { recommendationId }, data: { round: { increment: 1 } } });
}

/** 审核: the lead agency's reviewer approves the draft for the office, or sends it back with a reason. */
export const reviewReply = formAction(
  reviewInput,
  { allowOn: stepAccess("reviewReply") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const result = await takeStep(tx, {
        step: "reviewReply",
        recommendationId: input.recommendationId,
        version: input.version,
        actor: user,
        outcome: input.decision,
        note: input.reason ?? null,
      });
      await ok(result);
      const draft = await currentDraft(tx, input);
      if (input.decision === "rejected") await nextRound(tx, draft.recommendationId);
      return saved();
    }),
);

/**
 * 受理: the office accepts the reply, with its class (which may correct the lead's; both are kept). Only
 * now is the recommendation replied, today.
 */
export const acceptReply = formAction(
  acceptInput,
  { allowOn: stepAccess("acceptReply") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const draft = await tx.replyDraft.findUnique({ where: { recommendationId: input.recommendationId } });
      const now = new Date();
      await ok(
        await takeStep(tx, {
          step: "acceptReply",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          data: {
            replyClass: input.replyClass,
            ...(draft && draft.replyClass !== input.replyClass ? { draftClass: draft.replyClass } : {}),
          },
          changes: { repliedAt: shanghaiToday(now), replyClass: input.replyClass },
          now,
        }),
      );
      await currentDraft(tx, input);
      await tx.replyDraft.update({
        where: { recommendationId: input.recommendationId },
        data: { acceptedClass: input.replyClass, acceptedAt: now },
      });
      return saved();
    }),
);

/** The office sends the reply back to the lead, with a reason: a new round. */
export const returnReply = formAction(
  reasonInput,
  { allowOn: stepAccess("returnReply") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      await ok(
        await takeStep(tx, {
          step: "returnReply",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          note: input.reason,
        }),
      );
      await currentDraft(tx, input);
      await nextRound(tx, input.recommendationId);
      return saved();
    }),
);

const DONE = new Set(["completed", "not_adopted"]);

/** 办结: the office closes a replied item; with actions still open, only with a written account of them. */
export const closeRecommendation = formAction(
  closeInput,
  { allowOn: stepAccess("close") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const actions = await tx.action.findMany({
        where: { recommendationId: input.recommendationId },
        select: { status: true },
      });
      const open = actions.filter((action) => !DONE.has(action.status)).length;
      if (open > 0 && !input.note) {
        const t = await getTranslations("cycle.closing");
        return { fieldErrors: { note: [t("openActionsNeedNote", { count: open })] } };
      }
      const now = new Date();
      await ok(
        await takeStep(tx, {
          step: "close",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          note: input.note ?? null,
          data: { openActions: open },
          changes: { closedAt: now },
          now,
        }),
      );
      return saved();
    }),
);

/** The office reopens a closed item, with a reason: back to replied, or evaluated once rated. */
export const reopenRecommendation = formAction(
  reasonInput,
  { allowOn: stepAccess("reopen") },
  async ({ input, user }) =>
    inTransaction(async (tx) => {
      const rec = await tx.recommendation.findUnique({
        where: { id: input.recommendationId },
        select: { feedbackAt: true },
      });
      await ok(
        await takeStep(tx, {
          step: "reopen",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          outcome: rec?.feedbackAt ? "evaluated" : "replied",
          note: input.reason,
          changes: { closedAt: null },
        }),
      );
      return saved();
    }),
);
