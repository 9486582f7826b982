"use server";
// 督办 (DOMAIN.md "The whole handling cycle"): the office marks an item 重点督办 and issues 督办单 to
// its lead agency, whose staff acknowledge and then answer each one. Every step goes through takeStep
// (the machine, the stage and version, history, audit, notification); the notice itself is written in
// the same transaction, and the database keeps it as written (the *_handling_cycle_constraints
// triggers: acknowledged once, answered once, never changed or deleted).
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/session";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import { inTransaction, stepAccess, stepTaken } from "./step-write";
import { answerNoticeInput, issueNoticeInput, noticeInput, priorityInput } from "./supervision-schema";
import { loadStepItem, type StepRefusal, takeStep } from "./take-step";

async function refuse(reason: StepRefusal): Promise<never> {
  const t = await getTranslations("cycle.refused");
  throw new FormRefused({ formError: t(reason) });
}

async function refuseWith(key: string): Promise<never> {
  const t = await getTranslations("supervision");
  throw new FormRefused({ formError: t(key) });
}

const ok = stepTaken;

/** One transaction; its answer is the notice `write` names (supervision.*). */
function inOneTransaction(write: (tx: DbClient) => Promise<string>): Promise<FormState> {
  return inTransaction(async (tx) => {
    const key = await write(tx);
    return { notice: (await getTranslations("supervision"))(key) };
  });
}

/** 重点督办: the office marks the item as a priority, or takes the mark off. */
export const setPriority = formAction(
  priorityInput,
  { allowOn: stepAccess("setPriority"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const rec = await tx.recommendation.findUnique({
        where: { id: input.recommendationId },
        select: { priority: true },
      });
      if (rec && rec.priority === input.priority) await refuseWith("priorityUnchanged");
      await ok(
        await takeStep(tx, {
          step: "setPriority",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          agencyId: null,
          data: { priority: input.priority },
          changes: { priority: input.priority },
        }),
      );
      return input.priority ? "priorityMarked" : "priorityUnmarked";
    }),
);

/** 督办单: the office issues a notice to the lead agency, with its level, text and answer day. */
export const issueNotice = formAction(
  issueNoticeInput,
  { allowOn: stepAccess("issueNotice"), refusal: "cycle.refused.party" },
  async ({ input, user }) => {
    const now = new Date();
    if (input.answerDueAt < toShanghaiDateString(now)) {
      const t = await getTranslations("supervision");
      return { fieldErrors: { answerDueAt: [t("answerDuePast")] } };
    }
    return inOneTransaction(async (tx) => {
      const item = await loadStepItem(tx, input.recommendationId);
      const lead = item?.agencies.find((agency) => agency.role === "lead");
      const result = await takeStep(tx, {
        step: "issueNotice",
        recommendationId: input.recommendationId,
        version: input.version,
        actor: user,
        agencyId: lead?.agencyId ?? null,
        note: input.text,
        data: { level: input.level, answerDueAt: input.answerDueAt },
        now,
      });
      await ok(result);
      // Every supervised stage has a lead; should it have none, nobody could answer.
      if (!lead) return refuse("stage");
      await tx.supervisionNotice.create({
        data: {
          recommendationId: input.recommendationId,
          agencyId: lead.agencyId,
          level: input.level,
          text: input.text,
          answerDueAt: shanghaiDate(input.answerDueAt),
          issuedById: user.id,
          createdAt: now,
        },
      });
      return "issued";
    });
  },
);

/** The notice the lead agency's staff acts on: this item's, addressed to their own agency. */
async function ownNotice(
  tx: DbClient,
  user: CurrentUser,
  input: { noticeId: string; recommendationId: string },
) {
  const notice = await tx.supervisionNotice.findUnique({ where: { id: input.noticeId } });
  if (!notice || notice.recommendationId !== input.recommendationId) return refuse("notFound");
  if (notice.agencyId !== user.agencyId) return refuse("party");
  return notice;
}

/** The lead agency's staff acknowledges a notice (once). */
export const acknowledgeNotice = formAction(
  noticeInput,
  { allowOn: stepAccess("acknowledgeNotice"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const notice = await ownNotice(tx, user, input);
      if (notice.acknowledgedAt) await refuseWith("alreadyAcknowledged");
      const now = new Date();
      await ok(
        await takeStep(tx, {
          step: "acknowledgeNotice",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          data: { noticeId: notice.id, level: notice.level },
          now,
        }),
      );
      const { count } = await tx.supervisionNotice.updateMany({
        where: { id: notice.id, acknowledgedAt: null },
        data: { acknowledgedAt: now, acknowledgedById: user.id },
      });
      if (count === 0) await refuse("conflict");
      return "acknowledged";
    }),
);

/** The lead agency's staff answers an acknowledged notice (once); the answer is kept as written. */
export const answerNotice = formAction(
  answerNoticeInput,
  { allowOn: stepAccess("answerNotice"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const notice = await ownNotice(tx, user, input);
      if (!notice.acknowledgedAt) await refuseWith("acknowledgeFirst");
      if (notice.answeredAt) await refuseWith("alreadyAnswered");
      const now = new Date();
      await ok(
        await takeStep(tx, {
          step: "answerNotice",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          note: input.answer,
          data: {
            noticeId: notice.id,
            level: notice.level,
            late: toShanghaiDateString(now) > toShanghaiDateString(notice.answerDueAt),
          },
          now,
        }),
      );
      const { count } = await tx.supervisionNotice.updateMany({
        where: { id: notice.id, answeredAt: null },
        data: { answer: input.answer, answeredAt: now, answeredById: user.id },
      });
      if (count === 0) await refuse("conflict");
      return "answered";
    }),
);
