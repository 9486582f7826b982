import { ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { CycleHistoryEntry } from "@/lib/cycle/history";
import { STEPS } from "@/lib/cycle/machine";
import { localized } from "@/lib/i18n/localized";

/** 办理流程记录: each step of the handling cycle taken on the item, newest first, in its history. */
export function CycleHistory({ entries }: { entries: CycleHistoryEntry[] }) {
  const t = useTranslations("cycle");
  const format = useFormatter();
  const locale = useLocale();
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="cycle-history-heading" className="border-b border-slate-100 px-4 py-3 sm:px-5">
      <h3 id="cycle-history-heading" className="text-sm font-semibold text-slate-900">
        {t("history.title")}
      </h3>
      <ol className="mt-2 space-y-2 text-sm" data-testid="cycle-history">
        {entries.map((entry) => (
          <li key={entry.id} className="space-y-0.5">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5">
              <time dateTime={entry.at.toISOString()} className="text-slate-600 tabular-nums">
                {format.dateTime(entry.at, "dateTime")}
              </time>
              <span className="font-medium text-slate-900">
                {entry.step in STEPS ? t(`step.${entry.step as keyof typeof STEPS}`) : entry.step}
              </span>
              {entry.proxy && (
                <span className="rounded-full border border-dashed border-amber-400 bg-amber-50 px-2 text-xs text-amber-900">
                  {t("history.proxy")}
                </span>
              )}
              {entry.agency && (
                <span className="text-slate-700">
                  {localized(locale, entry.agency.nameZh, entry.agency.nameEn)}
                </span>
              )}
              {entry.fromStage !== entry.toStage && (
                <span className="inline-flex items-center gap-1 text-xs text-slate-600">
                  {t(`stage.${entry.fromStage}`)}
                  <ArrowRight aria-hidden="true" className="size-3" />
                  <span className="sr-only">{t("history.to")}</span>
                  {t(`stage.${entry.toStage}`)}
                </span>
              )}
            </div>
            <EntryDetails entry={entry} />
            {entry.correctedClass && (
              <p className="text-slate-800">{t("history.correctedClass", entry.correctedClass)}</p>
            )}
            {entry.note && (
              <p className="max-w-prose break-words text-slate-800">
                {entry.proxy ? t("history.proxyReason", { reason: entry.note }) : entry.note}
              </p>
            )}
            {entry.actorName && <p className="text-xs text-slate-500">{entry.actorName}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** What a step decided, in words: the decision, the deadline asked for, the notice's level, the mark. */
function EntryDetails({ entry }: { entry: CycleHistoryEntry }) {
  const t = useTranslations("cycle.history");
  const tLevel = useTranslations("supervision.level");
  const details = [
    entry.decision && t(`decision.${entry.decision}`),
    entry.requestedDueAt && t("requestedDueAt", { day: entry.requestedDueAt }),
    entry.level && t("level", { level: tLevel(entry.level) }),
    entry.priority !== null && t(entry.priority ? "priorityOn" : "priorityOff"),
  ].filter(Boolean);
  if (details.length === 0) return null;
  return <p className="text-slate-700">{details.join(" · ")}</p>;
}
