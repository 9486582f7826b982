// An import's file problems in words, for the upload route (which has no next-intl request) and pages.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { UploadResult } from "./batch";
import { MAX_FILE_BYTES } from "./file";

const MESSAGES = { "zh-CN": zh, en } as const;

export function importTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "import" });
}

/** Why a file was refused, in the user's language. */
export function fileProblemMessage(
  locale: Locale,
  result: Extract<UploadResult, { kind: "file" }> | { kind: "file"; problem: "noFile" },
): string {
  const t = importTranslator(locale);
  const megabytes = Math.round(MAX_FILE_BYTES / 1024 / 1024);
  return t(`fileProblem.${result.problem}`, { megabytes, rows: "limit" in result ? (result.limit ?? 0) : 0 });
}
