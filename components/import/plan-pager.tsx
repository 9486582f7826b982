import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { PLAN_PAGE_SIZE, type PlanPage } from "@/lib/import/batch";
import { type PlanViewParams, planViewQuery } from "@/lib/import/schema";

const linkClass = "rounded-md border border-slate-300 px-3 py-1 text-sm text-brand-700 hover:bg-slate-50";
const currentClass = "rounded-md border border-brand-700 bg-brand-700 px-3 py-1 text-sm text-white";

/** All rows or only those with problems, each with its count over the whole file. */
export async function PlanFilter({ batchId, plan }: { batchId: string; plan: PlanPage }) {
  const t = await getTranslations("import.batch");
  const options = [
    { show: "all", label: t("filterAll", { count: plan.total }) },
    { show: "problems", label: t("filterProblems", { count: plan.counts.problem }) },
  ] as const;
  return (
    <nav aria-label={t("filterLabel")} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600">{t("filterLabel")}</span>
      {options.map((option) => {
        const current = (option.show === "problems") === plan.problemsOnly;
        return (
          <Link
            key={option.show}
            href={`/import/${batchId}${planViewQuery({ show: option.show, page: 1 })}`}
            aria-current={current ? "page" : undefined}
            className={current ? currentClass : linkClass}
          >
            {option.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** Where the page is in the view, and the neighbouring pages. */
export async function PlanPager({ batchId, plan }: { batchId: string; plan: PlanPage }) {
  const t = await getTranslations("import.batch");
  const show: PlanViewParams["show"] = plan.problemsOnly ? "problems" : "all";
  const from = plan.matching === 0 ? 0 : (plan.page - 1) * PLAN_PAGE_SIZE + 1;
  const to = from === 0 ? 0 : from + plan.rows.length - 1;
  const href = (page: number) => `/import/${batchId}${planViewQuery({ show, page })}`;
  return (
    <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3 text-sm">
      <span data-testid="import-range">{t("range", { from, to, matching: plan.matching })}</span>
      <span className="text-slate-600">{t("pageOf", { page: plan.page, pageCount: plan.pageCount })}</span>
      {plan.page > 1 && (
        <Link href={href(plan.page - 1)} rel="prev" className={linkClass}>
          {t("previous")}
        </Link>
      )}
      {plan.page < plan.pageCount && (
        <Link href={href(plan.page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
