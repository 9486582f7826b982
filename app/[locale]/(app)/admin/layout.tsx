import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AdminNav } from "@/components/admin/admin-nav";
import { isAdmin } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

// Administration is for admins; to anyone else it does not exist.
export default async function AdminLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  const user = await requireUser(locale, `/${locale}/admin`);
  if (!isAdmin(user)) notFound();
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <AdminNav />
      {children}
    </div>
  );
}
