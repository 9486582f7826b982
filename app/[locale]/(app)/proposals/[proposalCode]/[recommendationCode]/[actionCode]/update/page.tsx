import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusUpdatePage } from "@/components/status-updates/status-update-page";
import { requireUser } from "@/lib/auth/session";
import { decodedParams, loadProposalPage } from "@/lib/proposals/page-loader";
import { getStatusFormItem } from "@/lib/status-updates/queries";

type Params = Promise<{
  locale: string;
  proposalCode: string;
  recommendationCode: string;
  actionCode: string;
}>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, actionCode } = await decodedParams(params);
  const t = await getTranslations({ locale, namespace: "statusForm" });
  return { title: `${t("metaTitle")} · ${actionCode}` };
}

export default async function UpdateActionPage({ params }: { params: Params }) {
  const { locale, found, itemPath } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/[actionCode]/update",
    requireUser,
    (user, { proposalCode, recommendationCode, actionCode }) =>
      getStatusFormItem(user, proposalCode, recommendationCode, actionCode),
  );
  return <StatusUpdatePage item={found} locale={locale} itemPath={itemPath} />;
}
