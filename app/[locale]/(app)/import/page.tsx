import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ImportUpload } from "@/components/import/import-upload";
import { PageHeader } from "@/components/layout/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { canImport } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import { IMPORT_FIELDS } from "@/lib/import/columns";
import { getRecentImports } from "@/lib/import/queries";
import type { TemplateFormat } from "@/lib/import/template";

export const generateMetadata = pageTitle("import", "metaTitle");

export default async function ImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/import`);
  const [t, tNav, format] = await Promise.all([
    getTranslations("import"),
    getTranslations("nav"),
    getFormatter(),
  ]);
  if (!canImport(user)) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <Alert>{t("forbidden")}</Alert>
      </div>
    );
  }
  // The template holds exactly the items the user may update (an admin's: every item), versions and all.
  const templateHref = (format: TemplateFormat) =>
    `/api/import/template?${new URLSearchParams({ format, locale })}`;
  const recent = await getRecentImports(user);
  return (
    <div className="space-y-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Card>
        <CardContent className="space-y-3 py-4">
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            <li>
              {t("steps.export")}{" "}
              <Link href="/table" className="text-brand-700 underline underline-offset-2">
                {tNav("table")}
              </Link>
            </li>
            <li>{t("steps.edit")}</li>
            <li>{t("steps.upload")}</li>
          </ol>
          <p className="text-xs text-slate-600">
            {t("columnsHint", {
              columns: IMPORT_FIELDS.map((field) => t(`column.${field}`)).join(t("listSeparator")),
            })}
          </p>
          <p className="flex flex-wrap gap-3 text-sm">
            <span>{t("template")}</span>
            <a className="text-brand-700 underline underline-offset-2" href={templateHref("xlsx")} download>
              {t("templateXlsx")}
            </a>
            <a className="text-brand-700 underline underline-offset-2" href={templateHref("csv")} download>
              {t("templateCsv")}
            </a>
          </p>
          <ImportUpload />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("recent")}</CardTitle>
        </CardHeader>
        <CardContent>
          {recent.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noRecent")}</p>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="recent-imports">
              {recent.map((batch) => (
                <li key={batch.id}>
                  <Link href={`/import/${batch.id}`} className="text-brand-700 hover:underline">
                    {t("recentRow", {
                      fileName: batch.fileName,
                      date: format.dateTime(batch.createdAt, "dateTime"),
                    })}
                  </Link>{" "}
                  <span className="text-slate-600">
                    {batch.appliedAt
                      ? t("appliedState", { count: batch.appliedCount ?? 0 })
                      : t("pendingState")}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
