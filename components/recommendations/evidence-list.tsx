import { useFormatter, useLocale, useTranslations } from "next-intl";
import { EvidenceVerifyForm } from "@/components/evidence/evidence-forms";
import { FileList } from "@/components/files/file-list";
import { LinkStatus } from "@/components/link-checks/link-status";
import { Badge } from "@/components/ui/badge";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { cn } from "@/lib/utils";
import { ExternalLink } from "./external-link";

export function EvidenceList({
  evidence,
  canChange,
  verifiableIds,
  itemPath,
}: {
  evidence: RecommendationPage["evidence"];
  /** Whether the signed-in user may edit or withdraw evidence of this item (null: the recommendation). */
  canChange: (actionId: string | null) => boolean;
  /** The pieces the signed-in user may verify (核实) now. */
  verifiableIds: readonly string[];
  itemPath: string;
}) {
  const t = useTranslations("recommendation");
  const tForm = useTranslations("evidenceForm");
  const tKind = useTranslations("evidenceKind");
  const tVerify = useTranslations("evidenceVerify");
  const format = useFormatter();
  const locale = useLocale();
  if (evidence.length === 0) return <p className="px-5 py-4 text-slate-600">{t("evidenceEmpty")}</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {evidence.map((item) => {
        const withdrawn = item.withdrawnAt !== null;
        return (
          <li key={item.id} className="space-y-1 px-4 py-3 sm:px-5" data-testid="evidence-item">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone="muted">{tKind(item.kind)}</Badge>
              {item.action && (
                <span className="text-xs text-slate-500">{t("evidenceFor", { code: item.action.code })}</span>
              )}
              {withdrawn && <Badge tone="danger">{t("withdrawn")}</Badge>}
              {item.verifiedAt ? (
                <Badge tone="success">{tVerify("verified")}</Badge>
              ) : (
                !withdrawn && <Badge tone="muted">{tVerify("claimed")}</Badge>
              )}
              {item.isInternal && <Badge tone="warning">{tForm("internalBadge")}</Badge>}
              {canChange(item.actionId) && !withdrawn && (
                <Link
                  href={`${itemPath}/evidence/${item.id}`}
                  aria-label={tForm("editLabel", { title: localized(locale, item.titleZh, item.titleEn) })}
                  // At least 24 × 24 px to tap (WCAG 2.5.8); the name starts with the visible 编辑.
                  className="ml-auto inline-flex min-h-6 min-w-6 items-center justify-center rounded px-2 text-sm text-brand-700 underline hover:bg-brand-50"
                >
                  {tForm("edit")}
                </Link>
              )}
            </div>
            {item.url ? (
              <>
                <ExternalLink
                  href={item.url}
                  className={cn(
                    "font-medium text-brand-700 underline-offset-2 hover:underline",
                    withdrawn && "text-slate-500 line-through",
                  )}
                >
                  {localized(locale, item.titleZh, item.titleEn)}
                </ExternalLink>
                <p className="break-all text-xs text-slate-500">{item.url}</p>
                {!withdrawn && /^https?:\/\//i.test(item.url) && <LinkStatus check={item.linkCheck} />}
              </>
            ) : (
              // Only a file (a scanned letter, signed minutes): its files below are what it is.
              <p className={cn("font-medium text-slate-900", withdrawn && "text-slate-500 line-through")}>
                {localized(locale, item.titleZh, item.titleEn)}
              </p>
            )}
            {item.publisher && (
              <p className="text-xs text-slate-600">{t("publisher", { publisher: item.publisher })}</p>
            )}
            {item.note && <p className="text-sm text-slate-700">{item.note}</p>}
            {item.files.length > 0 && <FileList files={item.files} />}
            {withdrawn && item.withdrawnReason && (
              <p className="text-sm text-red-800">{t("withdrawnReason", { reason: item.withdrawnReason })}</p>
            )}
            {item.verifiedAt && (
              <p className="text-xs text-emerald-800" data-testid="evidence-verified">
                {tVerify("verifiedBy", {
                  name: item.verifiedBy?.name ?? "",
                  date: format.dateTime(item.verifiedAt, "date"),
                })}
                {item.verifiedNote && ` ${tVerify("noteQuoted", { note: item.verifiedNote })}`}
              </p>
            )}
            {verifiableIds.includes(item.id) && (
              <EvidenceVerifyForm
                evidenceId={item.id}
                title={localized(locale, item.titleZh, item.titleEn)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
