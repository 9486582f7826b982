"use server";
// The requests to the office (DOMAIN.md "The whole handling cycle", 3 and 5): an assigned agency asks to
// hand an item back (退回/改办) within N working days of its assignment, the lead asks for a later reply
// deadline (延期, at most 6 months from the assignment); the office approves or rejects each, with a reason.
// Every one is a step of the machine taken through takeStep (stage, version, history, audit,
// notification) in one transaction with the request it writes or decides; a refusal writes nothing.
import { getTranslations } from "next-intl/server";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import { replyDueDate } from "@/lib/recommendations/reply-clock";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import { extensionLimit, extensionProblem, handbackInTime } from "./request-clock";
import {
  decideExtensionInput,
  decideHandbackInput,
  requestExtensionInput,
  requestHandbackInput,
} from "./request-schema";
import { loadCycleSettings } from "./settings";
import { inTransaction, stepAccess, stepTaken } from "./step-write";
import { takeStep } from "./take-step";
import { loadWorkingCalendar } from "./working-days";

async function refuse(key: string, values?: Record<string, string>): Promise<never> {
  const t = await getTranslations("cycleRequests.refused");
  throw new FormRefused({ formError: t(key, values) });
}

async function refuseField(field: string, key: string, values?: Record<string, string>): Promise<never> {
  const t = await getTranslations("cycleRequests.refused");
  throw new FormRefused({ fieldErrors: { [field]: [t(key, values)] } });
}

const ok = stepTaken;

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** Runs `write` in one transaction; a refusal, or a second pending request, undoes it and answers why. */
function inOneTransaction(write: (tx: DbClient) => Promise<FormState>): Promise<FormState> {
  return inTransaction(write, async (error) =>
    // Two requests at once: the database keeps one pending (the *_one_pending indexes).
    isUniqueViolation(error)
      ? { formError: (await getTranslations("cycleRequests.refused"))("pending") }
      : null,
  );
}

async function saved(key: string): Promise<FormState> {
  const t = await getTranslations("cycleRequests");
  return { notice: t(key) };
}

const day = (value: Date) => toShanghaiDateString(value);

/** The item's dates an extension is measured against, or a refusal when it has none yet. */
async function replyDates(tx: DbClient, recommendationId: string) {
  const rec = await tx.recommendation.findUniqueOrThrow({
    where: { id: recommendationId },
    select: { assignedAt: true, replyDueAt: true, leadAgencyId: true },
  });
  if (!rec.assignedAt || !rec.replyDueAt) return refuse("noDeadline");
  return { assignedOn: day(rec.assignedAt), dueOn: day(rec.replyDueAt), leadAgencyId: rec.leadAgencyId };
}

/** 延期: the lead agency's staff asks for a later reply deadline, with a reason. */
export const requestExtension = formAction(
  requestExtensionInput,
  { allowOn: stepAccess("requestExtension"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const dates = await replyDates(tx, input.recommendationId);
      await ok(
        await takeStep(tx, {
          step: "requestExtension",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          note: input.reason,
          data: { previousDueAt: dates.dueOn, requestedDueAt: input.requestedDueAt },
        }),
      );
      const problem = extensionProblem(input.requestedDueAt, dates.dueOn, dates.assignedOn);
      if (problem)
        await refuseField("requestedDueAt", problem, {
          due: dates.dueOn,
          limit: extensionLimit(dates.assignedOn),
        });
      const pending = await tx.extensionRequest.count({
        where: { recommendationId: input.recommendationId, state: "pending" },
      });
      if (pending > 0) await refuse("pending");
      await tx.extensionRequest.create({
        data: {
          recommendationId: input.recommendationId,
          previousDueAt: shanghaiDate(dates.dueOn),
          requestedDueAt: shanghaiDate(input.requestedDueAt),
          reason: input.reason,
          requestedById: user.id,
        },
      });
      return saved("extension.requested");
    }),
);

/** The office approves (the reply deadline moves to the one asked for) or rejects an extension. */
export const decideExtension = formAction(
  decideExtensionInput,
  { allowOn: stepAccess("decideExtension"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const request = await tx.extensionRequest.findFirst({
        where: { id: input.requestId, recommendationId: input.recommendationId },
      });
      if (!request) return refuse("requestNotFound");
      if (request.state !== "pending") return refuse("decided");
      const dates = await replyDates(tx, input.recommendationId);
      const requestedOn = day(request.requestedDueAt);
      const approved = input.decision === "approved";
      await ok(
        await takeStep(tx, {
          step: "decideExtension",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          agencyId: dates.leadAgencyId,
          note: input.reason ?? null,
          data: {
            requestId: request.id,
            decision: input.decision,
            previousDueAt: dates.dueOn,
            requestedDueAt: requestedOn,
          },
          changes: approved ? { replyDueAt: request.requestedDueAt } : {},
        }),
      );
      // The deadline or the assignment may have moved since it was asked: granted only if still allowed.
      if (approved) {
        const problem = extensionProblem(requestedOn, dates.dueOn, dates.assignedOn);
        if (problem)
          await refuse(`${problem}Now`, { due: dates.dueOn, limit: extensionLimit(dates.assignedOn) });
      }
      const { count } = await tx.extensionRequest.updateMany({
        where: { id: request.id, state: "pending" },
        data: {
          state: input.decision,
          decidedById: user.id,
          decidedAt: new Date(),
          decisionReason: input.reason ?? null,
        },
      });
      if (count === 0) await refuse("decided");
      return saved(approved ? "extension.approved" : "extension.rejected");
    }),
);

/** 退回/改办: an assigned agency's staff asks to hand the item back, within N working days of its assignment. */
export const requestHandback = formAction(
  requestHandbackInput,
  { allowOn: stepAccess("requestHandback"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const agencyId = user.agencyId ?? "";
      const own = await tx.recommendationAgency.findUnique({
        where: { recommendationId_agencyId: { recommendationId: input.recommendationId, agencyId } },
        select: { role: true, createdAt: true },
      });
      if (!own) return refuse("notAssigned");
      await ok(
        await takeStep(tx, {
          step: "requestHandback",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          agencyId,
          note: input.reason,
          data: { role: own.role, suggestedAgencyId: input.suggestedAgencyId ?? null },
        }),
      );
      const [calendar, settings] = await Promise.all([loadWorkingCalendar(tx), loadCycleSettings(tx)]);
      const assignedOn = day(own.createdAt);
      if (!handbackInTime(calendar, assignedOn, day(new Date()), settings.handbackWorkingDays))
        await refuse("late", { days: String(settings.handbackWorkingDays) });
      if (input.suggestedAgencyId !== undefined) {
        if (input.suggestedAgencyId === agencyId) await refuseField("suggestedAgencyId", "suggestedSelf");
        const suggested = await tx.agency.findUnique({
          where: { id: input.suggestedAgencyId },
          select: { active: true },
        });
        if (!suggested?.active) await refuseField("suggestedAgencyId", "agencyUnknown");
      }
      const pending = await tx.handbackRequest.count({
        where: { recommendationId: input.recommendationId, agencyId, state: "pending" },
      });
      if (pending > 0) await refuse("pending");
      await tx.handbackRequest.create({
        data: {
          recommendationId: input.recommendationId,
          agencyId,
          reason: input.reason,
          suggestedAgencyId: input.suggestedAgencyId ?? null,
          requestedById: user.id,
        },
      });
      return saved("handback.requested");
    }),
);

/**
 * The office decides a hand-back. Approved, the agency leaves the item: a lead is replaced by the new
 * lead the office names (a new assignment, so its 签收 clock and the reply deadline start again from
 * today, as 交办 sets them); a co-handler is removed, or replaced. Rejected, nothing else changes.
 */
export const decideHandback = formAction(
  decideHandbackInput,
  { allowOn: stepAccess("decideHandback"), refusal: "cycle.refused.party" },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const request = await tx.handbackRequest.findFirst({
        where: { id: input.requestId, recommendationId: input.recommendationId },
      });
      if (!request) return refuse("requestNotFound");
      if (request.state !== "pending") return refuse("decided");
      const rows = await tx.recommendationAgency.findMany({
        where: { recommendationId: input.recommendationId },
        select: { agencyId: true, role: true },
      });
      const leaving = rows.find((row) => row.agencyId === request.agencyId);
      const approved = input.decision === "approved";
      // Reassigned some other way since it asked: nothing left to hand back (it can still be rejected).
      if (!leaving && approved) await refuse("noLongerAssigned");
      const lead = leaving?.role === "lead";
      const to = approved ? (input.agencyId ?? null) : null;
      if (approved && lead && to === null) await refuseField("agencyId", "newLeadRequired");
      if (to !== null) {
        if (to === request.agencyId) await refuseField("agencyId", "sameAgency");
        const agency = await tx.agency.findUnique({ where: { id: to }, select: { active: true } });
        if (!agency?.active) await refuseField("agencyId", "agencyUnknown");
        // A co-handler may become the lead; a replacement co-handler must be new to the item.
        const already = rows.find((row) => row.agencyId === to);
        if (already && !(lead && already.role === "co_handler"))
          await refuseField("agencyId", "alreadyAssigned");
      }
      const now = new Date();
      const today = day(now);
      // The lead that leaves takes its pending extension with it: the deadline it asked to move is no
      // longer its own, and the new lead's clock starts again from today.
      const closedExtensions =
        approved && lead
          ? (
              await tx.extensionRequest.findMany({
                where: { recommendationId: input.recommendationId, state: "pending" },
                select: { id: true },
              })
            ).map((extension) => extension.id)
          : [];
      await ok(
        await takeStep(tx, {
          step: "decideHandback",
          recommendationId: input.recommendationId,
          version: input.version,
          actor: user,
          outcome: !approved ? "rejected" : lead ? "newLead" : "approved",
          agencyId: request.agencyId,
          note: input.reason ?? null,
          data: {
            requestId: request.id,
            decision: input.decision,
            role: leaving?.role ?? null,
            ...(to ? { toAgencyId: to } : {}),
            ...(approved && lead ? { assignedAt: today, replyDueAt: replyDueDate(today) } : {}),
            ...(closedExtensions.length > 0 ? { closedExtensionIds: closedExtensions } : {}),
          },
          // A new lead is a new assignment: the reply clock restarts from it, as 交办 sets it.
          changes:
            approved && lead
              ? { assignedAt: shanghaiDate(today), replyDueAt: shanghaiDate(replyDueDate(today)) }
              : {},
          now,
        }),
      );
      if (closedExtensions.length > 0)
        await tx.extensionRequest.updateMany({
          where: { id: { in: closedExtensions }, state: "pending" },
          data: {
            state: "rejected",
            decidedById: user.id,
            decidedAt: now,
            // No reason of the office's own: one without is one closed with its hand-back
            // (request-queries.ts), as the office gives a reason for every rejection it makes.
            decisionReason: null,
          },
        });
      if (approved) {
        const leavingIds = [request.agencyId, ...(to && lead ? [to] : [])];
        await tx.recommendationAgency.deleteMany({
          where: { recommendationId: input.recommendationId, agencyId: { in: leavingIds } },
        });
        if (to)
          await tx.recommendationAgency.create({
            data: {
              recommendationId: input.recommendationId,
              agencyId: to,
              role: lead ? "lead" : "co_handler",
              createdAt: now,
            },
          });
      }
      const { count } = await tx.handbackRequest.updateMany({
        where: { id: request.id, state: "pending" },
        data: {
          state: input.decision,
          decidedById: user.id,
          decidedAt: now,
          decisionReason: input.reason ?? null,
        },
      });
      if (count === 0) await refuse("decided");
      return saved(approved ? "handback.approved" : "handback.rejected");
    }),
);
