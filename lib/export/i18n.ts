import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const MESSAGES: Record<Locale, Record<string, unknown>> = { "zh-CN": zh, en };

/** Any message by its full key ("export.column.code", "status.stalled"), outside of a page render. */
export type ExportTranslator = (key: string, values?: Record<string, string | number>) => string;

export function exportTranslator(locale: Locale): ExportTranslator {
  return createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as ExportTranslator;
}
