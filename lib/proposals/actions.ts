"use server";

// Managing proposals and their recommendations: admins only. Every changed field is audited on its
// own (before → after), so that an item's history shows each edit beside its status updates. Nothing
// with history is deleted: proposals and recommendations are archived with a reason.
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type AuditInput, recordAudit } from "@/lib/audit/record";
import { type Actor, isAdmin, isOffice } from "@/lib/auth/permissions";
import { takeStep } from "@/lib/cycle/take-step";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { liveRecommendations } from "@/lib/db/live";
import { LIST_ORDER } from "@/lib/db/selects";
import { replyDueDate } from "@/lib/recommendations/reply-clock";
import { revalidateApp } from "@/lib/revalidate";
import { fieldErrorsFromKeys } from "@/lib/validation/form";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import { cosignersSnapshot, resolveProposalDeputies, writeCosigners } from "./deputies";
import {
  type AssignmentRow,
  assignmentInput,
  type ProposalFields,
  proposalArchiveInput,
  proposalEditInput,
  proposalEntryInput,
  type RecommendationFields,
  recommendationArchiveInput,
  recommendationCreateInput,
  recommendationEditInput,
  recommendationMoveInput,
} from "./schema";

const ARRAYS = ["coAgencyIds"] as const;
type Translate = (key: string) => string;
type Snapshot = Record<string, unknown>;

const dateOf = (value: string | undefined) => (value ? shanghaiDate(value) : null);
const dayOf = (value: Date | null) => (value ? toShanghaiDateString(value) : null);

function done(t: Translate): FormState {
  revalidateApp();
  return { notice: t("saved") };
}

/** One audit event per field whose value differs, as { field: before } → { field: after }. */
async function auditChangedFields(
  tx: DbClient,
  event: Omit<AuditInput, "before" | "after"> & { actorId: string },
  before: Snapshot,
  after: Snapshot,
) {
  for (const field of Object.keys(after)) {
    if (JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
    await recordAudit(tx, {
      ...event,
      before: { [field]: before[field] ?? null },
      after: { [field]: after[field] ?? null },
    });
  }
}

// Proposals -----------------------------------------------------------------------------------------

function proposalRow(input: ProposalFields) {
  return {
    code: input.code,
    officialNumber: input.officialNumber ?? null,
    titleZh: input.titleZh,
    titleEn: input.titleEn ?? null,
    authorZh: input.authorZh,
    authorEn: input.authorEn ?? null,
    congressSessionZh: input.congressSessionZh,
    congressSessionEn: input.congressSessionEn ?? null,
    submittedAt: shanghaiDate(input.submittedAt),
    summaryZh: input.summaryZh,
    summaryEn: input.summaryEn ?? null,
    sourceReferenceZh: input.sourceReferenceZh ?? null,
    sourceUrl: input.sourceUrl ?? null,
    sourceText: input.sourceText ?? null,
  };
}

type ProposalRow = ReturnType<typeof proposalRow>;
const proposalSnapshot = (row: ProposalRow): Snapshot => ({ ...row, submittedAt: dayOf(row.submittedAt) });

/** Changes a proposal's fields; each changed field is audited. */
export const editProposal = formAction(proposalEditInput, { allow: isAdmin }, async ({ input, user, t }) => {
  const tDeputy = await getTranslations("deputy.manage");
  // The refusal, or the code the proposal had (to tell whether the page's address changed).
  const result = await db.$transaction(async (tx): Promise<FormState | { previousCode: string }> => {
    const proposal = await tx.proposal.findUnique({
      where: { id: input.proposalId },
      include: { cosigners: { orderBy: { position: "asc" } } },
    });
    if (!proposal) return { formError: t("notFound") };
    if (await tx.proposal.findFirst({ where: { code: input.code, id: { not: proposal.id } } })) {
      return { fieldErrors: { code: [t("codeTaken")] } };
    }
    // The first author's account and the 联名代表 (issue 19): audited as fields of the proposal.
    const deputies = await resolveProposalDeputies(tx, input, tDeputy);
    if ("fieldErrors" in deputies) return deputies;
    const row = proposalRow(input);
    await tx.proposal.update({
      where: { id: proposal.id },
      data: { ...row, authorUserId: deputies.authorUserId },
    });
    const before = cosignersSnapshot(proposal.cosigners);
    const after = cosignersSnapshot(deputies.cosigners);
    if (JSON.stringify(before) !== JSON.stringify(after))
      await writeCosigners(tx, proposal.id, deputies.cosigners);
    await auditChangedFields(
      tx,
      { actorId: user.id, action: "proposal.edit", entityType: "Proposal", entityId: proposal.id },
      { ...proposalSnapshot(proposal), authorUserId: proposal.authorUserId, cosigners: before },
      { ...proposalSnapshot(row), authorUserId: deputies.authorUserId, cosigners: after },
    );
    return { previousCode: proposal.code };
  });
  if (!("previousCode" in result)) return result;
  if (result.previousCode !== input.code) {
    // The page's address carries the code: the old one is gone.
    revalidateApp();
    redirect(`/${await getLocale()}/admin/proposals/${encodeURIComponent(input.code)}`);
  }
  return done(t);
});

/** Archives a proposal and its recommendations: they leave every list, their history stays. */
export const archiveProposal = formAction(
  proposalArchiveInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx): Promise<FormState> => {
      const proposal = await tx.proposal.findUnique({ where: { id: input.proposalId } });
      if (!proposal) return { formError: t("notFound") };
      if (proposal.archivedAt) return {};
      const now = new Date();
      await tx.proposal.update({
        where: { id: proposal.id },
        data: { archivedAt: now, archivedReason: input.reason },
      });
      const recommendations = await tx.recommendation.findMany({
        where: liveRecommendations({ proposalId: proposal.id }),
        select: { id: true },
      });
      await tx.recommendation.updateMany({
        where: { id: { in: recommendations.map((rec) => rec.id) } },
        data: { archivedAt: now, archivedReason: input.reason, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "proposal.archive",
        entityType: "Proposal",
        entityId: proposal.id,
        before: { archivedAt: null },
        after: { archivedAt: now, archivedReason: input.reason },
      });
      for (const rec of recommendations) {
        await recordAudit(tx, {
          actorId: user.id,
          action: "recommendation.archive",
          entityType: "Recommendation",
          entityId: rec.id,
          before: { archivedAt: null },
          after: { archivedAt: now, archivedReason: input.reason },
        });
      }
      return done(t);
    });
  },
);

// Recommendations -----------------------------------------------------------------------------------

/** The ids the form sent, checked and turned into codes (what the history shows). */
async function resolveReferences(tx: DbClient, input: RecommendationFields) {
  const agencyIds = [...(input.leadAgencyId ? [input.leadAgencyId] : []), ...input.coAgencyIds];
  const [agencies, theme] = await Promise.all([
    tx.agency.findMany({ where: { id: { in: agencyIds }, active: true }, select: { id: true, code: true } }),
    input.themeId ? tx.theme.findUnique({ where: { id: input.themeId }, select: { code: true } }) : null,
  ]);
  const codeOf = new Map(agencies.map((agency) => [agency.id, agency.code]));
  const errors: Record<string, string[]> = {};
  if (input.leadAgencyId && !codeOf.has(input.leadAgencyId)) errors.leadAgencyId = ["invalid"];
  if (input.coAgencyIds.some((id) => !codeOf.has(id))) errors.coAgencyIds = ["invalid"];
  if (input.themeId && !theme) errors.themeId = ["invalid"];
  return {
    errors,
    leadAgency: input.leadAgencyId ? (codeOf.get(input.leadAgencyId) ?? null) : null,
    coAgencies: input.coAgencyIds.map((id) => codeOf.get(id) ?? id).sort(),
    theme: theme?.code ?? null,
  };
}

function recommendationRow(input: RecommendationFields) {
  return {
    code: input.code,
    titleZh: input.titleZh,
    titleEn: input.titleEn ?? null,
    descriptionZh: input.descriptionZh ?? "",
    descriptionEn: input.descriptionEn ?? null,
    sourceQuote: input.sourceQuote,
    themeId: input.themeId ?? null,
    startDate: dateOf(input.startDate),
    dueDate: dateOf(input.dueDate),
    assignedAt: dateOf(input.assignedAt),
    weight: input.weight,
  };
}

function agencyRows(input: RecommendationFields) {
  return [
    ...(input.leadAgencyId ? [{ agencyId: input.leadAgencyId, role: "lead" as const }] : []),
    ...input.coAgencyIds.map((agencyId) => ({ agencyId, role: "co_handler" as const })),
  ];
}

/**
 * Makes a recommendation's agencies the `wanted` ones, keeping the row (and so its createdAt, from
 * which the agency's clocks run, and its acknowledgement) of each agency that stays.
 */
async function syncAgencyRows(
  tx: DbClient,
  recommendationId: string,
  wanted: { agencyId: string; role: "lead" | "co_handler" }[],
) {
  const current = await tx.recommendationAgency.findMany({
    where: { recommendationId },
    select: { agencyId: true, role: true },
  });
  const roleOf = new Map(wanted.map((row) => [row.agencyId, row.role]));
  const gone = current.filter((row) => !roleOf.has(row.agencyId)).map((row) => row.agencyId);
  if (gone.length > 0)
    await tx.recommendationAgency.deleteMany({ where: { recommendationId, agencyId: { in: gone } } });
  // The lead that becomes a co-handler first, so that there is never two leads at once.
  const changed = current
    .filter((row) => roleOf.has(row.agencyId) && roleOf.get(row.agencyId) !== row.role)
    .sort((a, b) => (a.role === "lead" ? -1 : 0) - (b.role === "lead" ? -1 : 0));
  for (const row of changed)
    await tx.recommendationAgency.update({
      where: { recommendationId_agencyId: { recommendationId, agencyId: row.agencyId } },
      data: { role: roleOf.get(row.agencyId) },
    });
  const kept = new Set(current.map((row) => row.agencyId));
  const added = wanted.filter((row) => !kept.has(row.agencyId));
  if (added.length > 0)
    await tx.recommendationAgency.createMany({
      data: added.map((row) => ({ ...row, recommendationId })),
    });
}

type RecommendationRow = ReturnType<typeof recommendationRow>;
/** What the history shows of a recommendation's fields: dates as days, references as codes. */
/**
 * Writes a recommendation's edited fields and agencies, from the version read, and audits each field
 * that changed; false when someone saved it meanwhile (nothing written).
 */
async function saveRecommendationEdit(
  tx: DbClient,
  actorId: string,
  rec: Omit<RecommendationRow, "themeId"> & {
    id: string;
    theme: { code: string } | null;
    agencies: { role: string; agency: { code: string } }[];
  },
  version: number,
  input: RecommendationFields,
  refs: { theme: string | null; leadAgency: string | null; coAgencies: string[] },
): Promise<boolean> {
  const row = recommendationRow(input);
  const { count } = await tx.recommendation.updateMany({
    where: { id: rec.id, version },
    data: { ...row, version: { increment: 1 } },
  });
  if (count === 0) return false;
  await syncAgencyRows(tx, rec.id, agencyRows(input));
  await auditChangedFields(
    tx,
    { actorId, action: "recommendation.edit", entityType: "Recommendation", entityId: rec.id },
    recommendationSnapshot(rec, {
      theme: rec.theme?.code ?? null,
      leadAgency: rec.agencies.find((a) => a.role === "lead")?.agency.code ?? null,
      coAgencies: rec.agencies
        .filter((a) => a.role === "co_handler")
        .map((a) => a.agency.code)
        .sort(),
    }),
    recommendationSnapshot(row, refs),
  );
  return true;
}

function recommendationSnapshot(
  row: Omit<RecommendationRow, "themeId">,
  refs: { theme: string | null; leadAgency: string | null; coAgencies: string[] },
): Snapshot {
  return {
    code: row.code,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    sourceQuote: row.sourceQuote,
    theme: refs.theme,
    leadAgency: refs.leadAgency,
    coAgencies: refs.coAgencies,
    startDate: dayOf(row.startDate),
    dueDate: dayOf(row.dueDate),
    assignedAt: dayOf(row.assignedAt),
    weight: row.weight,
  };
}

function referenceErrors(errors: Record<string, string[]>, t: Translate): FormState | null {
  return Object.keys(errors).length === 0 ? null : { fieldErrors: fieldErrorsFromKeys(errors, t) };
}

/**
 * 交办 by whichever form gives an unassigned item its lead (the new-item form, the edit form, the
 * assignment grid): the day it is assigned on — the one recorded, else today — or null when the form
 * does not assign it.
 */
function assigningOn(
  rec: { stage: string; assignedAt: Date | null } | null,
  fields: { leadAgencyId?: string | null; assignedAt?: string | null },
): string | null {
  if ((rec?.stage ?? "unassigned") !== "unassigned" || !fields.leadAgencyId) return null;
  return fields.assignedAt || dayOf(rec?.assignedAt ?? null) || toShanghaiDateString(new Date());
}

/** The assign step of such a form, once its fields are saved (at `version`): null when taken. */
async function takeAssignStep(
  tx: DbClient,
  user: Actor,
  rec: { id: string; replyDueAt: Date | null },
  version: number,
  assignedAt: string,
  fields: { leadAgencyId?: string | null; coAgencyIds: string[] },
): Promise<string | null> {
  const step = await takeStep(tx, {
    step: "assign",
    recommendationId: rec.id,
    version,
    actor: user,
    agencyId: fields.leadAgencyId ?? null,
    data: { assignedAt, leadAgencyId: fields.leadAgencyId, coAgencyIds: fields.coAgencyIds },
    // The reply is due 3 months on, unless a deadline was recorded already.
    changes: rec.replyDueAt ? {} : { replyDueAt: shanghaiDate(replyDueDate(assignedAt)) },
  });
  return step.ok ? null : (await getTranslations("cycle.refused"))(step.reason);
}

/** Adds a recommendation at the end of a proposal's list. */
export const createRecommendation = formAction(
  recommendationCreateInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    return db
      .$transaction(async (tx): Promise<FormState> => {
        const proposal = await tx.proposal.findUnique({
          where: { id: input.proposalId },
          select: { id: true, archivedAt: true },
        });
        if (!proposal) return { formError: t("notFound") };
        if (proposal.archivedAt) return { formError: (await manageT())("proposalArchived") };
        const refs = await resolveReferences(tx, input);
        const refused = referenceErrors(refs.errors, t);
        if (refused) return refused;
        if (await tx.recommendation.findFirst({ where: { proposalId: proposal.id, code: input.code } })) {
          return { fieldErrors: { code: [t("codeTaken")] } };
        }
        const last = await tx.recommendation.aggregate({
          where: { proposalId: proposal.id },
          _max: { sortOrder: true },
        });
        const assignedOn = assigningOn(null, input);
        const row = recommendationRow({ ...input, assignedAt: assignedOn ?? input.assignedAt });
        const rec = await tx.recommendation.create({
          data: {
            ...row,
            proposalId: proposal.id,
            sortOrder: (last._max.sortOrder ?? 0) + 1,
            agencies: { create: agencyRows(input) },
          },
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: "recommendation.create",
          entityType: "Recommendation",
          entityId: rec.id,
          after: recommendationSnapshot(row, refs),
        });
        if (assignedOn) {
          const refusal = await takeAssignStep(tx, user, rec, rec.version, assignedOn, input);
          if (refusal) throw new FormRefused({ formError: refusal });
        }
        return done(t);
      })
      .catch((error: unknown) => {
        if (error instanceof FormRefused) return error.state;
        throw error;
      });
  },
  { arrays: ARRAYS },
);

/**
 * Changes a recommendation's fields and agencies, with the status form's optimistic versioning: an
 * edit made on a version someone else has since changed is refused, nothing written.
 */
export const editRecommendation = formAction(
  recommendationEditInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const tm = await manageT();
    const result = await db
      .$transaction(async (tx): Promise<FormState | { moved: string }> => {
        const rec = await tx.recommendation.findUnique({
          where: { id: input.recommendationId },
          include: {
            agencies: { select: { role: true, agency: { select: { code: true } } } },
            theme: { select: { code: true } },
          },
        });
        if (!rec) return { formError: t("notFound") };
        if (rec.archivedAt) return { formError: tm("recommendationArchived") };
        if (rec.version !== input.version) return { formError: tm("editConflict") };
        const refs = await resolveReferences(tx, input);
        const refused = referenceErrors(refs.errors, t);
        if (refused) return refused;
        const clash = await tx.recommendation.findFirst({
          where: { proposalId: rec.proposalId, code: input.code, id: { not: rec.id } },
        });
        if (clash) return { fieldErrors: { code: [t("codeTaken")] } };

        const assignedOn = assigningOn(rec, input);
        const fields = { ...input, assignedAt: assignedOn ?? input.assignedAt };
        if (!(await saveRecommendationEdit(tx, user.id, rec, input.version, fields, refs)))
          return { formError: tm("editConflict") };
        if (assignedOn) {
          const refusal = await takeAssignStep(tx, user, rec, input.version + 1, assignedOn, input);
          if (refusal) throw new FormRefused({ formError: refusal });
        }
        if (rec.code === input.code) return done(t);
        // The edit page's address carries the code: the old one is gone.
        const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: rec.proposalId } });
        return {
          moved: `/admin/proposals/${encodeURIComponent(proposal.code)}/${encodeURIComponent(input.code)}`,
        };
      })
      .catch((error: unknown) => {
        if (error instanceof FormRefused) return error.state;
        throw error;
      });
    if (!("moved" in result)) return result;
    revalidateApp();
    redirect(`/${await getLocale()}${result.moved}`);
  },
  { arrays: ARRAYS },
);

/** Archives a recommendation: it leaves every list and figure; its page and history stay. */
export const archiveRecommendation = formAction(
  recommendationArchiveInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const tm = await manageT();
    return db.$transaction(async (tx): Promise<FormState> => {
      const now = new Date();
      const { count } = await tx.recommendation.updateMany({
        where: liveRecommendations({ id: input.recommendationId, version: input.version }),
        data: { archivedAt: now, archivedReason: input.reason, version: { increment: 1 } },
      });
      if (count === 0) {
        const rec = await tx.recommendation.findUnique({ where: { id: input.recommendationId } });
        if (!rec) return { formError: t("notFound") };
        return { formError: rec.archivedAt ? tm("recommendationArchived") : tm("editConflict") };
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: "recommendation.archive",
        entityType: "Recommendation",
        entityId: input.recommendationId,
        before: { archivedAt: null },
        after: { archivedAt: now, archivedReason: input.reason },
      });
      return done(t);
    });
  },
);

/** Moves a recommendation one place up or down among its proposal's recommendations. */
export const moveRecommendation = formAction(
  recommendationMoveInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx): Promise<FormState> => {
      const rec = await tx.recommendation.findUnique({
        where: { id: input.recommendationId },
        select: { id: true, proposalId: true },
      });
      if (!rec) return { formError: t("notFound") };
      const siblings = await tx.recommendation.findMany({
        where: liveRecommendations({ proposalId: rec.proposalId }),
        orderBy: LIST_ORDER,
        select: { id: true, code: true },
      });
      const from = siblings.findIndex((sibling) => sibling.id === rec.id);
      const to = input.direction === "up" ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= siblings.length) return {};
      const order = siblings.map((sibling) => sibling.id);
      [order[from], order[to]] = [order[to] as string, order[from] as string];
      // Renumbered 1…n, so that the order is total even where sort orders were equal.
      for (const [index, id] of order.entries()) {
        await tx.recommendation.update({ where: { id }, data: { sortOrder: index + 1 } });
      }
      const codeOf = new Map(siblings.map((sibling) => [sibling.id, sibling.code]));
      await recordAudit(tx, {
        actorId: user.id,
        action: "recommendation.move",
        entityType: "Proposal",
        entityId: rec.proposalId,
        before: { order: siblings.map((sibling) => sibling.code) },
        after: { order: order.map((id) => codeOf.get(id)) },
      });
      revalidateApp();
      return {};
    });
  },
);

// Assisted entry ------------------------------------------------------------------------------------

/**
 * A new proposal with the recommendations an admin reviewed from its pasted text, in one transaction:
 * all of it or nothing (without a text, the proposal alone). Agencies, themes and dates are assigned
 * afterwards on the proposal's page.
 */
export const createProposalFromEntry = formAction(
  proposalEntryInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    if (await db.proposal.findUnique({ where: { code: input.code } })) {
      return { fieldErrors: { code: [t("codeTaken")] } };
    }
    const deputies = await resolveProposalDeputies(db, input, await getTranslations("deputy.manage"));
    if ("fieldErrors" in deputies) return deputies;
    await db.$transaction(async (tx) => {
      const proposal = await tx.proposal.create({
        data: { ...proposalRow(input), authorUserId: deputies.authorUserId },
      });
      await writeCosigners(tx, proposal.id, deputies.cosigners);
      await recordAudit(tx, {
        actorId: user.id,
        action: "proposal.create",
        entityType: "Proposal",
        entityId: proposal.id,
        after: {
          ...proposalSnapshot(proposalRow(input)),
          authorUserId: deputies.authorUserId,
          cosigners: cosignersSnapshot(deputies.cosigners),
          recommendations: input.parts.length,
          actions: input.parts.reduce((sum, part) => sum + part.actions.length, 0),
        },
      });
      for (const [index, part] of input.parts.entries()) {
        const row = {
          code: part.code,
          titleZh: part.titleZh,
          titleEn: null,
          descriptionZh: "",
          descriptionEn: null,
          sourceQuote: part.sourceQuote,
          startDate: null,
          dueDate: null,
          assignedAt: null,
          weight: 1,
        };
        const rec = await tx.recommendation.create({
          data: { ...row, proposalId: proposal.id, sortOrder: index + 1 },
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: "recommendation.create",
          entityType: "Recommendation",
          entityId: rec.id,
          after: recommendationSnapshot(row, { theme: null, leadAgency: null, coAgencies: [] }),
        });
        // The sub-items kept as its actions, unassigned like the recommendation: all start at 0 %, so
        // the recommendation's rolled-up progress (0 %) does not move.
        for (const [order, subItem] of part.actions.entries()) {
          const actionRow = {
            code: subItem.code,
            titleZh: subItem.titleZh,
            titleEn: null,
            descriptionZh: subItem.sourceQuote,
            startDate: null,
            dueDate: null,
            weight: 1,
          };
          const action = await tx.action.create({
            data: { ...actionRow, recommendationId: rec.id, sortOrder: order + 1 },
          });
          await recordAudit(tx, {
            actorId: user.id,
            action: "action.create",
            entityType: "Action",
            entityId: action.id,
            after: { ...actionRow, agencies: [] },
          });
        }
      }
    });
    revalidateApp();
    redirect(`/${await getLocale()}/admin/proposals/${encodeURIComponent(input.code)}`);
  },
);

/**
 * Assigns lead, co-handlers, theme, start, due and weight to many recommendations of one proposal in
 * one transaction (the grid after an assisted entry): each row is checked as the recommendation form
 * checks it, with its version; any refused row refuses them all, nothing written. Each changed field
 * is audited as recommendation.edit, as the form does.
 */
export const assignRecommendations = formAction(
  assignmentInput,
  { allow: isOffice },
  async ({ input, user, t }) => {
    const tm = await manageT();
    const ids = input.rows.map((row) => row.recommendationId);
    if (new Set(ids).size !== ids.length) return { fieldErrors: { rows: [t("invalid")] } };
    try {
      await db.$transaction(async (tx) => {
        const recs = await tx.recommendation.findMany({
          where: { id: { in: ids }, proposalId: input.proposalId },
          include: {
            agencies: { select: { role: true, agency: { select: { code: true } } } },
            theme: { select: { code: true } },
          },
        });
        const byId = new Map(recs.map((rec) => [rec.id, rec]));
        for (const [i, row] of input.rows.entries()) {
          const rec = byId.get(row.recommendationId);
          const refuse = (state: FormState) => {
            throw new FormRefused(state);
          };
          if (!rec) refuse({ formError: t("notFound") });
          if (!rec) return;
          if (rec.archivedAt) refuse({ formError: tm("recommendationArchived") });
          if (rec.version !== row.version) refuse({ formError: tm("editConflict") });
          const assigning = assigningOn(rec, row);
          const assignedAt = assigning ?? dayOf(rec.assignedAt);
          const fields: RecommendationFields = {
            code: rec.code,
            titleZh: rec.titleZh,
            titleEn: rec.titleEn ?? undefined,
            descriptionZh: rec.descriptionZh ?? undefined,
            descriptionEn: rec.descriptionEn ?? undefined,
            sourceQuote: rec.sourceQuote,
            assignedAt: assignedAt ?? undefined,
            ...assignedFields(row),
          };
          const refs = await resolveReferences(tx, fields);
          const refused = Object.entries(refs.errors);
          if (refused.length > 0) {
            refuse({
              fieldErrors: Object.fromEntries(
                refused.map(([field, keys]) => [`rows.${i}.${field}`, keys.map((key) => t(key))]),
              ),
            });
          }
          if (!(await saveRecommendationEdit(tx, user.id, rec, row.version, fields, refs)))
            refuse({ formError: tm("editConflict") });
          if (assigning) {
            const refusal = await takeAssignStep(tx, user, rec, row.version + 1, assigning, row);
            if (refusal) refuse({ formError: refusal });
          }
        }
      });
    } catch (error) {
      if (error instanceof FormRefused) return error.state;
      throw error;
    }
    return done(t);
  },
);

function assignedFields(row: AssignmentRow) {
  return {
    themeId: row.themeId,
    leadAgencyId: row.leadAgencyId,
    coAgencyIds: row.coAgencyIds,
    startDate: row.startDate,
    dueDate: row.dueDate,
    weight: row.weight,
  };
}

async function manageT() {
  return getTranslations("manage");
}
