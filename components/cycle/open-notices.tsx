import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { OpenNotice } from "@/lib/cycle/supervision";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { WarningBadge } from "./warning-badge";

/** The office's desk: the 督办单 not yet answered, the late ones first. */
export function OpenNotices({ notices }: { notices: OpenNotice[] }) {
  const t = useTranslations("supervision");
  const locale = useLocale();
  return (
    <Card aria-labelledby="open-notices-heading">
      <CardHeader>
        <CardTitle id="open-notices-heading">{t("desk.title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {notices.length === 0 ? (
          <p className="text-sm text-slate-600">{t("desk.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm" data-testid="open-notices">
            {notices.map((notice) => (
              <li
                key={notice.id}
                className="flex flex-wrap items-baseline justify-between gap-2 py-2"
                data-late={notice.late ? "true" : undefined}
              >
                <span className="min-w-0 space-x-2">
                  <WarningBadge level={notice.level} />
                  <Link
                    href={`/proposals/${encodeURIComponent(notice.proposalCode)}/${encodeURIComponent(notice.recommendationCode)}`}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {notice.proposalCode} · {notice.recommendationCode}{" "}
                    {localized(locale, notice.titleZh, notice.titleEn)}
                  </Link>
                  <span className="text-slate-700">
                    {localized(locale, notice.agencyZh, notice.agencyEn)}
                  </span>
                  <span className="text-slate-600">
                    {notice.acknowledgedOn
                      ? t("acknowledgedOn", { day: notice.acknowledgedOn })
                      : t("notAcknowledged")}
                  </span>
                </span>
                <span className={notice.late ? "font-medium text-red-700" : "text-slate-700"}>
                  {t(notice.late ? "desk.late" : "desk.due", { day: notice.answerDue })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
