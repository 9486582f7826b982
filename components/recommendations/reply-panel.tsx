import { useFormatter, useTranslations } from "next-intl";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ReplyClass } from "@/lib/db/enums";

type Reply = {
  assignedAt: Date | null;
  replyDueAt: Date | null;
  repliedAt: Date | null;
  replyClass: ReplyClass | null;
  satisfaction: string | null;
};

const SATISFACTION_KEYS = ["satisfied", "basically_satisfied", "dissatisfied"] as const;
type SatisfactionKey = (typeof SATISFACTION_KEYS)[number];
const isSatisfactionKey = (value: string): value is SatisfactionKey =>
  (SATISFACTION_KEYS as readonly string[]).includes(value);

/** 答复办理: the formal reply, kept apart from implementation progress. */
export function ReplyPanel({ reply }: { reply: Reply }) {
  const t = useTranslations("recommendation");
  const tClass = useTranslations("replyClass");
  const tSatisfaction = useTranslations("satisfaction");
  const format = useFormatter();
  const date = (value: Date | null) => (value ? format.dateTime(value, "date") : "—");
  const satisfaction = reply.satisfaction;
  return (
    <Card aria-labelledby="reply-heading" className="self-start">
      <CardHeader>
        <CardTitle id="reply-heading">{t("reply")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-500">{t("assignedAt")}</dt>
          <dd>{date(reply.assignedAt)}</dd>
          <dt className="text-slate-500">{t("replyDueAt")}</dt>
          <dd>{date(reply.replyDueAt)}</dd>
          <dt className="text-slate-500">{t("repliedAt")}</dt>
          <dd>{reply.repliedAt ? date(reply.repliedAt) : t("notReplied")}</dd>
          <dt className="text-slate-500">{t("replyClass")}</dt>
          <dd>{reply.replyClass ? tClass(reply.replyClass) : "—"}</dd>
          <dt className="text-slate-500">{t("satisfaction")}</dt>
          <dd>
            {satisfaction
              ? isSatisfactionKey(satisfaction)
                ? tSatisfaction(satisfaction)
                : satisfaction
              : "—"}
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
