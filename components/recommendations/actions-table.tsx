import { useFormatter, useLocale, useTranslations } from "next-intl";
import { FollowButton } from "@/components/notifications/follow-button";
import { buttonVariants } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isOverdue } from "@/lib/recommendations/overdue";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { AgencyList } from "./agency-list";
import { OverdueBadge, StatusBadge } from "./status-badge";

type Actions = RecommendationPage["recommendation"]["actions"];

/** The actions of a recommendation: a table on wide screens, a list of cards on phones. */
export function ActionsTable({
  actions,
  today,
  editableIds,
  followedIds,
  itemPath,
}: {
  actions: Actions;
  today: Date;
  /** Actions the signed-in user may update. */
  editableIds: string[];
  /** Actions the user follows; without it, no follow buttons (an archived recommendation). */
  followedIds?: string[];
  itemPath: string;
}) {
  const t = useTranslations("recommendation");
  const tForm = useTranslations("statusForm");
  const tPromises = useTranslations("promises");
  const locale = useLocale();
  const format = useFormatter();
  if (actions.length === 0) return <p className="px-5 py-4 text-slate-600">{t("actionsEmpty")}</p>;
  const rows = actions.map((action) => ({
    ...action,
    title: localized(locale, action.titleZh, action.titleEn),
    due: action.dueDate ? format.dateTime(action.dueDate, "date") : "—",
    overdue: isOverdue(action, today),
    updateLink: editableIds.includes(action.id) ? (
      <Link
        href={`${itemPath}/${action.code}/update`}
        aria-label={tForm("updateAction", { code: action.code })}
        className={buttonVariants({ variant: "outline", size: "sm" })}
      >
        {tForm("update")}
      </Link>
    ) : null,
    followButton: followedIds ? (
      <FollowButton
        itemType="action"
        itemId={action.id}
        following={followedIds.includes(action.id)}
        code={action.code}
      />
    ) : null,
  }));
  // 来自答复的承诺: the reply's sentence an action was created from (lib/promises).
  const promiseLine = (source: string | null) =>
    source ? (
      <p className="mt-1 break-words text-xs text-slate-600" data-testid="promise-source">
        {tPromises("fromReply", { sentence: source })}
      </p>
    ) : null;
  const anyEditable = editableIds.length > 0;
  const lastColumn = anyEditable || followedIds !== undefined;
  return (
    <>
      <div className="hidden md:block">
        <Table>
          <thead>
            <tr>
              <TableHead scope="col">{t("actionCode")}</TableHead>
              <TableHead scope="col">{t("actionTitle")}</TableHead>
              <TableHead scope="col">{t("status")}</TableHead>
              <TableHead scope="col" className="min-w-40">
                {t("progress")}
              </TableHead>
              <TableHead scope="col" className="text-right">
                {t("weight")}
              </TableHead>
              <TableHead scope="col">{t("dueDate")}</TableHead>
              {lastColumn && (
                <TableHead scope="col">
                  <span className="sr-only">{t("actionButtons")}</span>
                </TableHead>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((action) => (
              <tr
                key={action.id}
                id={`action-${action.code}`}
                data-testid={`action-${action.code}`}
                className="scroll-mt-20 target:bg-amber-50"
              >
                <TableCell className="whitespace-nowrap font-mono text-xs text-slate-600">
                  {action.code}
                </TableCell>
                <TableCell>
                  <p className="font-medium text-slate-900">{action.title}</p>
                  {promiseLine(action.promiseSource)}
                  <div className="mt-1 text-xs text-slate-600">
                    <AgencyList agencies={action.agencies} />
                  </div>
                </TableCell>
                <TableCell>
                  <div className="flex flex-col items-start gap-1">
                    <StatusBadge status={action.status} />
                    {action.overdue && <OverdueBadge />}
                  </div>
                </TableCell>
                <TableCell>
                  <Progress value={action.progress} label={`${action.code} ${action.title}`} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{action.weight}</TableCell>
                <TableCell className="whitespace-nowrap">{action.due}</TableCell>
                {lastColumn && (
                  <TableCell>
                    <div className="flex flex-wrap items-center justify-end gap-2">
                      {action.updateLink}
                      {action.followButton}
                    </div>
                  </TableCell>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
      <ul className="divide-y divide-slate-100 md:hidden">
        {rows.map((action) => (
          <li key={action.id} className="space-y-2 px-4 py-3">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-xs text-slate-600">{action.code}</span>
              <StatusBadge status={action.status} />
              {action.overdue && <OverdueBadge />}
            </div>
            <p className="font-medium text-slate-900">{action.title}</p>
            {promiseLine(action.promiseSource)}
            <Progress value={action.progress} label={`${action.code} ${action.title}`} />
            <p className="text-xs text-slate-600">
              {t("dueDate")} {action.due} · {t("weight")} {action.weight}
            </p>
            <div className="text-xs text-slate-600">
              <AgencyList agencies={action.agencies} />
            </div>
            <div className="flex flex-wrap items-center gap-2">
              {action.updateLink}
              {action.followButton}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
