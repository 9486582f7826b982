"use client";

import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";

const SECTIONS = [
  "proposals",
  "users",
  "agencies",
  "themes",
  "satisfaction",
  "questionnaire",
  "tokens",
  "notifications",
  "calendar",
  "webhooks",
  "deliveries",
  "link-checks",
  "audit",
] as const;

export function AdminNav() {
  const t = useTranslations("admin");
  const tManage = useTranslations("manage");
  const tWebhooks = useTranslations("webhooks");
  const tDeliveries = useTranslations("deliveries");
  const tNotifications = useTranslations("notificationSettings");
  const tCalendar = useTranslations("calendarAdmin");
  const tRating = useTranslations("rating");
  const tLinks = useTranslations("linkChecks");
  const pathname = usePathname();
  // The sections whose pages title themselves in their own namespace.
  const OWN_TITLES: Partial<Record<(typeof SECTIONS)[number], string>> = {
    proposals: tManage("proposals"),
    notifications: tNotifications("title"),
    calendar: tCalendar("title"),
    questionnaire: tRating("admin.title"),
    webhooks: tWebhooks("title"),
    deliveries: tDeliveries("title"),
    "link-checks": tLinks("title"),
  };
  return (
    <nav aria-label={t("title")}>
      <ul className="flex flex-wrap gap-2 border-b border-slate-200 pb-2">
        {SECTIONS.map((section) => {
          const href = `/admin/${section}`;
          return (
            <li key={section}>
              <Link
                href={href}
                aria-current={pathname === href ? "page" : undefined}
                className={cn(
                  "rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100",
                  pathname === href && "bg-brand-50 font-medium text-brand-800",
                )}
              >
                {OWN_TITLES[section] ?? t(section)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
