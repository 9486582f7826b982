import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordForm } from "@/components/admin/record-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { createSatisfactionLevel, updateSatisfactionLevel } from "@/lib/admin/actions";
import { listSatisfactionLevels } from "@/lib/admin/queries";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "satisfaction");

export default async function AdminSatisfactionPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/satisfaction`);
  const [levels, t] = await Promise.all([listSatisfactionLevels(admin), getTranslations("admin")]);
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("satisfaction")}</CardTitle>
        </CardHeader>
        <ul className="divide-y divide-slate-100">
          {levels.map((level) => (
            <li key={level.id} className="space-y-1 px-5 py-3" data-testid={`level-${level.key}`}>
              <p className="font-mono text-xs text-slate-600">{level.key}</p>
              <RecordForm
                action={updateSatisfactionLevel}
                idPrefix={`level-${level.id}`}
                hidden={{ levelId: level.id }}
                submitLabel={t("save")}
                fields={[
                  {
                    kind: "text",
                    name: "labelZh",
                    label: t("labelZh"),
                    value: level.labelZh,
                    width: "sm:w-32",
                  },
                  {
                    kind: "text",
                    name: "labelEn",
                    label: t("labelEn"),
                    value: level.labelEn ?? "",
                    width: "sm:w-48",
                  },
                  {
                    kind: "number",
                    name: "sortOrder",
                    label: t("sortOrder"),
                    value: String(level.sortOrder),
                    width: "sm:w-20",
                  },
                  {
                    kind: "checkbox",
                    name: "isDissatisfied",
                    label: t("isDissatisfied"),
                    checked: level.isDissatisfied,
                  },
                  { kind: "checkbox", name: "active", label: t("active"), checked: level.active },
                ]}
              />
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("newLevel")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RecordForm
            action={createSatisfactionLevel}
            idPrefix="new-level"
            submitLabel={t("create")}
            fields={[
              { kind: "text", name: "key", label: t("key"), width: "sm:w-40" },
              { kind: "text", name: "labelZh", label: t("labelZh"), width: "sm:w-32" },
              { kind: "text", name: "labelEn", label: t("labelEn"), width: "sm:w-48" },
              { kind: "number", name: "sortOrder", label: t("sortOrder"), value: "9", width: "sm:w-20" },
              { kind: "checkbox", name: "isDissatisfied", label: t("isDissatisfied") },
            ]}
          />
        </CardContent>
      </Card>
    </div>
  );
}
