import "server-only";
import { shanghaiDate, shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { overdueWhere } from "@/lib/recommendations/overdue";
import type { TrackingParams } from "./search-params";

const agencyName = { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } } as const;

// The columns both kinds of item share.
const itemSelect = {
  id: true,
  code: true,
  titleZh: true,
  titleEn: true,
  status: true,
  progress: true,
  dueDate: true,
  updatedAt: true,
  agencies: { where: { role: "lead" }, select: { agency: agencyName } },
} as const;

function dueRange(params: TrackingParams) {
  if (!params.dueFrom && !params.dueTo) return {};
  const range: { gte?: Date; lte?: Date } = {};
  try {
    if (params.dueFrom) range.gte = shanghaiDate(params.dueFrom);
    if (params.dueTo) range.lte = shanghaiDate(params.dueTo);
  } catch {
    return {};
  }
  return { dueDate: range };
}

/** Filters shared by both kinds of item; search matches titles, descriptions, codes and evidence titles. */
function commonWhere(params: TrackingParams, today: Date) {
  const q = params.q;
  return {
    ...(params.status.length ? { status: { in: params.status } } : {}),
    ...(params.overdue ? overdueWhere(today) : {}),
    ...dueRange(params),
    ...(q
      ? {
          OR: [
            { code: { contains: q } },
            { titleZh: { contains: q } },
            { titleEn: { contains: q } },
            { descriptionZh: { contains: q } },
            { evidence: { some: { titleZh: { contains: q } } } },
          ],
        }
      : {}),
  };
}

function orderBy(params: TrackingParams) {
  const dir = params.dir;
  switch (params.sort) {
    case "title":
      return [{ titleZh: dir }, { id: "asc" as const }];
    case "status":
      return [{ status: dir }, { id: "asc" as const }];
    case "progress":
      return [{ progress: dir }, { id: "asc" as const }];
    case "dueDate":
      return [{ dueDate: dir }, { id: "asc" as const }];
    case "updatedAt":
      return [{ updatedAt: dir }, { id: "asc" as const }];
    default:
      return [{ code: dir }, { id: "asc" as const }];
  }
}

/** One page of recommendations or actions for the tracking table, with the total that matches. */
export async function getTrackingPage(params: TrackingParams) {
  const today = shanghaiToday();
  const skip = (params.page - 1) * params.perPage;
  const common = commonWhere(params, today);

  if (params.kind === "action") {
    const where = {
      ...common,
      ...(params.agency ? { agencies: { some: { agencyId: params.agency } } } : {}),
      ...(params.theme || params.replyClass
        ? {
            recommendation: {
              ...(params.theme ? { themeId: params.theme } : {}),
              ...(params.replyClass ? { replyClass: params.replyClass } : {}),
            },
          }
        : {}),
    };
    const [total, rows] = await db.$transaction([
      db.action.count({ where }),
      db.action.findMany({
        where,
        orderBy: orderBy(params),
        skip,
        take: params.perPage,
        select: {
          ...itemSelect,
          recommendation: {
            select: {
              code: true,
              replyClass: true,
              theme: { select: { nameZh: true, nameEn: true } },
              proposal: { select: { code: true } },
            },
          },
        },
      }),
    ]);
    return {
      total,
      pageCount: Math.max(1, Math.ceil(total / params.perPage)),
      today,
      rows: rows.map(({ recommendation, agencies, ...row }) => ({
        ...row,
        replyClass: recommendation.replyClass,
        theme: recommendation.theme,
        leadAgency: agencies[0]?.agency ?? null,
        href: `/proposals/${recommendation.proposal.code}/${recommendation.code}`,
      })),
    };
  }

  const where = {
    ...common,
    ...(params.agency ? { agencies: { some: { agencyId: params.agency } } } : {}),
    ...(params.theme ? { themeId: params.theme } : {}),
    ...(params.replyClass ? { replyClass: params.replyClass } : {}),
  };
  const [total, rows] = await db.$transaction([
    db.recommendation.count({ where }),
    db.recommendation.findMany({
      where,
      orderBy: orderBy(params),
      skip,
      take: params.perPage,
      select: {
        ...itemSelect,
        replyClass: true,
        theme: { select: { nameZh: true, nameEn: true } },
        proposal: { select: { code: true } },
      },
    }),
  ]);
  return {
    total,
    pageCount: Math.max(1, Math.ceil(total / params.perPage)),
    today,
    rows: rows.map(({ proposal, agencies, ...row }) => ({
      ...row,
      leadAgency: agencies[0]?.agency ?? null,
      href: `/proposals/${proposal.code}/${row.code}`,
    })),
  };
}

export type TrackingPage = Awaited<ReturnType<typeof getTrackingPage>>;
export type TrackingRow = TrackingPage["rows"][number];

/** The choices of the filter form. */
export async function getTrackingFilterOptions() {
  const [themes, agencies] = await Promise.all([
    db.theme.findMany({
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, nameZh: true, nameEn: true },
    }),
    db.agency.findMany({
      where: { active: true },
      orderBy: { code: "asc" },
      select: { id: true, nameZh: true, nameEn: true },
    }),
  ]);
  return { themes, agencies };
}
