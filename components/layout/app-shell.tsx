import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { canImport } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { MainNav } from "./main-nav";
import { SiteMenu } from "./site-menu";
import { UserMenu } from "./user-menu";

/** The frame of every page: skip link, header with navigation, user and language, content, footer. */
export function AppShell({
  user,
  unread,
  pendingReviews,
  children,
}: {
  user: CurrentUser | null;
  /** The user's unread notifications, for the bell. */
  unread: number;
  /** Status updates waiting for the user's review, when they review (lib/update-review); else undefined. */
  pendingReviews?: number;
  children: ReactNode;
}) {
  const t = useTranslations("app");
  return (
    // A page whose root says data-layout="wide" (a wide table) gets up to 1600 px instead of 1152.
    <div className="group/shell flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-700"
      >
        {t("skipToContent")}
      </a>
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap group-has-[[data-layout=wide]]/shell:max-w-[100rem] items-center justify-between gap-x-3 gap-y-2 px-4 py-3">
          <Link href={user?.role === "deputy" ? "/deputy" : "/"} className="flex items-baseline gap-3">
            <span className="text-lg font-semibold tracking-wide">{t("name")}</span>
            <span className="hidden text-sm text-brand-100 lg:inline">{t("tagline")}</span>
          </Link>
          {user ? (
            <SiteMenu
              aside={
                <>
                  <NotificationBell unread={unread} />
                  <LanguageSwitcher />
                </>
              }
            >
              <MainNav
                isAdmin={user.role === "admin"}
                isOffice={user.role === "admin" || user.role === "office"}
                mayImport={canImport(user)}
                reviewCount={pendingReviews}
                isDeputy={user.role === "deputy"}
              />
              <UserMenu user={user} />
            </SiteMenu>
          ) : (
            <LanguageSwitcher />
          )}
        </div>
      </header>
      <main
        id="main"
        className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 group-has-[[data-layout=wide]]/shell:max-w-[100rem]"
      >
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-4 text-xs text-slate-600 group-has-[[data-layout=wide]]/shell:max-w-[100rem]">
          {t("footer")}
        </div>
      </footer>
    </div>
  );
}
