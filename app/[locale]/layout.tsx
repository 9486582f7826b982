import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { getCurrentUser } from "@/lib/auth/session";
import { routing } from "@/lib/i18n/routing";
import { unreadNotificationCount } from "@/lib/notifications/inbox";
import { pendingReviewCount } from "@/lib/update-review/queries";
import { canReviewUpdates } from "@/lib/update-review/rule";
import "../globals.css";

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "app" });
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export default async function LocaleLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const user = await getCurrentUser();
  const [unread, pendingReviews] = await Promise.all([
    user ? unreadNotificationCount(user.id) : 0,
    canReviewUpdates(user) ? pendingReviewCount(user) : undefined,
  ]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <AppShell user={user} unread={unread} pendingReviews={pendingReviews}>
            {children}
          </AppShell>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
