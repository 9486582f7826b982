import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EvidenceCreateForm } from "@/components/evidence/evidence-forms";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { requireUser } from "@/lib/auth/session";
import { getEvidenceTargets } from "@/lib/evidence/queries";
import { uploadLimits } from "@/lib/files/queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { loadProposalPage } from "@/lib/proposals/page-loader";

type Params = Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "evidenceForm" });
  return { title: t("newTitle") };
}

export default async function NewEvidencePage({ params }: { params: Params }) {
  const { locale, found, itemPath } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/evidence/new",
    requireUser,
    (user, { proposalCode, recommendationCode }) =>
      getEvidenceTargets(user, proposalCode, recommendationCode),
  );
  const t = await getTranslations("evidenceForm");
  const { recommendation: rec } = found;
  const targets = [
    ...(found.recommendationEditable
      ? [{ value: `recommendation:${rec.id}`, label: t("forRecommendation", { code: rec.code }) }]
      : []),
    ...found.editableActions.map((action) => ({
      value: `action:${action.id}`,
      label: t("forAction", { code: action.code, title: localized(locale, action.titleZh, action.titleEn) }),
    })),
  ];
  return (
    <Card className="mx-auto max-w-3xl">
      <CardHeader>
        <p className="text-sm text-brand-700">
          {rec.code} · {localized(locale, rec.titleZh, rec.titleEn)}
        </p>
        <h1 className="mt-1 text-xl font-semibold">{t("newTitle")}</h1>
      </CardHeader>
      <CardContent className="space-y-4">
        {targets.length > 0 ? (
          <EvidenceCreateForm
            targets={targets}
            returnTo={`/${locale}${itemPath}?saved=1#evidence-heading`}
            limits={uploadLimits()}
          />
        ) : (
          <ForbiddenNotice />
        )}
        <Link href={itemPath} className="inline-block text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </CardContent>
    </Card>
  );
}
