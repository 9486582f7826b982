import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/**
 * The one filter the form has no field for (a chart's bar of one recommendation sets it): said
 * plainly, with the way to drop it.
 */
export async function RecommendationFilter({ label, removeHref }: { label: string; removeHref: string }) {
  const t = await getTranslations("tracking");
  return (
    <p
      data-testid="recommendation-filter"
      className="flex flex-wrap items-center gap-3 rounded-md border border-brand-100 bg-brand-50 px-4 py-2 text-sm text-brand-900"
    >
      <span>{t("recommendationFilter", { recommendation: label })}</span>
      <Link href={removeHref} className="font-medium underline underline-offset-2">
        {t("removeFilter")}
      </Link>
    </p>
  );
}
