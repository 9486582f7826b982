import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ApplyButton } from "@/components/import/apply-button";
import { PlanFilter, PlanPager } from "@/components/import/plan-pager";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import type { Locale } from "@/lib/i18n/routing";
import { importProblemText } from "@/lib/import/messages";
import type { PlannedRow } from "@/lib/import/plan";
import { getImportBatchPage } from "@/lib/import/queries";
import { planViewParams } from "@/lib/import/schema";

export const generateMetadata = pageTitle("import", "batch.metaTitle");

const OUTCOME_TONE = { update: "info", unchanged: "muted", problem: "danger" } as const;

export default async function ImportBatchPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/import/${id}`);
  // The page's rows only: a file of 50,000 rows is planned whole (the counts are the file's), not shown whole.
  const view = planViewParams.parse(await searchParams);
  const batch = await getImportBatchPage(user, id, {
    page: view.page,
    problemsOnly: view.show === "problems",
  });
  if (!batch) notFound();
  const [t, tStatus, format] = await Promise.all([
    getTranslations("import"),
    getTranslations("status"),
    getFormatter(),
  ]);
  const plan = batch.plan;
  const where = (row: PlannedRow) =>
    row.sheet ? t("sheetRow", { sheet: row.sheet, row: row.row }) : String(row.row);

  return (
    <div className="space-y-4">
      <PageHeader
        title={t("batch.title")}
        intro={t("batch.file", {
          fileName: batch.fileName,
          date: format.dateTime(batch.createdAt, "dateTime"),
        })}
      />
      <Card>
        <CardContent className="space-y-3 py-4">
          {batch.appliedAt ? (
            <Alert tone="success">
              {t("batch.applied", {
                count: batch.appliedCount ?? 0,
                date: format.dateTime(batch.appliedAt, "dateTime"),
              })}
            </Alert>
          ) : plan ? (
            <>
              <p className="font-medium" data-testid="import-counts">
                {t("batch.counts", plan.counts)}
              </p>
              {plan.counts.problem > 0 ? (
                <Alert>{t("batch.blocked", { count: plan.counts.problem })}</Alert>
              ) : plan.counts.update > 0 ? (
                <ApplyButton batchId={batch.id} count={plan.counts.update} />
              ) : (
                <p className="text-sm text-slate-600">{t("batch.nothing")}</p>
              )}
            </>
          ) : null}
          <Link href="/import" className="inline-block text-sm text-brand-700 hover:underline">
            {t("batch.reupload")}
          </Link>
        </CardContent>
      </Card>
      {plan && (
        <>
          <PlanFilter batchId={batch.id} plan={plan} />
          <PlanPager batchId={batch.id} plan={plan} />
          {plan.matching === 0 && plan.problemsOnly && (
            <p className="text-sm text-slate-600">{t("batch.noProblems")}</p>
          )}
          <Table data-testid="import-plan">
            <thead>
              <tr>
                <TableHead>{t("table.row")}</TableHead>
                <TableHead>{t("table.result")}</TableHead>
                <TableHead>{t("table.item")}</TableHead>
                <TableHead>{t("table.change")}</TableHead>
                <TableHead>{t("table.date")}</TableHead>
                <TableHead>{t("table.details")}</TableHead>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((row) => (
                <tr
                  key={`${row.sheet}-${row.row}`}
                  data-outcome={row.outcome}
                  className={row.outcome === "problem" ? "bg-red-50/60" : undefined}
                >
                  <TableCell className="tabular-nums">{where(row)}</TableCell>
                  {/* Second, so that a phone shows each row's problems without scrolling sideways. */}
                  <TableCell className={row.problems.length ? "min-w-64 max-w-md" : undefined}>
                    <Badge tone={OUTCOME_TONE[row.outcome]}>{t(`outcome.${row.outcome}`)}</Badge>
                    {row.problems.length > 0 && (
                      <ul className="mt-1 space-y-0.5 text-xs text-red-800">
                        {row.problems.map((item) => (
                          <li key={`${item.field}-${item.key}`}>
                            {importProblemText(locale as Locale, row, item)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  {/* Wide enough to read on a phone: the table scrolls rather than wrap a title per character. */}
                  <TableCell className="min-w-48">
                    <span className="font-mono text-xs">{row.label}</span>
                    {row.item && (
                      <Link href={row.item.href} className="block text-brand-700 hover:underline">
                        {localized(locale, row.item.titleZh, row.item.titleEn)}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {row.before && row.after && (
                      <>
                        {tStatus(row.before.status)} {row.before.progress}% → {tStatus(row.after.status)}{" "}
                        {row.after.progress}%
                      </>
                    )}
                    {row.fileProgress !== null && row.before && (
                      <p className="text-xs text-slate-600" data-testid="file-progress">
                        {t("batch.fileProgress", { file: row.fileProgress, now: row.before.progress })}
                        <span className="block whitespace-normal">{t("batch.fileProgressIgnored")}</span>
                      </p>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{row.effectiveDate}</TableCell>
                  <TableCell className="max-w-xs">
                    {row.comment && <p>{row.comment}</p>}
                    {row.evidence && (
                      <a
                        href={row.evidence.url}
                        className="text-brand-700 underline"
                        rel="noreferrer noopener"
                        target="_blank"
                      >
                        {row.evidence.title}
                      </a>
                    )}
                  </TableCell>
                </tr>
              ))}
            </tbody>
          </Table>
          {plan.pageCount > 1 && <PlanPager batchId={batch.id} plan={plan} />}
        </>
      )}
    </div>
  );
}
