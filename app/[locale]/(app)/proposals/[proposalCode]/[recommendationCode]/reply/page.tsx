import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ReplyForm } from "@/components/replies/reply-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/ui/forbidden-notice";
import { canRecordReplyCycle } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { decodedParams, loadProposalPage } from "@/lib/proposals/page-loader";
import { getReplyForm } from "@/lib/replies/queries";

type Params = Promise<{ locale: string; proposalCode: string; recommendationCode: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, recommendationCode } = await decodedParams(params);
  const t = await getTranslations({ locale, namespace: "replyForm" });
  return { title: `${t("metaTitle")} · ${recommendationCode}` };
}

export default async function ReplyPage({ params }: { params: Params }) {
  const { locale, found, itemPath, user } = await loadProposalPage(
    params,
    "/proposals/[proposalCode]/[recommendationCode]/reply",
    requireUser,
    (user, { proposalCode, recommendationCode }) => getReplyForm(user, proposalCode, recommendationCode),
  );
  const t = await getTranslations("replyForm");
  const { recommendation: rec } = found;
  const day = (value: Date | null) => (value ? toShanghaiDateString(value) : "");
  return (
    <Card className="mx-auto max-w-3xl">
      <CardHeader>
        <p className="text-sm text-brand-700">
          {rec.code} · {localized(locale, rec.titleZh, rec.titleEn)}
        </p>
        <h1 className="mt-1 text-xl font-semibold">{t("title")}</h1>
      </CardHeader>
      <CardContent className="space-y-4">
        {found.canEdit ? (
          <ReplyForm
            recommendationId={rec.id}
            version={rec.version}
            cycleEditable={canRecordReplyCycle(user)}
            today={toShanghaiDateString(new Date())}
            levels={found.levels.map((level) => ({
              key: level.key,
              label: localized(locale, level.labelZh, level.labelEn),
            }))}
            values={{
              assignedAt: day(rec.assignedAt),
              replyDueAt: day(rec.replyDueAt),
              replyExtensionReason: rec.replyExtensionReason ?? "",
              repliedAt: day(rec.repliedAt),
              replyClass: rec.replyClass ?? "",
              satisfaction: rec.satisfaction ?? "",
              feedbackAt: day(rec.feedbackAt),
              rehandlingRepliedAt: day(rec.rehandlingRepliedAt),
              followUpRepliedAt: day(rec.followUpRepliedAt),
            }}
          />
        ) : (
          <ForbiddenNotice staffReason={t("forbiddenHint")} />
        )}
        <Link href={itemPath} className="inline-block text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </CardContent>
    </Card>
  );
}
