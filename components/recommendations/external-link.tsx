import { ExternalLinkIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/** A link to a page outside the tracker: new tab, no opener, no referrer, and says so to screen readers. */
export function ExternalLink({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  const t = useTranslations("recommendation");
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className}>
      {children}
      <ExternalLinkIcon aria-hidden="true" className="ml-1 inline size-3.5 align-[-2px]" />
      <span className="sr-only">{t("opensInNewTab")}</span>
    </a>
  );
}
