import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardViewModel, FigureDisplay } from "@/lib/dashboard/view-model";
import { Link } from "@/lib/i18n/navigation";
import { barOf, ChartFigure, summaryOf } from "./chart-figure";
import { CategoryBars } from "./charts";

/** The replies: how many are in, re-handling, the class/progress mismatches, classes and satisfaction. */
export async function DashboardReplies({
  replies,
  display,
  switchHref,
}: {
  replies: DashboardViewModel["replies"];
  display: FigureDisplay;
  switchHref: DashboardViewModel["switchHref"];
}) {
  const [t, tClass, format, tPromises] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("replyClass"),
    getFormatter(),
    getTranslations("promises"),
  ]);
  const separator = t("listSeparator");
  const classBars = replies.classes.map((segment) => barOf(segment, segment.key));
  const satisfactionBars = replies.satisfaction.map((segment) => barOf(segment, segment.label));
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("repliesTitle")}</CardTitle>
        <p className="mt-0.5 text-xs text-slate-600">{t("repliesNote")}</p>
      </CardHeader>
      <CardContent className="space-y-4">
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7" data-testid="reply-figures">
          {replies.states.map(({ key, value }) => (
            <div key={key} className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-600">{t(key)}</dt>
              <dd className="text-xl font-semibold tabular-nums">{format.number(value)}</dd>
            </div>
          ))}
          {replies.rehandling.map(({ state, value, alert, href }) => (
            <div
              key={state}
              className={alert ? "rounded-md bg-red-50 p-3" : "rounded-md bg-slate-50 p-3"}
              data-testid={`rehandling-${state}`}
            >
              <dt className="text-sm text-slate-600">{t(`rehandling.${state}`)}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                {href ? (
                  <Link href={href} className="underline-offset-2 hover:underline">
                    {format.number(value)}
                  </Link>
                ) : (
                  format.number(value)
                )}
              </dd>
            </div>
          ))}
          <div className="rounded-md bg-amber-50 p-3">
            <dt className="text-sm text-amber-900">{t("mismatch")}</dt>
            <dd>
              {replies.mismatch.href ? (
                <Link
                  href={replies.mismatch.href}
                  className="text-xl font-semibold tabular-nums underline-offset-2 hover:underline"
                  data-testid="mismatch-link"
                >
                  {format.number(replies.mismatch.value)}
                </Link>
              ) : (
                <span className="text-xl font-semibold tabular-nums" data-testid="mismatch-count">
                  {format.number(replies.mismatch.value)}
                </span>
              )}
              <p className="text-xs text-amber-900">{t("mismatchHint")}</p>
            </dd>
          </div>
          <div className="rounded-md bg-amber-50 p-3">
            <dt className="text-sm text-amber-900">{tPromises("neglectedCard")}</dt>
            <dd>
              {replies.neglected.href ? (
                <Link
                  href={replies.neglected.href}
                  className="text-xl font-semibold tabular-nums underline-offset-2 hover:underline"
                  data-testid="neglected-link"
                >
                  {format.number(replies.neglected.value)}
                </Link>
              ) : (
                <span className="text-xl font-semibold tabular-nums" data-testid="neglected-count">
                  {format.number(replies.neglected.value)}
                </span>
              )}
              <p className="text-xs text-amber-900">
                {tPromises("neglectedHint", { months: replies.neglected.months })}
              </p>
            </dd>
          </div>
        </dl>
        <div className="grid gap-6 lg:grid-cols-2">
          <ChartFigure
            id="reply-classes"
            display={display}
            switchHref={switchHref("reply-classes")}
            title={t("replyClasses")}
            summary={t("chartLabel", { title: t("replyClasses"), summary: summaryOf(classBars, separator) })}
            columns={[t("category"), t("count")]}
            rows={replies.classes.map((segment) => ({
              key: segment.key,
              label: tClass(segment.key),
              values: [segment.value],
              href: segment.href,
            }))}
          >
            <CategoryBars data={classBars} valueLabel={t("count")} labelWidth={32} />
          </ChartFigure>
          <ChartFigure
            id="satisfaction"
            display={display}
            switchHref={switchHref("satisfaction")}
            title={t("satisfaction")}
            summary={t("chartLabel", {
              title: t("satisfaction"),
              summary: summaryOf(satisfactionBars, separator),
            })}
            columns={[t("category"), t("count")]}
            rows={satisfactionBars.map((bar) => ({
              key: bar.key,
              label: bar.label,
              values: [bar.value],
              href: null,
            }))}
          >
            <CategoryBars data={satisfactionBars} valueLabel={t("count")} labelWidth={88} />
          </ChartFigure>
        </div>
      </CardContent>
    </Card>
  );
}
