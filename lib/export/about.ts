// What an export holds, said in the file itself: who made it and when, the day its state is of, the
// table's filters, search and sort, the selected rows, how many items and which tables. The workbook
// opens on it as its first sheet, the JSON carries it beside its rows; a file passed on by mail still
// says what it is.
import { toShanghaiDateString } from "@/lib/dates";
import { join, type SqlReader, sql } from "@/lib/db/sql";
import { readChainHeads } from "@/lib/history-chain/heads";
import { type ChainHead, chainHeadsJson, chainHeadsLine } from "@/lib/history-chain/heads-format";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { type ItemFilters, itemFilterShape, itemFilters } from "@/lib/tracking/search-params";
import { shanghaiMoment } from "./cells";
import type { ExportTranslator } from "./i18n";
import type { ExportPart, ExportQuery } from "./params";

/** Who asked for the export: a signed-in person, or an API token (by its name). */
export type ExportAuthor = { kind: "user"; userId: string } | { kind: "token"; tokenName: string };

type Named = { nameZh: string; nameEn: string | null };

/** The filters that narrow the view, as the request gave them (defaults left out). */
type ActiveFilters = Partial<Omit<ItemFilters, "kind" | "asOf">>;

export type ExportAbout = {
  exportedAt: Date;
  exportedBy: { name: string; agency: Named | null } | { token: string };
  /** The past day whose state the export rebuilt, or null for the state of `day`. */
  asOf: string | null;
  day: string;
  kind: ExportQuery["kind"];
  filters: ActiveFilters;
  sort: ExportQuery["sort"];
  dir: ExportQuery["dir"];
  /** The rows the user ticked, or null for the whole view. */
  selected: string[] | null;
  parts: ExportPart[];
  items: number;
  /** Names of the agencies, themes and recommendation the filters point at, by id. */
  names: Record<string, string | Named>;
  /** The history chains' heads as the export is read (lib/history-chain). */
  historyChain: ChainHead[];
};

function activeFilters(query: ExportQuery): ActiveFilters {
  const defaults = itemFilters.parse({});
  const active: Record<string, unknown> = {};
  for (const key of Object.keys(itemFilterShape) as (keyof ItemFilters)[]) {
    if (key === "kind" || key === "asOf") continue;
    const value = query[key];
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(defaults[key])) active[key] = value;
  }
  return active as ActiveFilters;
}

/** The description of an export, read beside its rows (the same reader, the same moment). */
export async function describeExport(
  db: SqlReader,
  input: {
    query: ExportQuery;
    parts: ExportPart[];
    items: number;
    author: ExportAuthor;
    exportedAt: Date;
    today: Date;
  },
): Promise<ExportAbout> {
  const { query, author } = input;
  const filters = activeFilters(query);
  const agencyIds = [filters.agency, filters.leadAgency].filter((id): id is string => Boolean(id));
  const [people, agencies, themes, recommendations, historyChain] = await Promise.all([
    author.kind === "user"
      ? db.rows<{ name: string; nameZh: string | null; nameEn: string | null }>(sql`
          SELECT u."name", a."nameZh", a."nameEn" FROM "User" u
          LEFT JOIN "Agency" a ON a."id" = u."agencyId" WHERE u."id" = ${author.userId}`)
      : [],
    agencyIds.length
      ? db.rows<Named & { id: string }>(sql`
          SELECT "id", "nameZh", "nameEn" FROM "Agency" WHERE "id" IN (${join(agencyIds)})`)
      : [],
    filters.theme
      ? db.rows<Named & { id: string }>(sql`
          SELECT "id", "nameZh", "nameEn" FROM "Theme" WHERE "id" = ${filters.theme}`)
      : [],
    filters.recommendation
      ? db.rows<{ id: string; code: string }>(sql`
          SELECT r."id", p."code" || ' ' || r."code" AS "code" FROM "Recommendation" r
          JOIN "Proposal" p ON p."id" = r."proposalId" WHERE r."id" = ${filters.recommendation}`)
      : [],
    readChainHeads(db),
  ]);
  const person = people[0];
  const names: ExportAbout["names"] = {};
  for (const named of [...agencies, ...themes])
    names[named.id] = { nameZh: named.nameZh, nameEn: named.nameEn };
  for (const recommendation of recommendations) names[recommendation.id] = recommendation.code;
  return {
    exportedAt: input.exportedAt,
    exportedBy:
      author.kind === "token"
        ? { token: author.tokenName }
        : {
            name: person?.name ?? author.userId,
            agency: person?.nameZh ? { nameZh: person.nameZh, nameEn: person.nameEn } : null,
          },
    asOf: query.asOf ?? null,
    day: query.asOf ?? toShanghaiDateString(input.today),
    kind: query.kind,
    filters,
    sort: query.sort,
    dir: query.dir,
    selected: query.ids ?? null,
    parts: input.parts,
    items: input.items,
    names,
    historyChain,
  };
}

/** The description in the JSON: raw values (ids, codes), as the API takes them. */
export function aboutJson(about: ExportAbout) {
  return {
    exportedAt: about.exportedAt.toISOString(),
    exportedBy: about.exportedBy,
    asOf: about.asOf,
    day: about.day,
    kind: about.kind,
    filters: about.filters,
    sort: { column: about.sort, dir: about.dir },
    selected: about.selected,
    part: about.parts[0] ?? "items",
    items: about.items,
    historyChain: chainHeadsJson(about.historyChain),
  };
}

const SORT_LABELS: Record<ExportQuery["sort"], string> = {
  code: "tracking.code",
  title: "tracking.itemTitle",
  status: "tracking.status",
  progress: "tracking.progress",
  health: "tracking.health",
  dueDate: "tracking.dueDate",
  updatedAt: "tracking.updatedAt",
};

/** The description as a person reads it: [label, value] lines in the user's language. */
export function aboutLines(
  about: ExportAbout,
  locale: Locale,
  t: ExportTranslator,
  sheetTitles: string[],
): [string, string][] {
  const list = (values: string[]) => values.join(locale === "en" ? ", " : "、");
  const name = (id: string) => {
    const named = about.names[id];
    if (named === undefined) return id;
    return typeof named === "string" ? named : localized(locale, named.nameZh, named.nameEn);
  };
  const by = about.exportedBy;
  const { filters } = about;
  const filterLines: [string, string | null][] = [
    [t("tracking.search"), filters.q ? `“${filters.q}”` : null],
    [t("tracking.proposal"), filters.proposal ?? null],
    [t("tracking.kindRecommendation"), filters.recommendation ? name(filters.recommendation) : null],
    [t("tracking.theme"), filters.theme ? name(filters.theme) : null],
    [t("tracking.agency"), filters.agency ? name(filters.agency) : null],
    [t("tracking.leadAgencyFilter"), filters.leadAgency ? name(filters.leadAgency) : null],
    [t("tracking.status"), filters.status?.length ? list(filters.status.map((s) => t(`status.${s}`))) : null],
    [t("tracking.health"), filters.health?.length ? list(filters.health.map((h) => t(`health.${h}`))) : null],
    [t("tracking.overdueOnly"), filters.overdue ? t("export.about.yes") : null],
    [t("tracking.replyClass"), filters.replyClass ? t(`replyClass.${filters.replyClass}`) : null],
    [t("tracking.mismatchOnly"), filters.mismatch ? t("export.about.yes") : null],
    [
      t("tracking.rehandling"),
      filters.rehandling === "awaiting"
        ? t("tracking.rehandlingAwaiting")
        : filters.rehandling === "overdue"
          ? t("tracking.rehandlingOverdue")
          : null,
    ],
    [
      t("tracking.views"),
      filters.views === "awaiting"
        ? t("tracking.viewsAwaiting")
        : filters.views === "overdue"
          ? t("tracking.viewsOverdue")
          : null,
    ],
    [t("contacts.filter.label"), filters.contact ? t(`contacts.filter.${filters.contact}`) : null],
    [
      t("tracking.dueDate"),
      filters.dueFrom || filters.dueTo ? `${filters.dueFrom ?? "…"} – ${filters.dueTo ?? "…"}` : null,
    ],
  ];
  const active = filterLines.filter((line): line is [string, string] => line[1] !== null);
  return [
    [t("export.about.exportedAt"), `${shanghaiMoment(about.exportedAt)} ${t("export.about.timeZone")}`],
    [
      t("export.about.exportedBy"),
      "token" in by
        ? `${t("export.about.apiToken")} ${by.token}`
        : by.agency
          ? `${by.name} · ${localized(locale, by.agency.nameZh, by.agency.nameEn)}`
          : by.name,
    ],
    [
      t("export.about.day"),
      `${about.day} ${about.asOf ? t("export.about.rebuilt") : t("export.about.current")}`,
    ],
    [t("tracking.kind"), t(about.kind === "action" ? "tracking.kindAction" : "tracking.kindRecommendation")],
    ...(active.length
      ? active.map(([label, value]): [string, string] => [
          `${t("export.about.filter")}${locale === "en" ? " " : ""}${label}`,
          value,
        ])
      : [[t("export.about.filters"), t("export.about.noFilters")] as [string, string]]),
    [
      t("export.about.sort"),
      `${t(SORT_LABELS[about.sort])} ${t(about.dir === "asc" ? "export.about.ascending" : "export.about.descending")}`,
    ],
    ...(about.selected
      ? [[t("export.about.selected"), String(about.selected.length)] as [string, string]]
      : []),
    [t("export.about.items"), String(about.items)],
    [t("export.about.sheets"), list(sheetTitles)],
    chainHeadsLine(about.historyChain, locale),
  ];
}
