// The chains' heads as people read them in reports, exports and open data: a short hash (the first
// 12 hex digits of the head's chainHash: enough to tell chains apart, short enough to copy from paper)
// and the moment of the head row, in Shanghai time.
import { shanghaiMoment } from "@/lib/export/cells";
import { exportTranslator } from "@/lib/export/i18n";
import type { Locale } from "@/lib/i18n/routing";
import type { ChainTable } from "./content";

export const SHORT_HASH_LENGTH = 12;

export const shortHash = (hash: string) => hash.slice(0, SHORT_HASH_LENGTH);

/** A chain's last row: its place, chainHash and when it was written. */
export type ChainHead = { table: ChainTable; chainSeq: number; chainHash: string; createdAt: Date };

const TABLE_KEYS: Record<ChainTable, string> = {
  StatusUpdate: "historyChain.statusUpdates",
  AuditEvent: "historyChain.auditEvents",
};

/** One chain's head, e.g. "进展更新 #1234 3f2a9c1b0d4e（2026-12-04 19:20:31 北京时间）". */
export function chainHeadText(head: ChainHead, locale: Locale): string {
  const t = exportTranslator(locale);
  const moment = `${shanghaiMoment(head.createdAt)} ${t("historyChain.timeZone")}`;
  const when = locale === "en" ? ` (${moment})` : `（${moment}）`;
  return `${t(TABLE_KEYS[head.table])} #${head.chainSeq} ${shortHash(head.chainHash)}${when}`;
}

/** Both heads on one line, or the words for "no history yet". */
export function chainHeadsText(heads: readonly ChainHead[], locale: Locale): string {
  if (heads.length === 0) return exportTranslator(locale)("historyChain.empty");
  return heads.map((head) => chainHeadText(head, locale)).join(locale === "en" ? "; " : "；");
}

/** The label before chainHeadsText. */
export const chainHeadsLabel = (locale: Locale) => exportTranslator(locale)("historyChain.label");

/** How a reader checks a printed head against today's record. */
export const chainHowToCheck = (locale: Locale) => exportTranslator(locale)("historyChain.howToCheck");

/** The heads as one labelled line, as reports and the export's about sheet print them. */
export function chainHeadsLine(heads: readonly ChainHead[], locale: Locale): [string, string] {
  return [chainHeadsLabel(locale), chainHeadsText(heads, locale)];
}

/** The heads in a JSON document (open data, the JSON export). */
export function chainHeadsJson(heads: readonly ChainHead[]) {
  return heads.map((head) => ({
    table: head.table,
    chainSeq: head.chainSeq,
    chainHash: head.chainHash,
    shortHash: shortHash(head.chainHash),
    at: head.createdAt.toISOString(),
  }));
}
