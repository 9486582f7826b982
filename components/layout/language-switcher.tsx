"use client";

import { useSearchParams } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";

/**
 * Switches between Chinese and English on the same page, keeping its query (filters, sorting, the
 * as-of day). The visible name is in the other language.
 */
export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <Link
      href={query ? `${pathname}?${query}` : pathname}
      locale={other}
      hrefLang={other}
      className="rounded-md border border-white/30 px-3 py-1.5 text-sm font-medium text-white hover:bg-white/10"
    >
      <span lang={other}>{t("switchTo")}</span>
      <span className="sr-only"> · {t("switchToLabel")}</span>
    </Link>
  );
}
