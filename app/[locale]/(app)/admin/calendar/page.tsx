import { getTranslations, setRequestLocale } from "next-intl/server";
import { type FieldSpec, RecordForm } from "@/components/admin/record-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { removeCalendarDay, saveCalendarDay, saveCycleSettings } from "@/lib/cycle/calendar-actions";
import { calendarYear, calendarYears, cycleSettingsInForce } from "@/lib/cycle/calendar-view";
import { toShanghaiDateString } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import { cn } from "@/lib/utils";

export const generateMetadata = pageTitle("calendarAdmin", "title");

const SETTINGS = [
  "acknowledgeWorkingDays",
  "handbackWorkingDays",
  "coHandlerViewMonths",
  "yellowDaysBefore",
  "redDaysAfter",
] as const;

/** The admins' working-day calendar (法定节假日, 调休) and the handling cycle's clocks. */
export default async function AdminCalendarPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/calendar`);
  const thisYear = Number(toShanghaiDateString(new Date()).slice(0, 4));
  const { year: asked } = await searchParams;
  const years = await calendarYears(admin, thisYear);
  // The year is one of the listed ones, never whatever the address holds.
  const year = years.find((candidate) => String(candidate) === asked) ?? thisYear;
  const [t, days, settings] = await Promise.all([
    getTranslations("calendarAdmin"),
    calendarYear(admin, year),
    cycleSettingsInForce(admin),
  ]);
  const kindOptions = [
    { value: "holiday", label: t("holiday") },
    { value: "workday", label: t("workday") },
  ];
  const dayFields = (day?: (typeof days)[number]): FieldSpec[] => [
    ...(day ? [] : [{ kind: "date" as const, name: "day", label: t("day"), width: "sm:w-44" }]),
    {
      kind: "select",
      name: "kind",
      label: t("kind"),
      value: day?.workday ? "workday" : "holiday",
      options: kindOptions,
      width: "sm:w-40",
    },
    { kind: "text", name: "nameZh", label: t("nameZh"), value: day?.nameZh, width: "sm:w-40" },
    { kind: "text", name: "nameEn", label: t("nameEn"), value: day?.nameEn ?? "", width: "sm:w-52" },
  ];
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("settings")}</CardTitle>
          <p className="mt-1 max-w-3xl text-xs text-slate-600">{t("settingsIntro")}</p>
        </CardHeader>
        <CardContent>
          <RecordForm
            action={saveCycleSettings}
            idPrefix="cycle-settings"
            submitLabel={t("save")}
            fields={SETTINGS.map((key) => ({
              kind: "number",
              name: key,
              label: t(`setting.${key}`),
              value: String(settings[key]),
              width: "sm:w-44",
            }))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("daysOf", { year })}</CardTitle>
          <p className="mt-1 max-w-3xl text-xs text-slate-600">{t("daysIntro")}</p>
          <nav aria-label={t("years")} className="mt-2">
            <ul className="flex flex-wrap gap-2">
              {years.map((candidate) => (
                <li key={candidate}>
                  <Link
                    href={{ pathname: "/admin/calendar", query: { year: candidate } }}
                    aria-current={candidate === year ? "page" : undefined}
                    className={cn(
                      "inline-block rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100",
                      candidate === year && "bg-brand-50 font-medium text-brand-800",
                    )}
                  >
                    {candidate}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </CardHeader>
        {days.length === 0 ? (
          <CardContent>
            <p className="text-sm text-slate-600">{t("none", { year })}</p>
          </CardContent>
        ) : (
          <ul className="divide-y divide-slate-100">
            {days.map((day) => (
              <li key={day.iso} className="space-y-2 px-5 py-3" data-testid={`calendar-${day.iso}`}>
                <p className="text-sm font-medium tabular-nums">
                  {day.iso} · {day.workday ? t("workday") : t("holiday")}
                </p>
                <div className="flex flex-wrap items-end gap-3">
                  <RecordForm
                    action={saveCalendarDay}
                    idPrefix={`day-${day.iso}`}
                    hidden={{ day: day.iso }}
                    submitLabel={t("save")}
                    submitAriaLabel={t("saveDay", { day: day.iso })}
                    fields={dayFields(day)}
                  />
                  <RecordForm
                    action={removeCalendarDay}
                    idPrefix={`remove-${day.iso}`}
                    hidden={{ day: day.iso }}
                    submitLabel={t("remove")}
                    submitAriaLabel={t("removeDay", { day: day.iso })}
                    fields={[]}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("add")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RecordForm
            action={saveCalendarDay}
            idPrefix="new-day"
            submitLabel={t("create")}
            fields={dayFields()}
          />
        </CardContent>
      </Card>
    </div>
  );
}
