import { getTranslations, setRequestLocale } from "next-intl/server";
import { RecordForm } from "@/components/admin/record-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { createUser, setUserActive, updateUser } from "@/lib/admin/actions";
import { listAgencies, listUsers } from "@/lib/admin/queries";
import { USER_ROLES } from "@/lib/admin/schema";
import { requireAdmin } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("admin", "users");

export default async function AdminUsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const me = await requireAdmin(locale, `/${locale}/admin/users`);
  const [users, agencies, t, tRole] = await Promise.all([
    listUsers(me),
    listAgencies(me),
    getTranslations("admin"),
    getTranslations("user.role"),
  ]);
  const roleOptions = USER_ROLES.map((role) => ({ value: role, label: tRole(role) }));
  const agencyOptions = [
    { value: "", label: t("noAgency") },
    ...agencies.map((agency) => ({
      value: agency.id,
      label: localized(locale, agency.nameZh, agency.nameEn),
    })),
  ];
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("users")}</CardTitle>
        </CardHeader>
        <ul className="divide-y divide-slate-100">
          {users.map((user) => (
            <li key={user.id} className="space-y-2 px-5 py-3" data-testid={`user-${user.email}`}>
              <p className="text-sm">
                <span className="font-medium">{user.email}</span> {user.id === me.id && t("you")}{" "}
                <span className={user.banned ? "text-red-700" : "text-emerald-800"}>
                  · {user.banned ? t("inactiveWithReason", { reason: user.banReason ?? "—" }) : t("active")}
                </span>
              </p>
              <RecordForm
                action={updateUser}
                idPrefix={`user-${user.id}`}
                hidden={{ userId: user.id }}
                submitLabel={t("save")}
                submitAriaLabel={t("saveFor", { name: user.email })}
                fields={[
                  { kind: "text", name: "name", label: t("name"), value: user.name },
                  { kind: "select", name: "role", label: t("role"), value: user.role, options: roleOptions },
                  {
                    kind: "select",
                    name: "agencyId",
                    label: t("agency"),
                    value: user.agencyId ?? "",
                    options: agencyOptions,
                    width: "sm:w-64",
                  },
                  { kind: "checkbox", name: "isReviewer", label: t("isReviewer"), checked: user.isReviewer },
                ]}
              />
              {user.id !== me.id && (
                <RecordForm
                  action={setUserActive}
                  idPrefix={`active-${user.id}`}
                  hidden={{ userId: user.id, active: user.banned ? "true" : "false" }}
                  submitLabel={user.banned ? t("reactivate") : t("deactivate")}
                  submitAriaLabel={`${user.banned ? t("reactivate") : t("deactivate")} ${user.email}`}
                  fields={
                    user.banned
                      ? []
                      : [{ kind: "text", name: "reason", label: t("reason"), width: "sm:w-64" }]
                  }
                />
              )}
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("newUser")}</CardTitle>
        </CardHeader>
        <CardContent>
          <RecordForm
            action={createUser}
            idPrefix="new-user"
            submitLabel={t("create")}
            fields={[
              { kind: "email", name: "email", label: t("email"), width: "sm:w-64" },
              { kind: "text", name: "name", label: t("name") },
              { kind: "select", name: "role", label: t("role"), value: "official", options: roleOptions },
              {
                kind: "select",
                name: "agencyId",
                label: t("agency"),
                value: "",
                options: agencyOptions,
                width: "sm:w-64",
              },
              { kind: "checkbox", name: "isReviewer", label: t("isReviewer") },
              { kind: "password", name: "password", label: t("password") },
            ]}
          />
        </CardContent>
      </Card>
    </div>
  );
}
