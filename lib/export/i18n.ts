import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const MESSAGES: Record<Locale, Record<string, unknown>> = { "zh-CN": zh, en };

/**
 * Plain messages by their full key ("export.column.code", "status.stalled"): the file's headers and
 * names take no arguments, and a lookup also runs where next-intl's React entry cannot be loaded (the
 * benchmark's plain Node process).
 */
export type ExportTranslator = {
  (key: string): string;
  has(key: string): boolean;
};

export function exportTranslator(locale: Locale): ExportTranslator {
  const lookup = (key: string): unknown =>
    key
      .split(".")
      .reduce<unknown>(
        (node, part) =>
          node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined,
        MESSAGES[locale],
      );
  const translate = (key: string) => {
    const message = lookup(key);
    if (typeof message !== "string") throw new Error(`No message ${key} in ${locale}`);
    return message;
  };
  return Object.assign(translate, { has: (key: string) => typeof lookup(key) === "string" });
}
