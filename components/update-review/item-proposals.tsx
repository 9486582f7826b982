// An item's updates that are not (yet) in its history, shown beside it to its agency and the office:
// the one waiting for review, and those rejected, with who rejected them and why. Marked apart from the
// history (dashed, with their state), since they changed nothing.
import { ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/i18n/localized";
import type { ItemProposals as Proposals } from "@/lib/update-review/queries";
import { cn } from "@/lib/utils";

export function ItemProposals({
  proposals,
  recommendationCode,
  submitted = false,
}: {
  proposals: Proposals;
  recommendationCode: string;
  /** Back from the status form, whose update now waits for review. */
  submitted?: boolean;
}) {
  const t = useTranslations("updateReview.item");
  const locale = useLocale();
  const format = useFormatter();
  if (proposals.length === 0 && !submitted) return null;
  return (
    <div className="space-y-2 px-4 pt-3 sm:px-5" data-testid="item-proposals">
      {submitted && <Alert tone="success">{t("submitted")}</Alert>}
      {proposals.length > 0 && (
        <ul className="space-y-2" aria-label={t("label")}>
          {proposals.map((proposal) => {
            const pending = proposal.state === "pending";
            return (
              <li
                key={proposal.id}
                data-state={proposal.state}
                className={cn(
                  "rounded-md border border-dashed p-3 text-sm",
                  pending ? "border-amber-400 bg-amber-50/60" : "border-slate-300 bg-slate-50 text-slate-700",
                )}
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone={pending ? "warning" : "danger"}>
                    {pending ? t("pending") : t("rejected")}
                  </Badge>
                  <span className="font-mono text-xs text-slate-600">
                    {proposal.action
                      ? proposal.action.code
                      : `${recommendationCode} · ${t("recommendation")}`}
                  </span>
                  {proposal.action && (
                    <span className="text-xs text-slate-600">
                      {localized(locale, proposal.action.titleZh, proposal.action.titleEn)}
                    </span>
                  )}
                </div>
                <p
                  className={cn(
                    "mt-1.5 flex flex-wrap items-center gap-2",
                    !pending && "line-through decoration-slate-400",
                  )}
                >
                  <ArrowRight aria-hidden="true" className="size-4 text-slate-500" />
                  <StatusBadge status={proposal.statusAfter} />
                  <span className="font-semibold">{proposal.progressAfter}%</span>
                  <span className="text-slate-600">
                    {t("effective", { date: format.dateTime(proposal.effectiveDate, "date") })}
                  </span>
                </p>
                {proposal.comment && <p className="mt-1 text-slate-800">{proposal.comment}</p>}
                {proposal.newLink && (
                  <p className="mt-1 break-all text-xs text-slate-600">
                    {t("newLink", { title: proposal.newLink.title })}
                  </p>
                )}
                <p className="mt-1 text-xs text-slate-600">
                  {t("by", {
                    name: proposal.author.name,
                    agency: localized(
                      locale,
                      proposal.agency.shortNameZh ?? proposal.agency.nameZh,
                      proposal.agency.shortNameEn ?? proposal.agency.nameEn,
                    ),
                    date: format.dateTime(proposal.createdAt, "dateTime"),
                  })}
                </p>
                {pending ? (
                  <p className="mt-1 text-xs text-amber-900">{t("pendingNote")}</p>
                ) : (
                  <p className="mt-1 text-sm text-red-800" data-testid="rejection-reason">
                    {t("rejectedBy", {
                      name: proposal.reviewedBy?.name ?? "",
                      date: proposal.reviewedAt ? format.dateTime(proposal.reviewedAt, "dateTime") : "",
                      reason: proposal.reviewReason ?? "",
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
