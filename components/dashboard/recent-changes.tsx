import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { RecentChange } from "@/lib/dashboard/view-model";
import { ItemTitle } from "./item-title";

/** The latest status updates within the period, newest first. */
export async function RecentChanges({ changes }: { changes: RecentChange[] }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  return (
    <Card>
      <CardHeader>
        <CardTitle id="changes-heading">{t("recentChanges")}</CardTitle>
      </CardHeader>
      <CardContent>
        {changes.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noneListed")}</p>
        ) : (
          <ol aria-labelledby="changes-heading" className="space-y-3 text-sm" data-testid="recent-changes">
            {changes.map((change) => (
              <li key={change.id} className="space-y-0.5">
                <p className="text-xs text-slate-600">
                  <time dateTime={change.date.toISOString()}>{format.dateTime(change.date, "date")}</time>
                  {change.author !== null && ` · ${t("by", { name: change.author })}`}
                </p>
                <ItemTitle code={change.code} href={change.href} title={change.title} />
                <p className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={change.status} />
                  <span className="tabular-nums">{change.progress}%</span>
                  {change.rollUp && <span className="text-xs text-slate-600">{t("rollUp")}</span>}
                </p>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
