import { consultedOf } from "@/lib/contacts/sql";
import { shanghaiToday } from "@/lib/dates";
import { type Db, sqlReader } from "@/lib/db/client";
import type { CycleStage, ItemStatus, ReplyClass, WarningLevel } from "@/lib/db/enums";
import { liveProposals } from "@/lib/db/live";
import { LIST_ORDER } from "@/lib/db/selects";
import { sql } from "@/lib/db/sql";
import type { Health } from "./health";
import { filteredItems, itemOrderSql, itemScope, itemsSql } from "./item-sql";
import type { ItemFilters, TrackingParams } from "./search-params";

const agencyName = { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } } as const;

/** What the item SQL says of a row: its id, and its state, health and reply on the view's day. */
export type ItemStateRow = {
  id: string;
  status: ItemStatus;
  progress: number | bigint;
  health: Health;
  replyClass: ReplyClass | null;
  /** The handling cycle's stage (an action's: its recommendation's). */
  stage: CycleStage;
  /** 三色预警 on the view's day (lib/cycle/warning.ts), null when there is none. */
  warning: WarningLevel | null;
  /** 重点督办 (an action's: its recommendation's). */
  priority: boolean | number | bigint;
  updatedAt: Date | string | null;
};

/** The columns of ItemStateRow, selected from items read as `i`. */
export const ITEM_STATE_COLUMNS = sql`i."id", i."status", i."progress", i."health", i."replyClass", i."stage",
  i."warning", i."priority", i."updatedAt"`;

export type TrackingPageParams = ItemFilters & Pick<TrackingParams, "page" | "perPage" | "sort" | "dir">;

/**
 * One page of recommendations or actions for the table and the API, with the total that matches. The
 * filtering, sorting and paging run in one SQL statement (health and the as-of state are computed
 * there); the page's rows are then loaded with their names.
 */
export async function getTrackingPage(db: Db, params: TrackingPageParams, today: Date = shanghaiToday()) {
  const scope = await itemScope(sqlReader(db), params, today);
  const items = filteredItems(scope, params);
  const order = itemOrderSql(scope, params);
  const page = sql`LIMIT ${params.perPage} OFFSET ${(params.page - 1) * params.perPage}`;
  const count = () =>
    db.$queryRaw<{ total: number | bigint }[]>(sql`SELECT COUNT(*) AS "total" FROM ${items}`);
  let total: number;
  let pageRows: ItemStateRow[];
  if (params.q) {
    // A search finds its items once: counting them in the same statement saves finding them again.
    // (Without one, a separate count is cheaper than carrying a window over every item.)
    const rows = await db.$queryRaw<(ItemStateRow & { total: number | bigint })[]>(sql`
      SELECT ${ITEM_STATE_COLUMNS}, COUNT(*) OVER () AS "total" FROM ${items}
      ORDER BY ${order} ${page}`);
    // A page past the end has no row to carry the count.
    total = Number(rows[0]?.total ?? (params.page > 1 ? ((await count())[0]?.total ?? 0) : 0));
    pageRows = rows;
  } else {
    const [counted, rows] = await Promise.all([
      count(),
      // The page's ids first, then their columns: PostgreSQL would otherwise work out health and the
      // rest for every row the offset skips.
      db.$queryRaw<ItemStateRow[]>(sql`
        SELECT ${ITEM_STATE_COLUMNS} FROM ${itemsSql(scope, params.kind)} i
        WHERE i."id" IN (SELECT i."id" FROM ${items} ORDER BY ${order} ${page})
        ORDER BY ${order}`),
    ]);
    total = Number(counted[0]?.total ?? 0);
    pageRows = rows;
  }
  const [details, consulted] = await Promise.all([
    withDetails(db, params.kind, pageRows),
    consultedOf(
      db,
      itemsSql(scope, params.kind),
      pageRows.map((row) => row.id),
    ),
  ]);
  // 面商: whether a replied item was consulted before its reply (lib/contacts/sql.ts).
  const rows = details.map((row) => ({ ...row, consulted: consulted.get(row.id) ?? null }));
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / params.perPage)),
    day: scope.day,
    asOf: scope.asOf,
    rows,
  };
}

/** Rows from the item SQL, in their order, with their names and links. */
export async function withDetails(db: Db, kind: ItemFilters["kind"], stateRows: ItemStateRow[]) {
  const details = await loadRows(
    db,
    kind,
    stateRows.map((row) => row.id),
  );
  return stateRows.flatMap((row) => {
    const detail = details.get(row.id);
    if (!detail) return [];
    // State, reply and last change as the SQL has them: on an as-of day, as they were then.
    return [
      {
        ...detail,
        status: row.status,
        progress: Number(row.progress),
        health: row.health,
        replyClass: row.replyClass,
        stage: row.stage,
        warning: row.warning,
        priority: Boolean(Number(row.priority)),
        updatedAt: row.updatedAt === null ? null : new Date(row.updatedAt),
      },
    ];
  });
}

/** The names and links of rows, by id. */
async function loadRows(db: Db, kind: ItemFilters["kind"], ids: string[]) {
  const common = {
    id: true,
    code: true,
    titleZh: true,
    titleEn: true,
    status: true,
    progress: true,
    startDate: true,
    dueDate: true,
    updatedAt: true,
  } as const;
  if (kind === "action") {
    const actions = await db.action.findMany({
      where: { id: { in: ids } },
      select: {
        ...common,
        agencies: { where: { role: "lead" }, select: { agency: agencyName } },
        recommendation: {
          select: {
            code: true,
            replyClass: true,
            theme: { select: { nameZh: true, nameEn: true } },
            proposal: { select: { code: true } },
          },
        },
      },
    });
    return new Map(
      actions.map(({ recommendation, agencies, ...row }) => [
        row.id,
        {
          ...row,
          kind: "action" as const,
          recommendationCode: recommendation.code,
          proposalCode: recommendation.proposal.code,
          replyClass: recommendation.replyClass,
          theme: recommendation.theme,
          leadAgency: agencies[0]?.agency ?? null,
          href: `/proposals/${recommendation.proposal.code}/${recommendation.code}#action-${row.code}`,
        },
      ]),
    );
  }
  const recommendations = await db.recommendation.findMany({
    where: { id: { in: ids } },
    select: {
      ...common,
      replyClass: true,
      agencies: { where: { role: "lead" }, select: { agency: agencyName } },
      theme: { select: { nameZh: true, nameEn: true } },
      proposal: { select: { code: true } },
    },
  });
  return new Map(
    recommendations.map(({ proposal, agencies, ...row }) => [
      row.id,
      {
        ...row,
        kind: "recommendation" as const,
        recommendationCode: row.code,
        proposalCode: proposal.code,
        leadAgency: agencies[0]?.agency ?? null,
        href: `/proposals/${proposal.code}/${row.code}`,
      },
    ]),
  );
}

export type TrackingPage = Awaited<ReturnType<typeof getTrackingPage>>;
export type TrackingRow = TrackingPage["rows"][number];

/** A filter form lists proposals up to this many, and takes a typed code beyond. */
export const PROPOSAL_CHOICES = 50;

/** The proposals a form offers: those not archived, newest first, up to a list's worth and one more. */
export function getProposalChoices(db: Db) {
  // Beyond a list's worth, the form asks for a code instead.
  return db.proposal.findMany({
    where: liveProposals(),
    orderBy: [{ submittedAt: "desc" }, { code: "asc" }],
    select: { code: true, titleZh: true, titleEn: true },
    take: PROPOSAL_CHOICES + 1,
  });
}

/** The choices of the filter forms. */
export async function getFilterOptions(db: Db) {
  const [proposals, themes, agencies] = await Promise.all([
    getProposalChoices(db),
    db.theme.findMany({
      orderBy: LIST_ORDER,
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db.agency.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  return { proposals, themes, agencies };
}

export type FilterOptions = Awaited<ReturnType<typeof getFilterOptions>>;

/** How a recommendation filter reads: the recommendation's code and title. */
export async function recommendationLabel(db: Db, id: string, locale: string): Promise<string | null> {
  const recommendation = await db.recommendation.findUnique({
    where: { id },
    select: { code: true, titleZh: true, titleEn: true, proposal: { select: { code: true } } },
  });
  if (!recommendation) return null;
  const title = locale === "en" && recommendation.titleEn ? recommendation.titleEn : recommendation.titleZh;
  return `${recommendation.proposal.code} ${recommendation.code} ${title}`;
}
