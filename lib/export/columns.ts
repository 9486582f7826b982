// The columns of each part of an export, shared by CSV, the workbook and JSON: what a cell holds (its
// raw value, which JSON keeps), how a person reads it (status names, agency names in their language),
// and its type, which the workbook keeps (dates as dates, progress as a percentage).

import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { ExportTranslator } from "./i18n";
import type { ExportPart, ExportQuery } from "./params";
import type { ExportItem, ExportRowOf } from "./rows";

/** text: free text (neutralised in spreadsheets); day: a Shanghai calendar day; instant: a moment. */
export type CellType = "text" | "number" | "percent" | "day" | "instant";
export type CellValue = string | number | Date | null;

export type ExportColumn<Row> = {
  id: string;
  header: string;
  type: CellType;
  /** Width in characters, for the workbook. */
  width: number;
  value: (row: Row) => CellValue;
};

export type ExportTable<P extends ExportPart = ExportPart> = {
  part: P;
  /** The sheet's name and the file name's part, in the user's language. */
  title: string;
  columns: ExportColumn<ExportRowOf[P]>[];
};

type Named = { nameZh: string; nameEn: string | null } | null;

export function exportTable<P extends ExportPart>(
  part: P,
  kind: ExportQuery["kind"],
  locale: Locale,
  t: ExportTranslator,
): ExportTable<P> {
  const name = (named: Named) => (named ? localized(locale, named.nameZh, named.nameEn) : null);
  const column = <Row>(
    id: string,
    type: CellType,
    width: number,
    value: (row: Row) => CellValue,
    header = `export.column.${id}`,
  ) => ({
    id,
    header: t(header),
    type,
    width,
    value,
  });
  const status = (value: string | null) => (value ? t(`status.${value}`) : null);

  const itemColumns = (itemKind: ExportQuery["kind"]): ExportColumn<ExportItem>[] => [
    column("proposal", "text", 12, (row: ExportItem) => row.proposalCode),
    ...(itemKind === "action"
      ? [column("recommendation", "text", 10, (row: ExportItem) => row.recommendationCode)]
      : []),
    column("code", "text", 10, (row: ExportItem) => row.code),
    column("titleZh", "text", 40, (row: ExportItem) => row.titleZh),
    column("titleEn", "text", 40, (row: ExportItem) => row.titleEn),
    column("status", "text", 10, (row: ExportItem) => status(row.status)),
    column("progress", "percent", 9, (row: ExportItem) => row.progress),
    column("health", "text", 10, (row: ExportItem) => t(`health.${row.health}`)),
    column("theme", "text", 20, (row: ExportItem) => name(row.theme)),
    column("leadAgency", "text", 24, (row: ExportItem) => name(row.leadAgency)),
    // The class with its name ("B类 · 正在解决"), not a bare letter.
    column("replyClass", "text", 16, (row: ExportItem) =>
      row.replyClass ? t(`replyClass.${row.replyClass}`) : null,
    ),
    // The handling cycle: where the item is, and the day of each step taken (交办 → 签收 → 答复 → 评价 → 办结).
    column("stage", "text", 12, (row: ExportItem) => t(`cycle.stage.${row.stage}`)),
    column("assignedAt", "day", 12, (row: ExportItem) => row.assignedAt),
    column("acknowledgedAt", "day", 12, (row: ExportItem) => row.acknowledgedAt),
    column("repliedAt", "day", 12, (row: ExportItem) => row.repliedAt),
    column("feedbackAt", "day", 12, (row: ExportItem) => row.feedbackAt),
    column("closedAt", "day", 12, (row: ExportItem) => row.closedAt),
    // 面商: consulted before the reply (replied items only).
    column(
      "consulted",
      "text",
      10,
      (row: ExportItem) =>
        row.consulted === null ? null : t(`contacts.table.${row.consulted ? "yes" : "no"}`),
      "contacts.table.column",
    ),
    // 督办: the warning level on the view's day and the priority mark.
    column(
      "warning",
      "text",
      10,
      (row: ExportItem) => (row.warning ? t(`supervision.level.${row.warning}`) : null),
      "supervision.column.warning",
    ),
    column(
      "priority",
      "text",
      10,
      (row: ExportItem) => (row.priority ? t("supervision.column.yes") : null),
      "supervision.column.priority",
    ),
    column("startDate", "day", 12, (row: ExportItem) => row.startDate),
    column("dueDate", "day", 12, (row: ExportItem) => row.dueDate),
    column("updatedAt", "instant", 20, (row: ExportItem) => row.updatedAt),
    // What an import of the edited file checks, so that nobody's newer update is overwritten.
    column("version", "number", 8, (row: ExportItem) => row.version),
  ];

  type Evidence = ExportRowOf["evidence"];
  type History = ExportRowOf["history"];
  const owner = <
    Row extends { proposalCode: string; recommendationCode: string; actionCode: string | null },
  >() => [
    column("proposal", "text", 12, (row: Row) => row.proposalCode),
    column("recommendation", "text", 10, (row: Row) => row.recommendationCode),
    column("action", "text", 10, (row: Row) => row.actionCode),
  ];

  const tables: { [K in ExportPart]: () => ExportColumn<ExportRowOf[K]>[] } = {
    items: () => itemColumns(kind),
    actions: () => itemColumns("action"),
    evidence: () => [
      ...owner<Evidence>(),
      column("evidenceTitleZh", "text", 40, (row: Evidence) => row.titleZh),
      column("evidenceTitleEn", "text", 40, (row: Evidence) => row.titleEn),
      column("evidenceKind", "text", 12, (row: Evidence) => t(`evidenceKind.${row.kind}`)),
      column("url", "text", 40, (row: Evidence) => row.url),
      column("publisher", "text", 20, (row: Evidence) => row.publisher),
      column("publishedAt", "day", 12, (row: Evidence) => row.publishedAt),
      column("note", "text", 30, (row: Evidence) => row.note),
      column("internal", "text", 8, (row: Evidence) =>
        row.isInternal ? t("evidenceForm.internalBadge") : null,
      ),
      // 核实: the day it was verified; empty while only claimed.
      column("verifiedAt", "day", 12, (row: Evidence) => row.verifiedAt),
      column("createdAt", "instant", 20, (row: Evidence) => row.createdAt),
      // Its files' names, one a line (a piece that is only a file has no URL). Last, so that the
      // columns before it keep their places for those who read them by position.
      column("files", "text", 30, (row: Evidence) => (row.files.length ? row.files.join("\n") : null)),
    ],
    history: () => [
      ...owner<History>(),
      column("effectiveDate", "day", 12, (row: History) => row.effectiveDate),
      column("statusBefore", "text", 10, (row: History) => status(row.statusBefore)),
      column("statusAfter", "text", 10, (row: History) => status(row.statusAfter)),
      column("progressBefore", "percent", 9, (row: History) => row.progressBefore),
      column("progressAfter", "percent", 9, (row: History) => row.progressAfter),
      column("comment", "text", 40, (row: History) => row.comment),
      column("source", "text", 10, (row: History) => t(`updateSource.${row.source}`)),
      column("author", "text", 16, (row: History) => row.author),
      column("createdAt", "instant", 20, (row: History) => row.createdAt),
    ],
  };
  const title =
    part === "items"
      ? t(kind === "action" ? "export.part.actions" : "export.part.items")
      : t(`export.part.${part}`);
  return { part, title, columns: tables[part]() as ExportColumn<ExportRowOf[P]>[] };
}
