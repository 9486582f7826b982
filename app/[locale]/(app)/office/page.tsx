import { getTranslations, setRequestLocale } from "next-intl/server";
import { OpenNotices } from "@/components/cycle/open-notices";
import { PendingRequests } from "@/components/cycle/pending-requests";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireOffice } from "@/lib/auth/session";
import { officeDesk } from "@/lib/cycle/assignment";
import { pendingRequestsDesk } from "@/lib/cycle/request-queries";
import { openNoticesOnDesk } from "@/lib/cycle/supervision";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("office", "title");

/** 督办台: the office's desk — what is still to assign, and the assignments not acknowledged in time. */
export default async function OfficePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireOffice(locale, `/${locale}/office`);
  const [[toAssign, late], [requests, agencies], notices, t, tCycle] = await Promise.all([
    officeDesk(),
    pendingRequestsDesk(),
    openNoticesOnDesk(),
    getTranslations("office"),
    getTranslations("cycle.assignment"),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <Card aria-labelledby="to-assign-heading">
        <CardHeader>
          <CardTitle id="to-assign-heading">{t("toAssign.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {toAssign.length === 0 ? (
            <p className="text-sm text-slate-600">{t("toAssign.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {toAssign.map((proposal) => (
                <li key={proposal.code} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                  <span>
                    <span className="font-mono text-slate-600">{proposal.code}</span>{" "}
                    {localized(locale, proposal.titleZh, proposal.titleEn)}
                  </span>
                  <Link
                    href={`/office/proposals/${encodeURIComponent(proposal.code)}/assign`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {t("toAssign.assign", { count: proposal._count.recommendations })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <Card aria-labelledby="late-heading">
        <CardHeader>
          <CardTitle id="late-heading">{t("late.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          {late.length === 0 ? (
            <p className="text-sm text-slate-600">{t("late.none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm" data-testid="late-acknowledgements">
              {late.map((row) => (
                <li
                  key={`${row.recommendationId}:${row.agencyId}`}
                  className="flex flex-wrap items-baseline justify-between gap-2 py-2"
                >
                  <span>
                    <Link
                      href={`/proposals/${encodeURIComponent(row.proposalCode)}/${encodeURIComponent(row.recommendationCode)}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {row.proposalCode} · {row.recommendationCode}{" "}
                      {localized(locale, row.titleZh, row.titleEn)}
                    </Link>{" "}
                    <span className="text-slate-700">
                      {localized(locale, row.nameZh, row.nameEn)} (
                      {tCycle(row.role === "lead" ? "lead" : "coHandler")})
                    </span>
                  </span>
                  <span className="font-medium text-red-700">
                    {tCycle("overdue", { day: row.acknowledgeBy })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <PendingRequests requests={requests} agencies={agencies} />
      <OpenNotices notices={notices} />
    </div>
  );
}
