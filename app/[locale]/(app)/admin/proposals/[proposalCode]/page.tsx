import { getTranslations } from "next-intl/server";
import { ArchiveForm } from "@/components/proposals/manage/archive-form";
import { ProposalForm } from "@/components/proposals/manage/proposal-form";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { MoveButtons } from "@/components/ui/move-buttons";
import { requireAdmin } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { type AgencyNames, agencyShortName, localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import { moveRecommendation } from "@/lib/proposals/actions";
import { cosignersText } from "@/lib/proposals/deputies";
import { getProposalForAdmin } from "@/lib/proposals/manage-queries";
import { loadProposalPage } from "@/lib/proposals/page-loader";

export const generateMetadata = pageTitle("manage", "editProposal");

type Params = Promise<{ locale: string; proposalCode: string }>;

export default async function AdminProposalPage({ params }: { params: Params }) {
  const { locale, found: proposal } = await loadProposalPage(
    params,
    "/admin/proposals/[proposalCode]",
    requireAdmin,
    (admin, { proposalCode }) => getProposalForAdmin(admin, proposalCode),
  );
  const t = await getTranslations("manage");
  const base = `/admin/proposals/${encodeURIComponent(proposal.code)}`;
  const current = proposal.recommendations.filter((rec) => !rec.archivedAt);
  const archived = proposal.recommendations.filter((rec) => rec.archivedAt);
  const agencyName = (agency: AgencyNames) => agencyShortName(locale, agency);
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
          <CardTitle>{t("recommendations")}</CardTitle>
          {!proposal.archivedAt && (
            <div className="flex flex-wrap gap-2">
              {current.length > 0 && (
                <Link href={`${base}/assign`} className={buttonVariants({ size: "sm", variant: "outline" })}>
                  {t("assign.link")}
                </Link>
              )}
              <Link href={`${base}/new`} className={buttonVariants({ size: "sm" })}>
                {t("newRecommendation")}
              </Link>
            </div>
          )}
        </CardHeader>
        {current.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-600">{t("noRecommendations")}</p>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="admin-recommendations">
            {current.map((rec, i) => {
              const lead = rec.agencies.find((a) => a.role === "lead");
              const co = rec.agencies.filter((a) => a.role === "co_handler");
              return (
                <li key={rec.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-5 py-2 text-sm">
                  <MoveButtons
                    move={moveRecommendation}
                    idField="recommendationId"
                    id={rec.id}
                    first={i === 0}
                    last={i === current.length - 1}
                    labels={{ up: t("moveUp", { code: rec.code }), down: t("moveDown", { code: rec.code }) }}
                  />
                  <span className="w-12 font-mono text-xs text-slate-600">{rec.code}</span>
                  <Link
                    href={`${base}/${encodeURIComponent(rec.code)}`}
                    className="min-w-48 flex-1 font-medium text-brand-700 hover:underline"
                  >
                    {localized(locale, rec.titleZh, rec.titleEn)}
                    {/* The name starts with the visible title (WCAG 2.5.3), then says what the link does. */}
                    <span className="sr-only"> · {t("editLabel", { code: rec.code })}</span>
                  </Link>
                  <span className="text-slate-700">
                    {lead ? (
                      t("leadIs", { name: agencyName(lead.agency) })
                    ) : (
                      <Badge tone="warning">{t("unassigned")}</Badge>
                    )}
                    {co.length > 0 &&
                      ` · ${t("coAre", { names: co.map((a) => agencyName(a.agency)).join(locale === "en" ? ", " : "、") })}`}
                  </span>
                  {rec.dueDate && (
                    <span className="text-slate-600">
                      {t("dueOn", { date: toShanghaiDateString(rec.dueDate) })}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        )}
        {archived.length > 0 && (
          <details className="border-t border-slate-100 px-5 py-3 text-sm">
            <summary>{t("archivedRecommendations", { count: archived.length })}</summary>
            <ul className="mt-2 space-y-1">
              {archived.map((rec) => (
                <li key={rec.id}>
                  <Link
                    href={`/proposals/${encodeURIComponent(proposal.code)}/${encodeURIComponent(rec.code)}`}
                    className="text-brand-700 hover:underline"
                  >
                    {rec.code} {localized(locale, rec.titleZh, rec.titleEn)}
                  </Link>{" "}
                  <span className="text-slate-600">
                    {t("archivedBecause", { reason: rec.archivedReason ?? "" })}
                  </span>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("editProposal")}</CardTitle>
          {proposal.archivedAt && (
            <p className="text-sm text-amber-900">
              {t("archivedBecause", { reason: proposal.archivedReason ?? "" })}
            </p>
          )}
        </CardHeader>
        <CardContent>
          <ProposalForm
            proposalId={proposal.id}
            sourceText={proposal.sourceText ?? ""}
            values={{
              code: proposal.code,
              officialNumber: proposal.officialNumber ?? "",
              titleZh: proposal.titleZh,
              titleEn: proposal.titleEn ?? "",
              authorZh: proposal.authorZh,
              authorEn: proposal.authorEn ?? "",
              congressSessionZh: proposal.congressSessionZh,
              congressSessionEn: proposal.congressSessionEn ?? "",
              submittedAt: toShanghaiDateString(proposal.submittedAt),
              summaryZh: proposal.summaryZh,
              summaryEn: proposal.summaryEn ?? "",
              sourceReferenceZh: proposal.sourceReferenceZh ?? "",
              sourceUrl: proposal.sourceUrl ?? "",
              authorUserEmail: proposal.authorUser?.email ?? "",
              cosigners: cosignersText(proposal.cosigners),
            }}
          />
        </CardContent>
      </Card>
      {!proposal.archivedAt && (
        <Card>
          <CardHeader>
            <CardTitle>{t("archiveProposal")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ArchiveForm kind="proposal" proposalId={proposal.id} />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
