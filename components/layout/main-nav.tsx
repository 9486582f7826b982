"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { reportsHref } from "@/lib/reports/proposal-in-view";
import { cn } from "@/lib/utils";

// The views of the tracker.
const NAV_ITEMS = [
  {
    href: "/dashboard",
    key: "dashboard",
    section: (path: string) => path.startsWith("/dashboard"),
    adminOnly: false,
  },
  {
    href: "/",
    key: "overview",
    section: (path: string) => path === "/" || path.startsWith("/proposals"),
    adminOnly: false,
  },
  { href: "/table", key: "table", section: (path: string) => path.startsWith("/table"), adminOnly: false },
  {
    href: "/reports",
    key: "reports",
    section: (path: string) => path.startsWith("/reports"),
    adminOnly: false,
  },
  {
    href: "/import",
    key: "import",
    section: (path: string) => path.startsWith("/import"),
    adminOnly: false,
    importersOnly: true,
  },
  {
    href: "/office",
    key: "office",
    section: (path: string) => path.startsWith("/office"),
    adminOnly: false,
    officeOnly: true,
  },
  {
    href: "/review",
    key: "review",
    section: (path: string) => path.startsWith("/review"),
    adminOnly: false,
    reviewersOnly: true,
  },
  {
    href: "/admin/users",
    key: "admin",
    section: (path: string) => path.startsWith("/admin"),
    adminOnly: true,
  },
] as const;

export function MainNav({
  isAdmin,
  mayImport,
  isOffice = isAdmin,
  reviewCount,
  isDeputy = false,
}: {
  isAdmin: boolean;
  /** A deputy: only their own page, nothing they cannot open (lib/auth/deputy-scope.ts). */
  isDeputy?: boolean;
  mayImport: boolean;
  /** For a reviewer or the office: how many status updates wait for their review (the queue's link). */
  reviewCount?: number;
  /** The office (or an admin): the supervision desk. */
  isOffice?: boolean;
}) {
  const t = useTranslations("nav");
  const tOffice = useTranslations("office");
  const tReview = useTranslations("updateReview");
  const pathname = usePathname();
  // Reports open on the proposal the page shows (issue 15, point 21), else on the newest.
  const reports = reportsHref(pathname, useSearchParams());
  const tDeputy = useTranslations("deputy");
  if (isDeputy) {
    const inSection = pathname.startsWith("/deputy") || pathname.startsWith("/proposals");
    return (
      <nav aria-label={t("label")}>
        <ul className="flex flex-col gap-1 lg:flex-row lg:items-center">
          <li>
            <Link
              href="/deputy"
              aria-current={pathname === "/deputy" ? "page" : undefined}
              className={cn(
                "block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-brand-100 hover:bg-white/10 hover:text-white lg:py-1.5",
                inSection && "bg-white/15 text-white",
              )}
            >
              {tDeputy("nav")}
            </Link>
          </li>
        </ul>
      </nav>
    );
  }
  return (
    <nav aria-label={t("label")}>
      <ul className="flex flex-col gap-1 lg:flex-row lg:items-center">
        {NAV_ITEMS.filter(
          (item) =>
            (isAdmin || !item.adminOnly) &&
            (mayImport || !("importersOnly" in item)) &&
            (isOffice || !("officeOnly" in item)) &&
            (reviewCount !== undefined || !("reviewersOnly" in item)),
        ).map((item) => {
          const inSection = item.section(pathname);
          return (
            <li key={item.key}>
              <Link
                href={item.key === "reports" ? reports : item.href}
                aria-current={pathname === item.href ? "page" : undefined}
                className={cn(
                  // One line each, however narrow the bar; in the folded menu a whole row is the target.
                  "block whitespace-nowrap rounded-md px-3 py-2 text-sm font-medium text-brand-100 hover:bg-white/10 hover:text-white lg:py-1.5",
                  inSection && "bg-white/15 text-white",
                )}
              >
                {item.key === "office" ? (
                  tOffice("nav")
                ) : item.key === "review" ? (
                  <ReviewLabel
                    label={tReview("nav")}
                    count={reviewCount ?? 0}
                    of={tReview("navCount", { count: reviewCount ?? 0 })}
                  />
                ) : (
                  t(item.key)
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The review queue's link: its name and, when some wait, their number (read out in words). */
function ReviewLabel({ label, count, of }: { label: string; count: number; of: string }) {
  if (count === 0) return label;
  return (
    <>
      {label}{" "}
      <span
        aria-hidden="true"
        className="ml-1 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-slate-900"
        data-testid="review-count"
      >
        {count}
      </span>
      <span className="sr-only">{of}</span>
    </>
  );
}
