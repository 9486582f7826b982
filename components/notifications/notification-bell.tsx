import { Bell } from "lucide-react";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

/** The header's bell: the number of unread notifications, a link to the inbox. Always in sight, phones too. */
export function NotificationBell({ unread }: { unread: number }) {
  const t = useTranslations("notifications");
  return (
    <Link
      href="/notifications"
      aria-label={t("bell", { count: unread })}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-white hover:bg-white/10"
    >
      <Bell aria-hidden="true" className="h-5 w-5" />
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
