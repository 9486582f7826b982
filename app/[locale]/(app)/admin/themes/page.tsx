import { getTranslations, setRequestLocale } from "next-intl/server";
import { type FieldSpec, RecordForm } from "@/components/admin/record-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { createTheme, updateTheme } from "@/lib/admin/actions";
import { listThemes } from "@/lib/admin/queries";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "themes");

export default async function AdminThemesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/themes`);
  const [themes, t] = await Promise.all([listThemes(admin), getTranslations("admin")]);
  const fields = (theme?: Awaited<ReturnType<typeof listThemes>>[number]): FieldSpec[] => [
    { kind: "text", name: "code", label: t("code"), value: theme?.code, width: "sm:w-32" },
    { kind: "text", name: "nameZh", label: t("nameZh"), value: theme?.nameZh, width: "sm:w-60" },
    { kind: "text", name: "nameEn", label: t("nameEn"), value: theme?.nameEn ?? "", width: "sm:w-72" },
    {
      kind: "number",
      name: "sortOrder",
      label: t("sortOrder"),
      value: String(theme?.sortOrder ?? 0),
      width: "sm:w-20",
    },
  ];
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("themes")}</CardTitle>
        </CardHeader>
        <ul className="divide-y divide-slate-100">
          {themes.map((theme) => (
            <li key={theme.id} className="px-5 py-3" data-testid={`theme-${theme.code}`}>
              <RecordForm
                action={updateTheme}
                idPrefix={`theme-${theme.id}`}
                hidden={{ themeId: theme.id }}
                submitLabel={t("save")}
                fields={fields(theme)}
              />
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("newTheme")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RecordForm action={createTheme} idPrefix="new-theme" submitLabel={t("create")} fields={fields()} />
        </CardContent>
      </Card>
    </div>
  );
}
