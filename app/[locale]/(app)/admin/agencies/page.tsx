import { getTranslations, setRequestLocale } from "next-intl/server";
import { type FieldSpec, RecordForm } from "@/components/admin/record-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { createAgency, updateAgency } from "@/lib/admin/actions";
import { listAgencies } from "@/lib/admin/queries";
import { requireAdmin } from "@/lib/auth/session";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "agencies");

export default async function AdminAgenciesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requireAdmin(locale, `/${locale}/admin/agencies`);
  const [agencies, t, tReview] = await Promise.all([
    listAgencies(admin),
    getTranslations("admin"),
    getTranslations("updateReview"),
  ]);
  const fields = (agency?: Awaited<ReturnType<typeof listAgencies>>[number]): FieldSpec[] => [
    { kind: "text", name: "code", label: t("code"), value: agency?.code, width: "sm:w-28" },
    { kind: "text", name: "nameZh", label: t("nameZh"), value: agency?.nameZh, width: "sm:w-72" },
    { kind: "text", name: "nameEn", label: t("nameEn"), value: agency?.nameEn ?? "", width: "sm:w-72" },
    {
      kind: "text",
      name: "shortNameZh",
      label: t("shortNameZh"),
      value: agency?.shortNameZh ?? "",
      width: "sm:w-36",
    },
    {
      kind: "text",
      name: "shortNameEn",
      label: t("shortNameEn"),
      value: agency?.shortNameEn ?? "",
      width: "sm:w-36",
    },
  ];
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("agencies")}</CardTitle>
        </CardHeader>
        <ul className="divide-y divide-slate-100">
          {agencies.map((agency) => (
            <li key={agency.id} className="px-5 py-3" data-testid={`agency-${agency.code}`}>
              <RecordForm
                action={updateAgency}
                idPrefix={`agency-${agency.id}`}
                hidden={{ agencyId: agency.id }}
                submitLabel={t("save")}
                fields={[
                  ...fields(agency),
                  { kind: "checkbox", name: "active", label: t("active"), checked: agency.active },
                  {
                    kind: "checkbox",
                    name: "updatesNeedReview",
                    label: tReview("agencyCheckbox"),
                    checked: agency.updatesNeedReview,
                  },
                ]}
              />
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("newAgency")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RecordForm
            action={createAgency}
            idPrefix="new-agency"
            submitLabel={t("create")}
            fields={fields()}
          />
        </CardContent>
      </Card>
    </div>
  );
}
