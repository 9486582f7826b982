import { ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { ExternalLink } from "./external-link";
import { StatusBadge } from "./status-badge";

type Change = {
  statusBefore: ItemStatus | null;
  statusAfter: ItemStatus;
  progressBefore: number | null;
  progressAfter: number;
};

/**
 * Every status update of the recommendation and its actions, newest effective date first. The
 * recommendation's automatic roll-up is shown inside the action update that caused it.
 */
export function HistoryTimeline({
  history,
  recommendationCode,
}: {
  history: RecommendationPage["history"];
  recommendationCode: string;
}) {
  const t = useTranslations("recommendation");
  const tSource = useTranslations("updateSource");
  const locale = useLocale();
  const format = useFormatter();
  if (history.length === 0) return <p className="px-5 py-4 text-slate-600">{t("historyEmpty")}</p>;
  return (
    <ol className="px-4 py-2 sm:px-5" data-testid="history">
      {history.map((entry) => {
        const recordedAt = format.dateTime(entry.createdAt, "dateTime");
        return (
          <li key={entry.id} className="relative border-l-2 border-slate-200 pb-5 pl-5 last:pb-2">
            <span
              aria-hidden="true"
              className="absolute -left-[7px] top-1.5 size-3 rounded-full bg-brand-600"
            />
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <time dateTime={entry.effectiveDate.toISOString()} className="font-semibold text-slate-900">
                {t("effective", { date: format.dateTime(entry.effectiveDate, "date") })}
              </time>
              <span className="font-mono text-xs text-slate-600">
                {entry.action
                  ? entry.action.code
                  : `${recommendationCode} · ${t("historyItemRecommendation")}`}
              </span>
              {entry.action && (
                <span className="text-xs text-slate-600">
                  {localized(locale, entry.action.titleZh, entry.action.titleEn)}
                </span>
              )}
            </div>
            <ChangeLine change={entry} />
            {entry.comment && <p className="mt-1.5 text-sm text-slate-800">{entry.comment}</p>}
            {entry.rollUpCause && entry.rollUpCause !== "action_update" && entry.rollUpActionCode && (
              <p className="mt-1.5 text-sm text-slate-700">
                {t(`rollUpCause.${entry.rollUpCause}`, { code: entry.rollUpActionCode })}
              </p>
            )}
            {entry.rolledUpInto && (
              <div className="mt-1.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span>{t("rollUp", { code: recommendationCode })}</span>
                <ChangeLine change={entry.rolledUpInto} compact />
              </div>
            )}
            {entry.evidence.length > 0 && (
              <div className="mt-1.5 text-sm">
                <span className="text-slate-500">{t("citedEvidence")} </span>
                <ul className="inline">
                  {entry.evidence.map(({ evidence }) => (
                    <li key={evidence.id} className="mr-3 inline">
                      {evidence.url ? (
                        <ExternalLink
                          href={evidence.url}
                          className={
                            evidence.withdrawnAt
                              ? "text-slate-500 line-through"
                              : "text-brand-700 underline-offset-2 hover:underline"
                          }
                        >
                          {localized(locale, evidence.titleZh, evidence.titleEn)}
                        </ExternalLink>
                      ) : (
                        // A file's evidence: its files are listed with the evidence above.
                        <span
                          className={evidence.withdrawnAt ? "text-slate-500 line-through" : "text-slate-900"}
                        >
                          {localized(locale, evidence.titleZh, evidence.titleEn)}
                        </span>
                      )}
                      {evidence.withdrawnAt && (
                        <span className="ml-1 text-xs text-red-800" data-testid="withdrawn-evidence">
                          {t("withdrawnOn", { date: format.dateTime(evidence.withdrawnAt, "date") })}
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="mt-1 text-xs text-slate-500">
              {entry.author
                ? t("recorded", { author: entry.author.name, date: recordedAt })
                : t("recordedNoAuthor", { date: recordedAt })}
              {/* The banner already says the sample is sample data; the form and imports are worth naming. */}
              {entry.source !== "seed" && ` · ${tSource(entry.source)}`}
              {entry.importFileName ? ` · ${entry.importFileName}` : ""}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function ChangeLine({ change, compact = false }: { change: Change; compact?: boolean }) {
  const t = useTranslations("recommendation");
  const statusChanged = change.statusBefore !== change.statusAfter;
  return (
    <div
      className={
        compact ? "flex flex-wrap items-center gap-2" : "mt-1.5 flex flex-wrap items-center gap-2 text-sm"
      }
    >
      {(!compact || statusChanged) && (
        <>
          {change.statusBefore ? (
            <StatusBadge status={change.statusBefore} />
          ) : (
            <Badge tone="muted">{t("created")}</Badge>
          )}
          <ArrowRight aria-hidden="true" className="size-3.5 text-slate-500" />
          <span className="sr-only">{t("changedTo")}</span>
          <StatusBadge status={change.statusAfter} />
        </>
      )}
      <span className="tabular-nums text-slate-700">
        {change.progressBefore === null ? "" : `${change.progressBefore}% → `}
        {change.progressAfter}%
      </span>
    </div>
  );
}
