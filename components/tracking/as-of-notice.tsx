import { getFormatter, getTranslations } from "next-intl/server";
import { shanghaiDate } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";

/** Says that a view shows a past day, rebuilt from the history, with the way back to today. */
export async function AsOfNotice({ asOf, resetHref }: { asOf: string; resetHref: string }) {
  const t = await getTranslations("tracking");
  const format = await getFormatter();
  return (
    <p
      role="status"
      data-testid="as-of-notice"
      className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
    >
      <span>{t("asOfNotice", { date: format.dateTime(shanghaiDate(asOf), "date") })}</span>
      <Link href={resetHref} className="font-medium underline underline-offset-2">
        {t("backToToday")}
      </Link>
    </p>
  );
}
