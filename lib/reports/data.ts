// The content of a progress report (进展报告) on one proposal, as of a day: everything the PDF, the
// Word document and the Reports page's preview show, read from the database and reconstructed from
// the history exactly as the dashboard and the table do (lib/tracking/item-sql.ts). No rendering here.

import { getDashboard } from "@/lib/dashboard/queries";
import { DAY_MS, shanghaiDate, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { type Db, sqlReader } from "@/lib/db/client";
import type { AgencyRole, EvidenceKind, ItemStatus } from "@/lib/db/enums";
import { liveRecommendations } from "@/lib/db/live";
import { LIST_ORDER } from "@/lib/db/selects";
import { sql } from "@/lib/db/sql";
import { readChainHeads } from "@/lib/history-chain/heads";
import { proposalHeadingSelect } from "@/lib/proposals/heading";
import type { Health } from "@/lib/tracking/health";
import { filteredItems, itemScope } from "@/lib/tracking/item-sql";
import { ITEM_STATE_COLUMNS, type ItemStateRow } from "@/lib/tracking/queries";
import { itemFilters } from "@/lib/tracking/search-params";
import type { ReportParams } from "./schema";

/** Evidence links listed per recommendation, the newest first. */
export const KEY_EVIDENCE = 5;

type ItemKind = "recommendation" | "action";
type ItemState = { status: ItemStatus; progress: number; health: Health };

/** Every item of the proposal (recommendations or actions) with its state at the end of `day`. */
async function statesOn(db: Db, kind: ItemKind, proposal: string, day: string, today: Date) {
  const filters = itemFilters.parse({ kind, proposal, asOf: day });
  const scope = await itemScope(sqlReader(db), filters, today);
  const rows = await db.$queryRaw<(ItemStateRow & { repliedAt: unknown; satisfaction: string | null })[]>(sql`
    SELECT ${ITEM_STATE_COLUMNS}, i."repliedAt", i."satisfaction" FROM ${filteredItems(scope, filters)}`);
  return new Map(
    rows.map((row) => [
      row.id,
      {
        status: row.status,
        progress: Number(row.progress),
        health: row.health,
        replyClass: row.replyClass,
        repliedAt: row.repliedAt === null ? null : new Date(row.repliedAt as string | Date),
        satisfaction: row.satisfaction,
        updatedAt: row.updatedAt === null ? null : new Date(row.updatedAt),
      },
    ]),
  );
}

const agencyName = { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } } as const;
type Agency = {
  nameZh: string;
  nameEn: string | null;
  shortNameZh: string | null;
  shortNameEn: string | null;
};

/**
 * The report's content, or null when no proposal has that code. `asOf` and `compareTo` are
 * "YYYY-MM-DD" Shanghai days, the comparison day before the as-of day (the schema sees to both).
 */
export async function getReportData(
  db: Db,
  params: Pick<ReportParams, "proposal" | "asOf" | "compareTo">,
  today: Date = shanghaiToday(),
) {
  const proposal = await db.proposal.findUnique({
    where: { code: params.proposal },
    select: {
      id: true,
      ...proposalHeadingSelect,
    },
  });
  if (!proposal) return null;
  const asOfDay = shanghaiDate(params.asOf);
  const endOfDay = new Date(asOfDay.getTime() + DAY_MS);

  // The timeline runs from the month the proposal was submitted to the as-of day.
  const submitted = new Date(Math.min(proposal.submittedAt.getTime(), asOfDay.getTime()));
  const dashboardParams = {
    ...itemFilters.parse({ kind: "recommendation", proposal: proposal.code, asOf: params.asOf }),
    from: toShanghaiDateString(submitted),
    to: params.asOf,
  };

  const [
    dashboard,
    recommendationsNow,
    recommendationsBefore,
    actionsNow,
    actionsBefore,
    recommendations,
    comments,
    satisfactionLevels,
    historyChain,
  ] = await Promise.all([
    getDashboard(db, dashboardParams, today),
    statesOn(db, "recommendation", proposal.code, params.asOf, today),
    statesOn(db, "recommendation", proposal.code, params.compareTo, today),
    statesOn(db, "action", proposal.code, params.asOf, today),
    statesOn(db, "action", proposal.code, params.compareTo, today),
    db.recommendation.findMany({
      where: liveRecommendations({ proposalId: proposal.id }),
      orderBy: LIST_ORDER,
      select: {
        id: true,
        code: true,
        titleZh: true,
        titleEn: true,
        dueDate: true,
        // The agencies as assigned now, as the dashboard and the table group them (assignments keep
        // no history of their own).
        agencies: {
          orderBy: [{ role: "asc" }, { createdAt: "asc" }],
          select: { role: true, agency: agencyName },
        },
        actions: {
          orderBy: LIST_ORDER,
          select: { id: true, code: true, titleZh: true, titleEn: true, dueDate: true },
        },
        // 延期 and 督办: the requests and notices made by the day, oldest first.
        extensionRequests: {
          where: { createdAt: { lt: endOfDay } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { createdAt: true, requestedDueAt: true, state: true, decidedAt: true, reason: true },
        },
        supervisionNotices: {
          where: { createdAt: { lt: endOfDay } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { level: true, createdAt: true, answerDueAt: true, answeredAt: true },
        },
      },
    }),
    // The comments on the proposal's recommendations and on their actions by the day, the newest
    // first, with the author's agency (the history is short per item). In the sample every comment is
    // on an action: a report reading only the recommendations' own would say nothing.
    db.statusUpdate.findMany({
      where: {
        OR: [
          { recommendation: { proposalId: proposal.id } },
          { action: { recommendation: { proposalId: proposal.id } } },
        ],
        comment: { not: null },
        effectiveDate: { lte: asOfDay },
      },
      orderBy: [{ effectiveDate: "desc" }, { createdAt: "desc" }, { id: "desc" }],
      select: {
        recommendationId: true,
        actionId: true,
        comment: true,
        effectiveDate: true,
        author: { select: { agency: agencyName } },
      },
    }),
    db.satisfactionLevel.findMany({ select: { key: true, labelZh: true, labelEn: true } }),
    // The history chains' heads as the report is made, printed on it (lib/history-chain).
    readChainHeads(sqlReader(db)),
  ]);

  // Evidence known by the day and not yet withdrawn then, on the recommendation or its actions.
  const actionToRecommendation = new Map(
    recommendations.flatMap((rec) => rec.actions.map((action) => [action.id, rec.id] as const)),
  );
  const evidence = await db.evidence.findMany({
    where: {
      OR: [
        { recommendationId: { in: recommendations.map((rec) => rec.id) } },
        { actionId: { in: [...actionToRecommendation.keys()] } },
      ],
      createdAt: { lt: endOfDay },
      AND: [{ OR: [{ withdrawnAt: null }, { withdrawnAt: { gte: endOfDay } }] }],
    },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      recommendationId: true,
      actionId: true,
      url: true,
      titleZh: true,
      titleEn: true,
      kind: true,
      publisher: true,
      publishedAt: true,
      verifiedAt: true,
      // Its files by the day (named: a report is read away from the app), which is all a piece that is
      // only a file has to show.
      files: {
        where: { createdAt: { lt: endOfDay }, OR: [{ removedAt: null }, { removedAt: { gte: endOfDay } }] },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { name: true },
      },
    },
  });

  // The latest comment of each item (a recommendation or an action), by item id.
  const latestComment = new Map<string, { comment: string; effectiveDate: Date; agency: Agency | null }>();
  for (const update of comments) {
    const itemId = update.recommendationId ?? update.actionId;
    if (itemId && update.comment?.trim() && !latestComment.has(itemId))
      latestComment.set(itemId, {
        comment: update.comment.trim(),
        effectiveDate: update.effectiveDate,
        agency: update.author?.agency ?? null,
      });
  }
  const evidenceOf = new Map<string, typeof evidence>();
  for (const link of evidence) {
    const recommendationId = link.recommendationId ?? actionToRecommendation.get(link.actionId ?? "");
    if (!recommendationId) continue;
    const list = evidenceOf.get(recommendationId) ?? [];
    if (list.length < KEY_EVIDENCE) list.push(link);
    evidenceOf.set(recommendationId, list);
  }

  const sections = recommendations.flatMap((rec) => {
    // A recommendation exists in the report only if the proposal existed by the day.
    const state = recommendationsNow.get(rec.id);
    if (!state) return [];
    return [
      {
        id: rec.id,
        code: rec.code,
        titleZh: rec.titleZh,
        titleEn: rec.titleEn,
        dueDate: rec.dueDate,
        ...state,
        leadAgencies: rec.agencies
          .filter((a) => a.role === ("lead" satisfies AgencyRole))
          .map((a) => a.agency),
        coAgencies: rec.agencies
          .filter((a) => a.role === ("co_handler" satisfies AgencyRole))
          .map((a) => a.agency),
        evidence: (evidenceOf.get(rec.id) ?? []).map(
          ({ recommendationId: _r, actionId: _a, verifiedAt, files, ...link }) => ({
            ...link,
            files: files.map((file) => file.name),
            kind: link.kind as EvidenceKind,
            // 核实 by the report's day, or only claimed then.
            verified: verifiedAt !== null && verifiedAt < endOfDay,
          }),
        ),
        // The latest comment of the recommendation itself, then of each of its actions, in order.
        comments: [
          { kind: "recommendation" as const, code: rec.code, id: rec.id },
          ...rec.actions
            .filter((action) => actionsNow.has(action.id))
            .map((action) => ({ kind: "action" as const, code: action.code, id: action.id })),
        ].flatMap(({ id, ...item }) => {
          const latest = latestComment.get(id);
          return latest ? [{ ...item, ...latest }] : [];
        }),
        actions: rec.actions.flatMap((action) => {
          const actionState = actionsNow.get(action.id);
          return actionState ? [{ ...action, ...actionState }] : [];
        }),
        // As they stood at the end of the day: a decision or an answer made later is not yet made.
        extensions: rec.extensionRequests.map((request) => ({
          askedOn: request.createdAt,
          newDate: request.requestedDueAt,
          state: request.decidedAt && request.decidedAt < endOfDay ? request.state : ("pending" as const),
          reason: request.reason,
        })),
        notices: rec.supervisionNotices.map((notice) => ({
          level: notice.level,
          issuedOn: notice.createdAt,
          answerDue: notice.answerDueAt,
          answeredOn: notice.answeredAt && notice.answeredAt < endOfDay ? notice.answeredAt : null,
        })),
      },
    ];
  });

  // What moved: items whose status or progress differs between the two days, in report order.
  type Moved = {
    kind: ItemKind;
    /** The item's code as lists show it (an action's with its recommendation's). */
    code: string;
    recommendationCode: string;
    titleZh: string;
    titleEn: string | null;
    before: ItemState;
    after: ItemState;
  };
  const moved: Moved[] = [];
  const notYet: ItemState = { status: "not_started", progress: 0, health: "not_applicable" };
  const changed = (before: ItemState, after: ItemState) =>
    before.status !== after.status || before.progress !== after.progress;
  for (const section of sections) {
    const before = recommendationsBefore.get(section.id) ?? notYet;
    if (changed(before, section))
      moved.push({
        kind: "recommendation",
        code: section.code,
        recommendationCode: section.code,
        ...names(section),
        before,
        after: section,
      });
    for (const action of section.actions) {
      const actionBefore = actionsBefore.get(action.id) ?? notYet;
      if (changed(actionBefore, action))
        moved.push({
          kind: "action",
          code: actionCode(action.code, section.code),
          recommendationCode: section.code,
          ...names(action),
          before: actionBefore,
          after: action,
        });
    }
  }

  const overdue = sections.flatMap((section) => [
    ...(section.health === "overdue"
      ? [
          {
            kind: "recommendation" as const,
            code: section.code,
            recommendationCode: section.code,
            ...names(section),
            dueDate: section.dueDate,
            status: section.status,
            progress: section.progress,
          },
        ]
      : []),
    ...section.actions
      .filter((action) => action.health === "overdue")
      .map((action) => ({
        kind: "action" as const,
        code: actionCode(action.code, section.code),
        recommendationCode: section.code,
        ...names(action),
        dueDate: action.dueDate,
        status: action.status,
        progress: action.progress,
      })),
  ]);

  // The report's sender (落款): the agency that leads the most recommendations, the first in report
  // order among equals.
  const led = new Map<string, { agency: Agency; count: number }>();
  for (const section of sections)
    for (const agency of section.leadAgencies) {
      const entry = led.get(agency.nameZh) ?? { agency, count: 0 };
      entry.count++;
      led.set(agency.nameZh, entry);
    }
  const sender =
    [...led.values()].reduce<{ agency: Agency; count: number } | null>(
      (best, entry) => (!best || entry.count > best.count ? entry : best),
      null,
    )?.agency ?? null;

  return {
    proposal,
    sender,
    asOf: params.asOf,
    compareTo: params.compareTo,
    headline: dashboard.headline,
    status: dashboard.status,
    progressByRecommendation: dashboard.groups.map((group) => ({
      code: group.code ?? "",
      titleZh: group.nameZh ?? "",
      titleEn: group.nameEn ?? null,
      averageProgress: group.averageProgress,
    })),
    timeline: dashboard.timeline,
    replies: dashboard.replies,
    sections,
    moved,
    overdue,
    satisfactionLevels,
    historyChain,
  };
}

/** An action as lists name it: its code with its recommendation's, unless the code already says it. */
const actionCode = (code: string, recommendationCode: string) =>
  !code.startsWith(recommendationCode) ? `${recommendationCode} ${code}` : code;

const names = (item: { titleZh: string; titleEn: string | null }) => ({
  titleZh: item.titleZh,
  titleEn: item.titleEn,
});

export type ReportData = NonNullable<Awaited<ReturnType<typeof getReportData>>>;
export type ReportSection = ReportData["sections"][number];
export type ReportComment = ReportSection["comments"][number];
