"use client";
// 待审批的申请 on the office's desk: the 延期 and 退回/改办 requests waiting for a decision, the longest
// waiting first, each with its item, its reason and the form to decide it.
import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { AgencyName, PendingRequest } from "@/lib/cycle/request-queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { DecideExtensionForm, DecideHandbackForm } from "./request-forms";
import { ExtensionSummary, HandbackSummary } from "./request-panel";

export function PendingRequests({
  requests,
  agencies,
}: {
  requests: PendingRequest[];
  agencies: AgencyName[];
}) {
  const t = useTranslations("cycleRequests.desk");
  const locale = useLocale();
  return (
    <Card aria-labelledby="pending-requests-heading">
      <CardHeader>
        <CardTitle id="pending-requests-heading">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        {requests.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="pending-requests">
            {requests.map((row) => {
              const item = { recommendationId: row.recommendationId, version: row.version };
              return (
                <li
                  key={`${row.kind}:${row.id}`}
                  className="grid gap-3 py-3 lg:grid-cols-2"
                  data-testid="pending-request"
                  data-kind={row.kind}
                >
                  <div className="min-w-0 space-y-1">
                    <p className="text-sm">
                      <span className="mr-2 rounded bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-800">
                        {t(row.kind)}
                      </span>
                      <Link
                        href={`/proposals/${encodeURIComponent(row.proposalCode)}/${encodeURIComponent(row.recommendationCode)}`}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {row.proposalCode} · {row.recommendationCode}{" "}
                        {localized(locale, row.titleZh, row.titleEn)}
                      </Link>
                    </p>
                    {row.leadAgency && (
                      <p className="text-xs text-slate-600">
                        {t("lead", {
                          agency: localized(locale, row.leadAgency.nameZh, row.leadAgency.nameEn),
                        })}
                      </p>
                    )}
                    {row.kind === "extension" ? (
                      <ExtensionSummary row={row} />
                    ) : (
                      <HandbackSummary row={row} />
                    )}
                  </div>
                  <div className="min-w-0">
                    {row.kind === "extension" ? (
                      <DecideExtensionForm item={item} requestId={row.id} />
                    ) : (
                      <DecideHandbackForm
                        item={item}
                        requestId={row.id}
                        lead={row.role === "lead"}
                        suggestedAgencyId={row.suggestedAgency?.id ?? null}
                        agencies={agencies}
                        assigned={row.assigned}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
