import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { holdsSampleData } from "@/lib/proposals/queries";
import { SAMPLE_PASSWORD, SAMPLE_USERS } from "@/prisma/sample-data";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "signIn" });
  return { title: t("metaTitle") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ next?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(Array.isArray(rawNext) ? rawNext[0] : rawNext, `/${locale}`);
  if (await getCurrentUser()) redirect(next);

  const t = await getTranslations("signIn");
  // Demo accounts are offered only while the database holds the sample, never on real data.
  const sampleMode = await holdsSampleData();
  return (
    <div className="mx-auto max-w-md space-y-4 py-6">
      <Card>
        <CardHeader>
          <h1 className="text-base font-semibold text-slate-900">{t("title")}</h1>
        </CardHeader>
        <CardContent className="space-y-4">
          <p className="text-sm text-slate-600">{t("intro")}</p>
          <SignInForm next={next} />
        </CardContent>
      </Card>
      {sampleMode && (
        <aside
          aria-labelledby="demo-accounts"
          className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
        >
          <h2 id="demo-accounts" className="font-medium text-amber-950">
            {t("demoAccounts")}
          </h2>
          <p className="mt-1 text-amber-950">{t("demoAccountsHint", { password: SAMPLE_PASSWORD })}</p>
          <ul className="mt-2 space-y-0.5 font-mono text-xs text-amber-950">
            {SAMPLE_USERS.map((user) => (
              <li key={user.email}>{user.email}</li>
            ))}
          </ul>
        </aside>
      )}
    </div>
  );
}
