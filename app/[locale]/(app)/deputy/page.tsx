import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DeputyHomeView } from "@/components/deputy/deputy-home";
import { isDeputy } from "@/lib/auth/permissions";
import { requireReader } from "@/lib/auth/session";
import { loadDeputyHome } from "@/lib/deputy/home";
import { redirect } from "@/lib/i18n/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "deputy" });
  return { title: t("metaTitle") };
}

// The deputy's own page (issue 19): only for deputies, whose reads all go through
// lib/auth/deputy-scope.ts; anyone else has the tracker's home page for it.
export default async function DeputyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireReader(locale, `/${locale}/deputy`);
  if (!isDeputy(user)) redirect({ href: "/", locale });
  // The visit moves "what changed" on: the database keeps it, not the browser.
  const home = await loadDeputyHome(user);
  return <DeputyHomeView home={home} name={user.name} />;
}
