import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ReplyClass } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { replyClock } from "@/lib/recommendations/reply-clock";

type Reply = {
  assignedAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  replyClass: ReplyClass | null;
  satisfaction: string | null;
  feedbackAt: Date | null;
  rehandlingRepliedAt: Date | null;
  followUpRepliedAt: Date | null;
};
type SatisfactionLevel = { labelZh: string; labelEn: string | null; isDissatisfied: boolean } | null;
type SatisfactionSource = RecommendationPage["satisfactionSource"];

/** 答复办理: the formal reply and its clocks, kept apart from implementation progress. */
export function ReplyPanel({
  reply,
  satisfaction,
  satisfactionSource = null,
  today,
  editHref,
}: {
  reply: Reply;
  satisfaction: SatisfactionLevel;
  /** Whether the deputy gave it, or it was recorded for them (shown differently). */
  satisfactionSource?: SatisfactionSource;
  today: Date;
  /** The reply form, for users who may record the reply. */
  editHref?: string;
}) {
  const t = useTranslations("recommendation");
  const tClass = useTranslations("replyClass");
  const tReply = useTranslations("replyForm");
  const locale = useLocale();
  const format = useFormatter();
  const date = (value: Date | null) => (value ? format.dateTime(value, "date") : "—");
  const clock = replyClock(reply, satisfaction?.isDissatisfied ?? false, today);
  return (
    <Card aria-labelledby="reply-heading" className="min-w-0 self-start">
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="reply-heading">{t("reply")}</CardTitle>
        {editHref && (
          <Link href={editHref} className={buttonVariants({ variant: "outline", size: "sm" })}>
            {tReply("edit")}
          </Link>
        )}
      </CardHeader>
      <CardContent className="space-y-3">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{t("assignedAt")}</dt>
          <dd>{date(reply.assignedAt)}</dd>
          <dt className="text-slate-500">{t("replyDueAt")}</dt>
          <dd>{date(reply.replyDueAt)}</dd>
          <dt className="text-slate-500">{t("repliedAt")}</dt>
          <dd className="flex flex-wrap items-center gap-1.5">
            {reply.repliedAt ? date(reply.repliedAt) : t("notReplied")}
            {clock.replyOverdueDays !== null && (
              <Badge tone="danger">{t("replyOverdue", { days: clock.replyOverdueDays })}</Badge>
            )}
            {clock.repliedLateDays !== null && (
              <Badge tone="warning">{t("repliedLate", { days: clock.repliedLateDays })}</Badge>
            )}
          </dd>
          <dt className="text-slate-500">{t("replyClass")}</dt>
          <dd>{reply.replyClass ? tClass(reply.replyClass) : "—"}</dd>
          <dt className="text-slate-500">{t("satisfaction")}</dt>
          <dd className="space-y-1">
            <span className="flex flex-wrap items-center gap-1.5">
              {satisfaction
                ? localized(locale, satisfaction.labelZh, satisfaction.labelEn)
                : (reply.satisfaction ?? "—")}
              {satisfactionSource?.kind === "deputy" && <Badge tone="success">{t("ratedByDeputy")}</Badge>}
              {satisfactionSource?.kind === "proxy" && <Badge tone="warning">{t("ratedByProxy")}</Badge>}
              {satisfactionSource?.kind === "agency" && <Badge tone="muted">{t("ratedByAgency")}</Badge>}
            </span>
            {satisfactionSource?.kind === "proxy" && satisfactionSource.reason && (
              <span className="block text-xs text-slate-600">
                {t("proxyReason", { reason: satisfactionSource.reason })}
              </span>
            )}
          </dd>
          {reply.feedbackAt && (
            <>
              <dt className="text-slate-500">{t("feedbackAt")}</dt>
              <dd>{date(reply.feedbackAt)}</dd>
            </>
          )}
          {clock.rehandlingDueAt && (
            <>
              <dt className="text-slate-500">{t("rehandlingDueAt")}</dt>
              <dd className="flex flex-wrap items-center gap-1.5">
                {date(clock.rehandlingDueAt)}
                {reply.rehandlingRepliedAt && (
                  <Badge tone="success">
                    {t("rehandlingDone", { date: date(reply.rehandlingRepliedAt) })}
                  </Badge>
                )}
                {clock.rehandlingOverdueDays !== null && (
                  <Badge tone="danger">{t("rehandlingOverdue", { days: clock.rehandlingOverdueDays })}</Badge>
                )}
              </dd>
            </>
          )}
        </dl>
        {clock.followUpRequired &&
          (reply.followUpRepliedAt ? (
            <p className="text-xs text-emerald-800">
              {t("followUpDone", { date: date(reply.followUpRepliedAt) })}
            </p>
          ) : (
            <p className="text-xs text-slate-600">{t("followUp")}</p>
          ))}
      </CardContent>
    </Card>
  );
}
