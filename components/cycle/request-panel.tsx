"use client";
// 延期与退回申请 on a recommendation's page: for the agencies assigned it, their requests with the office's
// decisions and the forms to ask (only while they may); for the office, the same with the forms to decide.
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ExtensionRow, HandbackRow, RequestPanelData } from "@/lib/cycle/request-queries";
import type { RequestState } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import {
  DecideExtensionForm,
  DecideHandbackForm,
  RequestExtensionForm,
  RequestHandbackForm,
} from "./request-forms";

const STATE_TONE: Record<RequestState, string> = {
  pending: "bg-amber-100 text-amber-900",
  approved: "bg-emerald-100 text-emerald-900",
  rejected: "bg-slate-200 text-slate-800",
};

export function RequestStateBadge({ state }: { state: RequestState }) {
  const t = useTranslations("cycleRequests.state");
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATE_TONE[state]}`} data-state={state}>
      {t(state)}
    </span>
  );
}

/** Who asked and when, why, and the office's decision once made. */
function RequestBody({
  row,
  children,
}: {
  row: Pick<
    ExtensionRow,
    "requestedBy" | "createdAt" | "decidedBy" | "decidedAt" | "decisionReason" | "reason"
  >;
  children?: ReactNode;
}) {
  const t = useTranslations("cycleRequests");
  const format = useFormatter();
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-1 text-sm">
      {children}
      <p className="whitespace-pre-line break-words text-slate-800">{row.reason}</p>
      <p className="text-xs text-slate-600">
        {t("requestedBy", { who: row.requestedBy, when: when(row.createdAt) })}
      </p>
      {row.decidedAt && (
        <p className="text-xs text-slate-600">
          {t("decidedBy", { who: row.decidedBy ?? "—", when: when(row.decidedAt) })}
        </p>
      )}
      {row.decisionReason && (
        <p className="whitespace-pre-line break-words text-slate-700">
          {t("decisionReason", { reason: row.decisionReason })}
        </p>
      )}
    </div>
  );
}

export function ExtensionSummary({ row }: { row: ExtensionRow }) {
  const t = useTranslations("cycleRequests");
  return (
    <RequestBody row={row}>
      <p className="flex flex-wrap items-center gap-2">
        <RequestStateBadge state={row.state} />
        <span className="font-medium text-slate-900">
          {t("extension.change", { from: row.previousDueOn, to: row.requestedDueOn })}
        </span>
      </p>
      {row.closedWithHandback && <p className="text-slate-700">{t("extension.closedWithHandback")}</p>}
    </RequestBody>
  );
}

export function HandbackSummary({ row }: { row: HandbackRow }) {
  const t = useTranslations("cycleRequests");
  const locale = useLocale();
  const role =
    row.role === "lead" ? t("roleLead") : row.role === "co_handler" ? t("roleCoHandler") : t("roleGone");
  return (
    <RequestBody row={row}>
      <p className="flex flex-wrap items-center gap-2">
        <RequestStateBadge state={row.state} />
        <span className="font-medium text-slate-900">
          {t("handback.from", { agency: localized(locale, row.agency.nameZh, row.agency.nameEn), role })}
        </span>
      </p>
      {row.suggestedAgency && (
        <p className="text-slate-700">
          {t("handback.suggestedLine", {
            agency: localized(locale, row.suggestedAgency.nameZh, row.suggestedAgency.nameEn),
          })}
        </p>
      )}
    </RequestBody>
  );
}

export function RequestPanel({ data }: { data: RequestPanelData }) {
  const t = useTranslations("cycleRequests");
  const item = { recommendationId: data.recommendationId, version: data.version };
  const ownRole = data.own?.role === "lead" ? t("roleLead") : t("roleCoHandler");
  const extensionPending = data.extensions.some((row) => row.state === "pending");
  const ownHandbackPending = data.handbacks.some(
    (row) => row.state === "pending" && row.agency.id === data.own?.agencyId,
  );
  return (
    <Card aria-labelledby="requests-heading" data-testid="requests-panel">
      <CardHeader>
        <CardTitle id="requests-heading">{t("title")}</CardTitle>
        <p className="text-sm text-slate-600">{t("intro", { days: data.handbackWorkingDays })}</p>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="extension-heading" className="min-w-0 space-y-3" data-testid="extensions">
          <h3 id="extension-heading" className="font-medium text-slate-900">
            {t("extension.title")}
          </h3>
          <p className="text-sm text-slate-700">
            {data.replyDueOn && data.extensionLimit
              ? t("extension.current", { due: data.replyDueOn, limit: data.extensionLimit })
              : t("extension.noDeadline")}
          </p>
          {data.canRequestExtension && data.replyDueOn && data.extensionLimit && (
            <RequestExtensionForm item={item} due={data.replyDueOn} limit={data.extensionLimit} />
          )}
          {extensionPending && !data.canDecideExtension && (
            <p className="text-sm text-amber-900">{t("extension.pendingExists")}</p>
          )}
          {data.extensions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {data.extensions.map((row) => (
                <li key={row.id} className="space-y-3 py-3" data-testid="extension-request">
                  <ExtensionSummary row={row} />
                  {row.state === "pending" && data.canDecideExtension && (
                    <DecideExtensionForm item={item} requestId={row.id} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="handback-heading" className="min-w-0 space-y-3" data-testid="handbacks">
          <h3 id="handback-heading" className="font-medium text-slate-900">
            {t("handback.title")}
          </h3>
          {data.own && (
            <p className="text-sm text-slate-700">
              {t(data.own.handbackOpen ? "handback.window" : "handback.windowClosed", {
                role: ownRole,
                day: data.own.handbackDueBy,
              })}
            </p>
          )}
          {data.canRequestHandback && data.own && (
            <RequestHandbackForm item={item} agencies={data.agencies} ownAgencyId={data.own.agencyId} />
          )}
          {ownHandbackPending && <p className="text-sm text-amber-900">{t("handback.pendingExists")}</p>}
          {data.handbacks.length === 0 ? (
            <p className="text-sm text-slate-600">{t("none")}</p>
          ) : (
            <ul className="divide-y divide-slate-200">
              {data.handbacks.map((row) => (
                <li key={row.id} className="space-y-3 py-3" data-testid="handback-request">
                  <HandbackSummary row={row} />
                  {row.state === "pending" && data.canDecideHandback && (
                    <DecideHandbackForm
                      item={item}
                      requestId={row.id}
                      lead={row.role === "lead"}
                      suggestedAgencyId={row.suggestedAgency?.id ?? null}
                      agencies={data.agencies}
                      assigned={data.assigned}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </CardContent>
    </Card>
  );
}
