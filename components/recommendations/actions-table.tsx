import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Progress } from "@/components/ui/progress";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localized";
import { isOverdue } from "@/lib/recommendations/overdue";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { AgencyList } from "./agency-list";
import { OverdueBadge, StatusBadge } from "./status-badge";

type Actions = RecommendationPage["recommendation"]["actions"];

export function ActionsTable({ actions, today }: { actions: Actions; today: Date }) {
  const t = useTranslations("recommendation");
  const locale = useLocale();
  const format = useFormatter();
  if (actions.length === 0) return <p className="px-5 py-4 text-slate-600">{t("actionsEmpty")}</p>;
  return (
    <Table>
      <thead>
        <tr>
          <TableHead scope="col">{t("actionCode")}</TableHead>
          <TableHead scope="col">{t("actionTitle")}</TableHead>
          <TableHead scope="col">{t("status")}</TableHead>
          <TableHead scope="col" className="min-w-36">
            {t("progress")}
          </TableHead>
          <TableHead scope="col">{t("dueDate")}</TableHead>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => {
          const title = localized(locale, action.titleZh, action.titleEn);
          return (
            <tr key={action.id} data-testid={`action-${action.code}`}>
              <TableCell className="whitespace-nowrap font-mono text-xs text-slate-600">
                {action.code}
              </TableCell>
              <TableCell>
                <p className="font-medium text-slate-900">{title}</p>
                <div className="mt-1 text-xs text-slate-600">
                  <AgencyList agencies={action.agencies} compact />
                </div>
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1">
                  <StatusBadge status={action.status} />
                  {isOverdue(action, today) && <OverdueBadge />}
                </div>
              </TableCell>
              <TableCell>
                <Progress value={action.progress} label={`${action.code} ${title}`} />
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {action.dueDate ? format.dateTime(action.dueDate, "date") : "—"}
              </TableCell>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
