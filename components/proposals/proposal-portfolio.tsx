import { useFormatter, useLocale, useTranslations } from "next-intl";
import { SampleDataNotice } from "@/components/layout/sample-data-notice";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { ItemStatus } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { ProposalPortfolio as Portfolio } from "@/lib/proposals/portfolio";

const STATUS_COLOR: Record<ItemStatus, string> = {
  not_started: "bg-slate-400",
  in_progress: "bg-blue-600",
  completed: "bg-emerald-600",
  stalled: "bg-amber-500",
  not_adopted: "bg-slate-200",
};

/** The home page with several proposals: one card each, with its progress, status mix and overdue count. */
export function ProposalPortfolio({ portfolio }: { portfolio: Portfolio }) {
  const t = useTranslations("manage.portfolio");
  const tStatus = useTranslations("status");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <div className="space-y-6">
      {portfolio.proposals.some((proposal) => proposal.isSample) && <SampleDataNotice />}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{t("title")}</h1>
        <p className="text-slate-700">{t("count", { count: portfolio.total })}</p>
      </header>
      <ul className="grid gap-4 md:grid-cols-2" data-testid="portfolio">
        {portfolio.proposals.map((proposal) => {
          const title = localized(locale, proposal.titleZh, proposal.titleEn);
          const query = `proposal=${encodeURIComponent(proposal.code)}`;
          return (
            <li key={proposal.id} data-testid={`portfolio-${proposal.code}`}>
              <Card className="h-full">
                <CardHeader className="space-y-1">
                  <h2 className="text-lg font-semibold leading-snug">
                    <Link
                      href={`/proposals/${encodeURIComponent(proposal.code)}`}
                      className="text-brand-800 hover:underline"
                    >
                      {locale === "en" ? title : `《${title}》`}
                    </Link>
                  </h2>
                  <p className="text-sm text-slate-600">
                    {localized(locale, proposal.authorZh, proposal.authorEn)} ·{" "}
                    {localized(locale, proposal.congressSessionZh, proposal.congressSessionEn)} ·{" "}
                    {format.dateTime(proposal.submittedAt, "date")}
                  </p>
                </CardHeader>
                <CardContent className="space-y-3">
                  {proposal.progress === null ? (
                    <p className="text-sm text-slate-600">{t("noRecommendations")}</p>
                  ) : (
                    <Progress value={proposal.progress} label={t("progressOf", { title })} />
                  )}
                  {proposal.recommendations > 0 && (
                    <div className="flex h-2.5 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
                      {Object.values(ItemStatus).map((status) => {
                        const count = proposal.countByStatus[status] ?? 0;
                        if (count === 0) return null;
                        return (
                          <div
                            key={status}
                            className={STATUS_COLOR[status]}
                            style={{ width: `${(100 * count) / proposal.recommendations}%` }}
                          />
                        );
                      })}
                    </div>
                  )}
                  <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                    <li>{t("recommendations", { count: proposal.recommendations })}</li>
                    {Object.values(ItemStatus).map((status) => {
                      const count = proposal.countByStatus[status] ?? 0;
                      if (count === 0) return null;
                      return (
                        <li key={status} className="flex items-center gap-1.5">
                          <span
                            aria-hidden="true"
                            className={`size-2.5 rounded-full ${STATUS_COLOR[status]}`}
                          />
                          {tStatus(status)} {count}
                        </li>
                      );
                    })}
                  </ul>
                  <div className="flex flex-wrap items-center gap-3 text-sm">
                    {proposal.overdue > 0 ? (
                      <Badge tone="danger">{t("overdue", { count: proposal.overdue })}</Badge>
                    ) : (
                      <Badge tone="success">{t("noneOverdue")}</Badge>
                    )}
                    <Link href={`/dashboard?${query}`} className="text-brand-700 hover:underline">
                      {t("dashboard")}
                    </Link>
                    <Link href={`/table?${query}`} className="text-brand-700 hover:underline">
                      {t("table")}
                    </Link>
                  </div>
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
      {portfolio.pageCount > 1 && (
        <nav aria-label={t("pages")} className="flex items-center gap-3 text-sm">
          {portfolio.page > 1 && (
            <Link href={`/?page=${portfolio.page - 1}`} className="text-brand-700 hover:underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page: portfolio.page, count: portfolio.pageCount })}</span>
          {portfolio.page < portfolio.pageCount && (
            <Link href={`/?page=${portfolio.page + 1}`} className="text-brand-700 hover:underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
