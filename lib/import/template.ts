// The import's template: exactly the items the user may update (an admin's: every item), as the dry run
// reads them (lib/import/plan.ts), with the columns the instructions name already there and empty. The
// workbook helps the person filling it in: a drop-down of statuses, progress a whole number 0–100, the
// header frozen, and what the import only reads (codes, title, version, a rolled-up progress) greyed and
// locked. The CSV holds the same rows and columns.
import "server-only";
import { stringify } from "csv-stringify/sync";
import type ExcelJS from "exceljs";
import { type Actor, canEditAction, canEditRecommendation } from "@/lib/auth/permissions";
import type { DbClient } from "@/lib/db/client";
import { type ItemStatus, ItemStatus as ItemStatuses } from "@/lib/db/enums";
import { liveRecommendations } from "@/lib/db/live";
import { ASSIGNMENTS, LIST_ORDER } from "@/lib/db/selects";
import { neutralise } from "@/lib/export/neutralise";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { MAX_ROWS } from "./file";
import { importTranslator } from "./messages";

const statusName = (locale: Locale, status: ItemStatus) => (locale === "en" ? en : zh).status[status];

export type TemplateRow = {
  proposal: string;
  /** The recommendation's code for an action's row; null for a recommendation's. */
  recommendation: string | null;
  code: string;
  title: string;
  status: ItemStatus;
  progress: number;
  /** A recommendation with actions: its progress is theirs, rolled up, and the import only reads it. */
  progressIsRolledUp: boolean;
  version: number;
};

export const TEMPLATE_FORMATS = ["xlsx", "csv"] as const;
export type TemplateFormat = (typeof TEMPLATE_FORMATS)[number];

/**
 * The rows of the user's template: each recommendation they may update, then its actions they may; or
 * "tooMany" when the items it would read are more than an import takes (counted before they are read).
 */
export async function getTemplateRows(
  db: DbClient,
  actor: Actor,
  locale: Locale,
  maxRows: number = MAX_ROWS,
): Promise<TemplateRow[] | "tooMany"> {
  const mine = actor.role === "admin" ? {} : { agencies: { some: { agencyId: actor.agencyId ?? "" } } };
  // Archived recommendations (and their actions) take no updates: the dry run does not know them.
  const where = liveRecommendations(
    actor.role === "admin" ? {} : { OR: [mine, { actions: { some: mine } }] },
  );
  const [recommendationCount, actionCount] = await Promise.all([
    db.recommendation.count({ where }),
    db.action.count({ where: { recommendation: where } }),
  ]);
  if (recommendationCount + actionCount > maxRows) return "tooMany";
  const recommendations = await db.recommendation.findMany({
    where,
    orderBy: [{ proposal: { code: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
    select: {
      code: true,
      titleZh: true,
      titleEn: true,
      status: true,
      progress: true,
      version: true,
      proposal: { select: { code: true } },
      agencies: ASSIGNMENTS,
      actions: {
        orderBy: LIST_ORDER,
        select: {
          code: true,
          titleZh: true,
          titleEn: true,
          status: true,
          progress: true,
          version: true,
          agencies: ASSIGNMENTS,
        },
      },
    },
  });
  return recommendations.flatMap((rec) => {
    const proposal = rec.proposal.code;
    const own: TemplateRow[] = canEditRecommendation(actor, rec.agencies)
      ? [
          {
            proposal,
            recommendation: null,
            code: rec.code,
            title: localized(locale, rec.titleZh, rec.titleEn),
            status: rec.status,
            progress: rec.progress,
            progressIsRolledUp: rec.actions.length > 0,
            version: rec.version,
          },
        ]
      : [];
    const actions = rec.actions
      .filter((action) => canEditAction(actor, action.agencies, rec.agencies))
      .map((action) => ({
        proposal,
        recommendation: rec.code,
        code: action.code,
        title: localized(locale, action.titleZh, action.titleEn),
        status: action.status,
        progress: action.progress,
        progressIsRolledUp: false,
        version: action.version,
      }));
    return [...own, ...actions];
  });
}

type Column = {
  field: string;
  width: number;
  /** What the import only reads: greyed and locked in the workbook. */
  readOnly: boolean;
  value: (row: TemplateRow) => string | number | null;
};

function templateColumns(locale: Locale): { header: string; column: Column }[] {
  const t = importTranslator(locale);
  const columns: Column[] = [
    { field: "proposal", width: 12, readOnly: true, value: (row) => row.proposal },
    { field: "recommendation", width: 12, readOnly: true, value: (row) => row.recommendation },
    { field: "code", width: 10, readOnly: true, value: (row) => row.code },
    { field: "title", width: 44, readOnly: true, value: (row) => row.title },
    { field: "status", width: 12, readOnly: false, value: (row) => statusName(locale, row.status) },
    { field: "progress", width: 10, readOnly: false, value: (row) => row.progress },
    { field: "effectiveDate", width: 13, readOnly: false, value: () => null },
    { field: "comment", width: 40, readOnly: false, value: () => null },
    { field: "evidenceUrl", width: 30, readOnly: false, value: () => null },
    { field: "evidenceTitle", width: 24, readOnly: false, value: () => null },
    { field: "version", width: 8, readOnly: true, value: (row) => row.version },
  ];
  return columns.map((column) => ({
    header: t(column.field === "title" ? "templateFile.title" : `column.${column.field as "code"}`),
    column,
  }));
}

type RangeValidations = {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

const STATUS_COLUMN = 5;
const PROGRESS_COLUMN = 6;
const DATE_COLUMN = 7;
const READ_ONLY_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE5E7EB" } };
const READ_ONLY_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF4B5563" } };

/** The template as a workbook: one sheet of the rows, written as it goes. */
export async function templateXlsx(rows: TemplateRow[], locale: Locale): Promise<Uint8Array<ArrayBuffer>> {
  const { default: Excel } = await import("exceljs");
  const t = importTranslator(locale);
  const chunks: Buffer[] = [];
  const { PassThrough } = await import("node:stream");
  const output = new PassThrough();
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => output.on("end", resolve).on("error", reject));
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  workbook.creator = (locale === "en" ? en : zh).export.appName;
  const sheet = workbook.addWorksheet(t("templateFile.sheet"), {
    views: [{ state: "frozen", ySplit: 1, xSplit: 3 }],
  });
  const columns = templateColumns(locale);
  sheet.columns = columns.map(({ column }) => ({ width: column.width }));
  const header = sheet.addRow(columns.map(({ header }) => header));
  header.eachCell((cell) => {
    cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1E4E8C" } };
    cell.alignment = { vertical: "middle" };
  });
  header.commit();

  const statuses = Object.values(ItemStatuses).map((status) => statusName(locale, status));
  const lastRow = rows.length + 1;
  if (rows.length) {
    const statusLetter = String.fromCharCode(64 + STATUS_COLUMN);
    // A range's rule is one entry of the file (exceljs types only the per-cell one).
    (sheet as unknown as RangeValidations).dataValidations.add(`${statusLetter}2:${statusLetter}${lastRow}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${statuses.join(",")}"`],
      showErrorMessage: true,
      errorTitle: t("templateFile.statusErrorTitle"),
      error: t("templateFile.statusError", { statuses: statuses.join(t("listSeparator")) }),
    });
  }
  for (const row of rows) {
    const line = sheet.addRow(columns.map(({ column }) => column.value(row)));
    line.eachCell({ includeEmpty: true }, (cell, number) => {
      const column = columns[number - 1]?.column;
      if (!column) return;
      const locked = column.readOnly || (number === PROGRESS_COLUMN && row.progressIsRolledUp);
      if (locked) {
        cell.fill = READ_ONLY_FILL;
        cell.font = READ_ONLY_FONT;
      }
      cell.protection = { locked };
      if (number === DATE_COLUMN) cell.numFmt = "yyyy-mm-dd";
      if (number === PROGRESS_COLUMN) {
        cell.numFmt = "0";
        // A rolled-up progress takes no value: locked, and without the rule (it is the actions' sum).
        if (!row.progressIsRolledUp)
          cell.dataValidation = {
            type: "whole",
            operator: "between",
            allowBlank: true,
            formulae: [0, 100],
            showErrorMessage: true,
            errorTitle: t("templateFile.progressErrorTitle"),
            error: t("templateFile.progressError"),
          };
      }
      if (typeof cell.value === "string") cell.value = neutralise(cell.value);
    });
    line.commit();
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: lastRow, column: columns.length } };
  // Locked cells are only shown as locked while the sheet is protected; no password: it guards against
  // slips, not people, and filtering and sorting stay open.
  await sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    autoFilter: true,
    sort: true,
    formatColumns: true,
  });
  sheet.commit();
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** The template as CSV for Excel: UTF-8 with a byte order mark, CRLF, the same columns and rows. */
export function templateCsv(rows: TemplateRow[], locale: Locale): string {
  const columns = templateColumns(locale);
  return stringify(
    [
      columns.map(({ header }) => header),
      ...rows.map((row) =>
        columns.map(({ column }) => {
          const value = column.value(row);
          return typeof value === "string" ? neutralise(value) : value === null ? "" : String(value);
        }),
      ),
    ],
    { record_delimiter: "\r\n", bom: true },
  );
}
