import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusUpdatePage } from "@/components/status-updates/status-update-page";
import { decodedSegment } from "@/lib/validation/segments";

type Params = Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, recommendationCode } = await params;
  const t = await getTranslations({ locale, namespace: "statusForm" });
  return { title: `${t("metaTitle")} · ${decodedSegment(recommendationCode)}` };
}

export default async function UpdateRecommendationPage({ params }: { params: Params }) {
  const { locale, proposalCode, recommendationCode } = await params;
  setRequestLocale(locale);
  return (
    <StatusUpdatePage
      proposalCode={decodedSegment(proposalCode)}
      recommendationCode={decodedSegment(recommendationCode)}
    />
  );
}
