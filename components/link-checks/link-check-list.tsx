import { getFormatter, getTranslations } from "next-intl/server";
import { ExternalLink } from "@/components/recommendations/external-link";
import { Badge } from "@/components/ui/badge";
import { RowActionButton } from "@/components/ui/row-action-button";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { recheckLink } from "@/lib/link-checks/actions";
import type { LinkCheckOverview } from "@/lib/link-checks/queries";
import { failureText } from "./link-status";

/** The admin page's list of broken and changed links, each with its item, last check and "check again". */
export async function LinkCheckList({
  links,
  locale,
}: {
  links: LinkCheckOverview["links"];
  locale: string;
}) {
  const t = await getTranslations("linkChecks");
  const format = await getFormatter();
  if (links.length === 0) return <p className="px-5 pb-4 text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-100 border-t border-slate-100">
      {links.map((link) => {
        const itemHref = link.item
          ? `/proposals/${encodeURIComponent(link.item.proposalCode)}/${encodeURIComponent(link.item.recommendationCode)}`
          : null;
        const itemCode = link.item
          ? `${link.item.proposalCode} ${link.item.actionCode ?? link.item.recommendationCode}`
          : null;
        return (
          <li
            key={link.id}
            className="space-y-2 px-4 py-3 sm:px-5"
            data-testid="flagged-link"
            data-state={link.state}
          >
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={link.state === "broken" ? "danger" : "warning"}>{t(`state.${link.state}`)}</Badge>
              {link.state === "broken" && (
                <span className="text-sm text-red-800">{failureText(t, link)}</span>
              )}
              {link.source === "contact" && <Badge tone="muted">{t("contactLink")}</Badge>}
            </div>
            <p className="font-medium">
              {link.evidenceTitle
                ? localized(locale, link.evidenceTitle.zh, link.evidenceTitle.en)
                : link.url}
            </p>
            <ExternalLink href={link.url} className="break-all text-sm text-brand-700 underline">
              {link.url}
            </ExternalLink>
            <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
              {itemHref && itemCode && (
                <>
                  <dt className="text-slate-600">{t("item")}</dt>
                  <dd>
                    <Link href={itemHref} className="text-brand-700 underline">
                      {itemCode}
                    </Link>
                  </dd>
                </>
              )}
              <dt className="text-slate-600">{t("lastChecked")}</dt>
              <dd>{link.checkedAt ? format.dateTime(link.checkedAt, "dateTime") : "—"}</dd>
              {link.baselineAt && (
                <>
                  <dt className="text-slate-600">{t("baseline")}</dt>
                  <dd>{format.dateTime(link.baselineAt, "dateTime")}</dd>
                </>
              )}
              {link.finalUrl && !sameAddress(link.finalUrl, link.url) && (
                <>
                  <dt className="text-slate-600">{t("finalUrl")}</dt>
                  <dd className="break-all">{link.finalUrl}</dd>
                </>
              )}
              {link.title && (
                <>
                  <dt className="text-slate-600">{t("pageTitle")}</dt>
                  <dd>{link.title}</dd>
                </>
              )}
              {link.snapshot && (
                <>
                  <dt className="text-slate-600">{t("snapshot")}</dt>
                  <dd className="line-clamp-3 break-all text-slate-700">{link.snapshot}</dd>
                </>
              )}
            </dl>
            {/* "Check again now": due at once, checked by the background loop within a minute. */}
            <RowActionButton
              action={recheckLink}
              field="linkCheckId"
              value={link.id}
              label={t("recheck")}
              accessibleLabel={t("recheckFor", { url: link.url })}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** Whether two addresses are one (as URL parsing writes them: "https://a.cn" is "https://a.cn/"). */
function sameAddress(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
