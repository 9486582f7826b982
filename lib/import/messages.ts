// An import's file problems in words, for the upload route (which has no next-intl request) and pages.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { SlotLimits } from "@/lib/slots/slots";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { IMPORT_LIMITS } from "./batch";
import type { ImportField } from "./columns";
import {
  type FileProblem,
  type FileProblemValues,
  MAX_FILE_BYTES,
  MAX_ROWS,
  MAX_UNZIPPED_BYTES,
} from "./file";
import type { PlannedRow, RowProblem } from "./plan";

const MESSAGES = { "zh-CN": zh, en } as const;

export function importTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "import" });
}

const megabytes = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Why a file was refused, in the user's language. */
export function fileProblemMessage(
  locale: Locale,
  result: { problem: FileProblem | "noFile"; values?: FileProblemValues },
): string {
  const t = importTranslator(locale);
  const values = result.values ?? {};
  const column = values.field ? t(`column.${values.field}` as "column.code") : "";
  const headers = (values.headers ?? [])
    .map((header) => t("quoted", { text: header }))
    .join(t("listSeparator"));
  return t(`fileProblem.${result.problem}`, {
    megabytes: megabytes(MAX_FILE_BYTES),
    unzipped: megabytes(MAX_UNZIPPED_BYTES),
    rows: values.rows ?? MAX_ROWS,
    max: values.max ?? 0,
    row: values.row ?? 0,
    column,
    headers,
  });
}

/** Too many uploads being read at once, in the user's language. */
export function busyMessage(locale: Locale, limit: keyof SlotLimits): string {
  const t = importTranslator(locale);
  return limit === "perOwner"
    ? t("error.tooManyImportsOfYours", { count: IMPORT_LIMITS.perOwner })
    : t("error.tooManyImports");
}

/** A long cell is quoted by its start: the message names the cell, the file has the rest. */
const MAX_QUOTED = 60;

/**
 * One problem of the dry run as a sentence that stands on its own: where (sheet and row), which column,
 * what the file has there, and what is wrong and allowed, e.g. 第 4 行 · 状态：文件中为“快完成了”。无法
 * 识别的状态；可填：未启动、推进中、已完成、受阻、未采纳.
 */
export function importProblemText(
  locale: Locale,
  row: Pick<PlannedRow, "sheet" | "row">,
  problem: RowProblem,
): string {
  const t = importTranslator(locale);
  const messages = MESSAGES[locale];
  const statuses = Object.values(messages.status).join(t("listSeparator"));
  const values = { statuses, ...problem.values };
  const text = t.has(`problem.${problem.key}` as "problem.unknownItem")
    ? t(`problem.${problem.key}` as "problem.unknownItem", values)
    : createTranslator({ locale, messages, namespace: "validation" })(problem.key as "invalid");
  const where = row.sheet ? t("sheetRow", { sheet: row.sheet, row: row.row }) : t("csvRow", { row: row.row });
  if (problem.field === "row") return t("rowProblemLine", { where, column: t("wholeRow"), problem: text });
  const column = t(`column.${problem.field satisfies ImportField}`);
  const quoted =
    problem.cell && problem.cell.length > MAX_QUOTED ? `${problem.cell.slice(0, MAX_QUOTED)}…` : problem.cell;
  const cell = quoted ? t("fileValue", { value: quoted }) : t("fileEmpty");
  return t("problemLine", { where, column, cell, problem: text });
}
