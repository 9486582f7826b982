import { useFormatter, useLocale, useTranslations } from "next-intl";
import { SampleDataNotice } from "@/components/layout/sample-data-notice";
import { OverdueBadge, StatusBadge } from "@/components/recommendations/status-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { ItemStatus } from "@/lib/db/enums";
import { agencyShortName, localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { ProposalOverview as Overview } from "@/lib/proposals/queries";
import { isOverdue } from "@/lib/recommendations/overdue";

export function ProposalOverview({ overview }: { overview: Overview }) {
  const { proposal, figures, recommendations, today } = overview;
  const t = useTranslations("overview");
  const tStatus = useTranslations("status");
  const tRec = useTranslations("recommendation");
  const tManage = useTranslations("manage");
  const tDeputy = useTranslations("deputy");
  const locale = useLocale();
  const format = useFormatter();
  const title = localized(locale, proposal.titleZh, proposal.titleEn);

  return (
    <div className="space-y-6">
      {proposal.isSample && <SampleDataNotice />}
      {proposal.archivedAt && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          {tManage("proposalArchivedNotice", { reason: proposal.archivedReason ?? "" })}
        </p>
      )}

      <header className="space-y-3">
        <p className="text-sm font-medium text-brand-700">{t("proposal")}</p>
        <h1 className="text-2xl font-semibold leading-snug text-slate-900 sm:text-3xl">
          {locale === "en" ? title : `《${title}》`}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm text-slate-700">
          <dt className="font-medium text-slate-500">{t("author")}</dt>
          <dd>{localized(locale, proposal.authorZh, proposal.authorEn)}</dd>
          {proposal.cosigners.length > 0 && (
            <>
              <dt className="font-medium text-slate-500">{tDeputy("cosigners")}</dt>
              <dd>
                {proposal.cosigners
                  .map((c) => localized(locale, c.nameZh, c.nameEn))
                  .join(locale === "en" ? ", " : "、")}
              </dd>
            </>
          )}
          <dt className="font-medium text-slate-500">{t("session")}</dt>
          <dd>{localized(locale, proposal.congressSessionZh, proposal.congressSessionEn)}</dd>
          <dt className="font-medium text-slate-500">{t("submitted")}</dt>
          <dd>{format.dateTime(proposal.submittedAt, "date")}</dd>
          {proposal.sourceReferenceZh && (
            <>
              <dt className="font-medium text-slate-500">{t("source")}</dt>
              <dd>{localized(locale, proposal.sourceReferenceZh, proposal.sourceReferenceEn)}</dd>
            </>
          )}
        </dl>
        <p className="max-w-4xl text-slate-700">
          {localized(locale, proposal.summaryZh, proposal.summaryEn)}
        </p>
      </header>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="sr-only">
          {t("figures")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
          <Figure label={t("recommendationCount")} value={figures.total} />
          <Figure
            label={t("averageProgress")}
            value={figures.weightedProgress === null ? t("none") : `${figures.weightedProgress}%`}
          />
          {Object.values(ItemStatus).map((status) => (
            <Figure key={status} label={tStatus(status)} value={figures.countByStatus[status] ?? 0} />
          ))}
          <Figure label={t("overdue")} value={figures.overdue} emphasis={figures.overdue > 0} />
        </ul>
      </section>

      <Card aria-labelledby="recommendations-heading">
        <CardHeader>
          <CardTitle id="recommendations-heading">{t("recommendations")}</CardTitle>
        </CardHeader>
        {recommendations.length === 0 ? (
          <CardContent>
            <p className="text-slate-600">{t("empty")}</p>
          </CardContent>
        ) : (
          <ol className="divide-y divide-slate-100">
            {recommendations.map((rec) => {
              const recTitle = localized(locale, rec.titleZh, rec.titleEn);
              return (
                <li key={rec.id} data-testid={`recommendation-${rec.code}`}>
                  <Link
                    href={`/proposals/${proposal.code}/${rec.code}`}
                    className="grid gap-3 px-4 py-4 hover:bg-slate-50 sm:px-5 md:grid-cols-[minmax(0,1fr)_13rem_15rem] md:items-center"
                  >
                    <div className="min-w-0 space-y-1">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-mono text-sm font-semibold text-brand-700">{rec.code}</span>
                        <StatusBadge status={rec.status} />
                        {isOverdue(rec, today) && <OverdueBadge />}
                        {rec.overdueActions > 0 && (
                          <Badge tone="danger">{t("overdueActions", { count: rec.overdueActions })}</Badge>
                        )}
                        {rec.replyClock.replyOverdueDays !== null && (
                          <Badge tone="danger">
                            {tRec("replyOverdue", { days: rec.replyClock.replyOverdueDays })}
                          </Badge>
                        )}
                        {rec.replyClock.rehandlingOverdueDays !== null && (
                          <Badge tone="danger">
                            {tRec("rehandlingOverdue", { days: rec.replyClock.rehandlingOverdueDays })}
                          </Badge>
                        )}
                      </div>
                      <p className="font-medium text-slate-900">{recTitle}</p>
                      <p className="text-xs text-slate-500">
                        {rec.theme ? `${localized(locale, rec.theme.nameZh, rec.theme.nameEn)} · ` : ""}
                        {t("actions", { count: rec._count.actions })}
                        {rec.replyClass ? ` · ${t("replyClassShort", { class: rec.replyClass })}` : ""}
                      </p>
                    </div>
                    <Progress value={rec.progress} label={`${rec.code} ${recTitle}`} />
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-600">
                      <dt className="text-slate-500">{t("leadAgency")}</dt>
                      <dd>
                        {rec.leadAgency ? (
                          <abbr
                            title={localized(locale, rec.leadAgency.nameZh, rec.leadAgency.nameEn)}
                            className="no-underline"
                          >
                            {agencyShortName(locale, rec.leadAgency)}
                          </abbr>
                        ) : (
                          t("none")
                        )}
                      </dd>
                      <dt className="text-slate-500">{t("dueDate")}</dt>
                      <dd>{rec.dueDate ? format.dateTime(rec.dueDate, "date") : t("none")}</dd>
                      <dt className="text-slate-500">{t("lastUpdate")}</dt>
                      <dd>{rec.lastUpdateAt ? format.dateTime(rec.lastUpdateAt, "date") : t("noUpdate")}</dd>
                    </dl>
                  </Link>
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </div>
  );
}

function Figure({
  label,
  value,
  emphasis = false,
}: {
  label: string;
  value: number | string;
  emphasis?: boolean;
}) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
      <p className="text-xs text-slate-600">{label}</p>
      <p className={`text-xl font-semibold tabular-nums ${emphasis ? "text-red-700" : "text-slate-900"}`}>
        {value}
      </p>
    </li>
  );
}
