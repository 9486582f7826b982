import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusUpdatePage } from "@/components/status-updates/status-update-page";
import { decodedSegment } from "@/lib/validation/segments";

type Params = Promise<{
  locale: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string;
}>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, actionCode } = await params;
  const t = await getTranslations({ locale, namespace: "statusForm" });
  return { title: `${t("metaTitle")} · ${decodedSegment(actionCode)}` };
}

export default async function UpdateActionPage({ params }: { params: Params }) {
  const { locale, proposalCode, recommendationCode, actionCode } = await params;
  setRequestLocale(locale);
  return (
    <StatusUpdatePage
      proposalCode={decodedSegment(proposalCode)}
      recommendationCode={decodedSegment(recommendationCode)}
      actionCode={decodedSegment(actionCode)}
    />
  );
}
