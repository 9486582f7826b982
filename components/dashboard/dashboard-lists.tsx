import { getTranslations } from "next-intl/server";
import { HealthBadge } from "@/components/tracking/health-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardViewModel } from "@/lib/dashboard/view-model";
import { Link } from "@/lib/i18n/navigation";
import { ItemTitle } from "./item-title";

type List = DashboardViewModel["overdue"];

/** The overdue items and those due soon, each list with its link to the rest in the table. */
export async function DashboardLists({ overdue, dueSoon }: { overdue: List; dueSoon: List }) {
  const t = await getTranslations("dashboard");
  return (
    <>
      <ItemList
        id="overdue-list"
        title={t("overdueList")}
        list={overdue}
        note={(days) => t("overdueSince", { days })}
      />
      <ItemList
        id="due-soon-list"
        title={t("dueSoonList")}
        list={dueSoon}
        note={(days) => t("dueIn", { days })}
      />
    </>
  );
}

/** A short list of items, each linked to its page, with a note (how late, how soon). */
async function ItemList({
  id,
  title,
  list,
  note,
}: {
  id: string;
  title: string;
  list: List;
  note: (days: number) => string;
}) {
  const t = await getTranslations("dashboard");
  return (
    <Card>
      <CardHeader>
        <CardTitle id={`${id}-heading`}>{title}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {list.items.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneListed")}</p>
        ) : (
          <ul aria-labelledby={`${id}-heading`} className="space-y-3 text-sm" data-testid={id}>
            {list.items.map((item) => (
              <li key={item.id} className="space-y-0.5">
                <ItemTitle code={item.code} href={item.href} title={item.title} />
                <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                  <HealthBadge health={item.health} />
                  <span>{item.days === null ? "" : note(item.days)}</span>
                  {item.agency !== null && <span>{item.agency}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
        {list.moreHref && (
          <Link href={list.moreHref} className="text-sm text-brand-700 hover:underline">
            {t("openInTable")}
          </Link>
        )}
      </CardContent>
    </Card>
  );
}
