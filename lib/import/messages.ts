// An import's file problems in words, for the upload route (which has no next-intl request) and pages.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { SlotLimits } from "@/lib/slots/slots";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { IMPORT_LIMITS } from "./batch";
import {
  type FileProblem,
  type FileProblemValues,
  MAX_FILE_BYTES,
  MAX_ROWS,
  MAX_UNZIPPED_BYTES,
} from "./file";

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
