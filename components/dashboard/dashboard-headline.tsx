import { getFormatter, getTranslations } from "next-intl/server";
import { type HeadlineFigure, percent } from "@/lib/dashboard/view-model";
import { Link } from "@/lib/i18n/navigation";

const BOX = "block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm";

/** The headline figures, each a link to its items in the table when it has any. */
export async function DashboardHeadline({ figures }: { figures: HeadlineFigure[] }) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading" className="sr-only">
        {t("headline")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {figures.map((figure) => {
          const content = (
            <>
              <span className="block text-sm text-slate-600">{t(figure.key)}</span>
              <span className="mt-1 block text-2xl font-semibold tabular-nums text-slate-900" data-value>
                {figure.percent ? percent(figure.value) : format.number(figure.value)}
              </span>
              {figure.share !== null && (
                <span className="block text-xs text-slate-600">
                  {t("ofItems", { percent: figure.share })}
                </span>
              )}
            </>
          );
          return (
            <li key={figure.key}>
              {figure.href ? (
                <Link
                  href={figure.href}
                  data-testid={`figure-${figure.key}`}
                  className={`${BOX} hover:border-brand-600 hover:shadow`}
                >
                  {content}
                </Link>
              ) : (
                <div data-testid={`figure-${figure.key}`} className={BOX}>
                  {content}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
