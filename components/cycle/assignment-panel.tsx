import { useLocale, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { AssignmentPanelData, AssignmentState } from "@/lib/cycle/assignment";
import { localized } from "@/lib/i18n/localized";
import { AcknowledgeButton } from "./acknowledge-button";
import { ViewForm } from "./view-form";

/** 交办与签收: where the item is in the cycle, and each agency's assignment and acknowledgement. */
export function AssignmentPanel({ data }: { data: AssignmentPanelData }) {
  const t = useTranslations("cycle");
  const locale = useLocale();
  return (
    <Card aria-labelledby="assignment-heading" data-testid="assignment-panel">
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="assignment-heading">{t("assignment.title")}</CardTitle>
        <p className="text-sm">
          <span className="text-slate-600">{t("assignment.stage")} </span>
          <span
            className="rounded bg-brand-50 px-2 py-0.5 font-medium text-brand-800"
            data-testid="cycle-stage"
          >
            {t(`stage.${data.stage}`)}
          </span>
        </p>
      </CardHeader>
      <CardContent className="space-y-3">
        {data.assignments.length === 0 ? (
          <p className="text-sm text-slate-600">{t("assignment.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {data.assignments.map((row) => (
              <li
                key={row.agencyId}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2"
              >
                <span>
                  <span className="font-medium">{localized(locale, row.nameZh, row.nameEn)}</span>{" "}
                  <span className="text-slate-600">
                    {t(row.role === "lead" ? "assignment.lead" : "assignment.coHandler")} ·{" "}
                    {t("assignment.assignedOn", { day: row.assignedOn })}
                  </span>
                </span>
                <ViewState row={row} />
                {row.acknowledgedOn ? (
                  <span className="text-emerald-800">
                    {t("assignment.acknowledgedOn", { day: row.acknowledgedOn })}
                  </span>
                ) : (
                  <span
                    className={row.overdue ? "font-medium text-red-700" : "text-amber-800"}
                    data-overdue={row.overdue ? "true" : undefined}
                  >
                    {t(row.overdue ? "assignment.overdue" : "assignment.pending", { day: row.acknowledgeBy })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {data.canAcknowledge && (
          <AcknowledgeButton recommendationId={data.recommendationId} version={data.version} />
        )}
        {data.canSubmitView && (
          <ViewForm
            recommendationId={data.recommendationId}
            version={data.version}
            viewBy={
              data.assignments.find((row) => row.role === "co_handler" && row.view === null)?.viewBy ?? null
            }
          />
        )}
      </CardContent>
    </Card>
  );
}

/** A co-handler's view (协办意见): its text once sent, else when it is due (red once late). */
function ViewState({ row }: { row: AssignmentState }) {
  const t = useTranslations("cycle.assignment");
  if (row.viewBy === null) return null;
  if (row.view)
    return (
      <div className="order-last w-full text-slate-800" data-testid="co-handler-view">
        <span className="text-slate-600">{t("viewSentOn", { day: row.view.sentOn })} </span>
        <span className="whitespace-pre-line break-words">{row.view.text}</span>
      </div>
    );
  if (!row.viewOverdue) return null;
  return (
    <span className="order-last w-full font-medium text-red-700" data-testid="co-handler-view-overdue">
      {t("viewOverdue", { day: row.viewBy })}
    </span>
  );
}
