// The words and number/date formats of a report file, in the language chosen for the report (not the
// interface's): route handlers have no next-intl request, so the messages are read directly.
// use-intl/core (what next-intl re-exports) works outside a Next.js request too: in the bench and in tests.
import { createTranslator } from "use-intl/core";
import { TIME_ZONE } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { ReportData } from "./data";

const MESSAGES = { "zh-CN": zh, en } as const;

export function reportLabels(locale: Locale, data: ReportData) {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const doc = createTranslator({ locale, messages: MESSAGES[locale], namespace: "reports.document" });
  const supervision = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "supervision.report",
  });
  const dateFormat = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    year: "numeric",
    month: "long",
    day: "numeric",
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    dateStyle: "medium",
    timeStyle: "short",
  });
  const satisfaction = new Map(
    data.satisfactionLevels.map((level) => [
      level.key,
      locale === "en" && level.labelEn ? level.labelEn : level.labelZh,
    ]),
  );
  const english = locale === "en";
  return {
    locale,
    doc,
    /** The words of the 延期 and 督办单 lists. */
    supervision,
    level: (level: string) => t(`supervision.level.${level}` as "supervision.level.red"),
    /** "Label: value" in English, "标签：值" in Chinese. */
    colon: english ? ": " : "：",
    /** Between the items of a list. */
    comma: english ? ", " : "、",
    status: (status: string) => t(`status.${status}` as "status.completed"),
    health: (health: string) => t(`health.${health}` as "health.on_track"),
    replyClass: (replyClass: string | null) =>
      replyClass ? t(`replyClass.${replyClass}` as "replyClass.A") : doc("notReplied"),
    evidenceKind: (kind: string) => t(`evidenceKind.${kind}` as "evidenceKind.other"),
    /** 已核实, or only claimed by the agency. */
    verification: (verified: boolean) => doc(verified ? "evidenceVerified" : "evidenceClaimed"),
    satisfaction: (key: string | null) => (key ? (satisfaction.get(key) ?? key) : doc("noFeedback")),
    /** A stored Shanghai day, or a "YYYY-MM-DD" day. */
    date: (value: Date | string | null) =>
      value === null
        ? "—"
        : dateFormat.format(typeof value === "string" ? new Date(`${value}T00:00:00+08:00`) : value),
    dateTime: (value: Date) => dateTimeFormat.format(value),
    percent: (value: number) => `${Math.round(value)}%`,
    title: (item: { titleZh: string; titleEn: string | null }) =>
      english && item.titleEn ? item.titleEn : item.titleZh,
    agency: (agency: { nameZh: string; nameEn: string | null }) =>
      english && agency.nameEn ? agency.nameEn : agency.nameZh,
    proposalTitle: english && data.proposal.titleEn ? data.proposal.titleEn : data.proposal.titleZh,
    author: english && data.proposal.authorEn ? data.proposal.authorEn : data.proposal.authorZh,
    session:
      english && data.proposal.congressSessionEn
        ? data.proposal.congressSessionEn
        : data.proposal.congressSessionZh,
    /** The report's title: 《…》进展报告 / Progress report: … */
    reportTitle: () =>
      doc("reportTitle", {
        title: english && data.proposal.titleEn ? data.proposal.titleEn : data.proposal.titleZh,
      }),
  };
}

export type ReportLabels = ReturnType<typeof reportLabels>;
