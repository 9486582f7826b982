import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceEditForm, EvidenceWithdrawForm } from "@/components/evidence/evidence-forms";
import { FileList } from "@/components/files/file-list";
import { FileUpload } from "@/components/files/file-upload";
import { ExternalLink } from "@/components/recommendations/external-link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { requireUser } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { getEvidenceToEdit } from "@/lib/evidence/queries";
import { uploadLimits } from "@/lib/files/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { loadProposalPage } from "@/lib/proposals/page-loader";

type Params = Promise<{
  locale: string;
  proposalCode: string;
  recommendationCode: string;
  evidenceId: string;
}>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "evidenceForm" });
  return { title: t("editTitle") };
}

export default async function EvidencePage({ params }: { params: Params }) {
  const {
    locale,
    found: { evidence, canChange },
    itemPath,
  } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/evidence/[evidenceId]",
    requireUser,
    (user, { proposalCode, recommendationCode, evidenceId }) =>
      getEvidenceToEdit(user, proposalCode, recommendationCode, evidenceId),
  );
  const { recommendationCode } = await params;
  const t = await getTranslations("evidenceForm");
  const tFiles = await getTranslations("files");
  const format = await getFormatter();
  const title = localized(locale, evidence.titleZh, evidence.titleEn);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Card>
        <CardHeader>
          <p className="text-sm text-brand-700">
            {evidence.action
              ? t("forAction", { code: evidence.action.code, title: "" })
              : t("forRecommendation", { code: recommendationCode })}
          </p>
          <h1 className="mt-1 text-xl font-semibold">{title}</h1>
          {evidence.url ? (
            <ExternalLink
              href={evidence.url}
              className="mt-1 block break-all text-sm text-brand-700 underline"
            >
              {evidence.url}
            </ExternalLink>
          ) : (
            <p className="mt-1 text-sm text-slate-600">{t("fileOnly")}</p>
          )}
        </CardHeader>
        <CardContent className="space-y-4">
          {evidence.withdrawnAt ? (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
              {t("withdrawnOn", {
                date: format.dateTime(evidence.withdrawnAt, "date"),
                reason: evidence.withdrawnReason ?? "",
              })}
            </p>
          ) : canChange ? (
            <EvidenceEditForm
              evidenceId={evidence.id}
              url={evidence.url}
              values={{
                titleZh: evidence.titleZh,
                titleEn: evidence.titleEn ?? "",
                kind: evidence.kind,
                publisher: evidence.publisher ?? "",
                publishedAt: evidence.publishedAt ? toShanghaiDateString(evidence.publishedAt) : "",
                note: evidence.note ?? "",
                isPublic: evidence.isPublic,
                isInternal: evidence.isInternal,
              }}
            />
          ) : (
            <ForbiddenNotice />
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{tFiles("evidenceFiles")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <FileList files={evidence.files} removable={canChange && !evidence.withdrawnAt} />
          {canChange && !evidence.withdrawnAt && (
            <FileUpload owner={`evidence:${evidence.id}`} limits={uploadLimits()} />
          )}
        </CardContent>
      </Card>
      {canChange && !evidence.withdrawnAt && (
        <Card>
          <CardHeader>
            <CardTitle>{t("withdrawTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <EvidenceWithdrawForm evidenceId={evidence.id} />
          </CardContent>
        </Card>
      )}
      <Link href={itemPath} className="inline-block text-sm text-brand-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
