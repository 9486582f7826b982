import { getTranslations, setRequestLocale } from "next-intl/server";
import { PageHeader } from "@/components/layout/page-header";
import { ReportForm } from "@/components/reports/report-form";
import { ReportPreview } from "@/components/reports/report-preview";
import { Alert } from "@/components/ui/alert";
import { canMakeReports } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import type { ErrorIssue } from "@/lib/http/errors";
import type { LocalePageProps } from "@/lib/i18n/page-props";
import { pageTitle } from "@/lib/i18n/page-title";
import type { Locale } from "@/lib/i18n/routing";
import { reportIssues, unknownProposalIssue } from "@/lib/reports/issues";
import { getReportPreview, getReportProposals } from "@/lib/reports/queries";
import { reportParams } from "@/lib/reports/schema";

export const generateMetadata = pageTitle("reports", "metaTitle");

const FIELDS = ["proposal", "asOf", "compareTo", "locale"] as const;

export default async function ReportsPage({ params, searchParams }: LocalePageProps) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const key of FIELDS) {
    const value = raw[key];
    if (typeof value === "string" && value !== "") values[key] = value;
  }
  const query = new URLSearchParams(values).toString();
  const user = await requireUser(locale, `/${locale}/reports${query ? `?${query}` : ""}`);
  const t = await getTranslations("reports");
  if (!canMakeReports(user)) return <Alert>{t("error.forbidden")}</Alert>;

  const proposals = await getReportProposals();
  // The newest proposal until another is chosen, so that the page opens on a preview.
  values.proposal ??= proposals[0]?.code;
  // The report in the interface's language until another is chosen.
  values.locale ??= locale;
  let issues: ErrorIssue[] = [];
  let preview: {
    data: NonNullable<Awaited<ReturnType<typeof getReportPreview>>>;
    params: typeof reportParams._output;
  } | null = null;
  if (values.proposal) {
    const parsed = reportParams.safeParse(values);
    if (!parsed.success) {
      issues = reportIssues(parsed.error, locale as Locale);
    } else {
      const data = await getReportPreview(parsed.data);
      if (data) preview = { data, params: parsed.data };
      else issues = [unknownProposalIssue(parsed.data.proposal, locale as Locale)];
    }
  }
  const shown = preview
    ? { ...values, asOf: preview.params.asOf, compareTo: preview.params.compareTo }
    : values;

  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <ReportForm values={shown} proposals={proposals} issues={issues} locale={locale} />
      {issues.length > 0 && (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900"
        >
          <p className="font-medium">{t("preview.formErrors")}</p>
          <ul className="list-disc pl-5">
            {issues.map((issue) => (
              <li key={`${issue.parameter}-${issue.message}`}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {preview ? (
        <ReportPreview data={preview.data} params={preview.params} locale={locale} />
      ) : (
        proposals.length === 0 && <p className="text-sm text-slate-600">{t("form.noProposals")}</p>
      )}
    </div>
  );
}
