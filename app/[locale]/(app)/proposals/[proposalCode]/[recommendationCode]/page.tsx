import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { RecommendationDetail } from "@/components/recommendations/recommendation-detail";
import { canEditAction, canEditRecommendation, canEditReply } from "@/lib/auth/permissions";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { getRecommendationPage } from "@/lib/recommendations/queries";
import { decodedSegment } from "@/lib/validation/segments";

type Params = Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;

async function load(params: Params) {
  const { proposalCode, recommendationCode } = await params;
  return getRecommendationPage(decodedSegment(proposalCode), decodedSegment(recommendationCode));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // Metadata renders beside the page, not after its guard: a visitor gets no title to read.
  if (!(await getCurrentUser())) return {};
  const page = await load(params);
  if (!page) return {};
  const locale = await getLocale();
  const t = await getTranslations("recommendation");
  const rec = page.recommendation;
  return {
    title: t("metaTitle", { code: rec.code, title: localized(locale, rec.titleZh, rec.titleEn) }),
    description: localized(locale, rec.descriptionZh, rec.descriptionEn),
  };
}

export default async function RecommendationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ saved?: string }>;
}) {
  const { locale, proposalCode, recommendationCode } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/proposals/${proposalCode}/${recommendationCode}`);
  const page = await load(params);
  if (!page) notFound();
  const rec = page.recommendation;
  // An archived recommendation is read only: its page keeps its history.
  const open = rec.archivedAt === null;
  const editable = {
    recommendation: open && canEditRecommendation(user, rec.agencies),
    reply: open && canEditReply(user, rec.agencies),
    actionIds: open
      ? rec.actions.filter((action) => canEditAction(user, action.agencies, rec.agencies)).map((a) => a.id)
      : [],
  };
  return <RecommendationDetail page={page} editable={editable} saved={(await searchParams).saved === "1"} />;
}
