import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { QuestionActiveButton, QuestionForm } from "@/components/rating/question-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { pageTitle } from "@/lib/i18n/page-title";
import { listRatingQuestions } from "@/lib/rating/queries";

export const generateMetadata = pageTitle("rating", "admin.title");

/** 系统管理 → 评价问卷: the questions deputies answer when they rate a reply. */
export default async function AdminQuestionnairePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdmin(locale, `/${locale}/admin/questionnaire`);
  const [questions, t, current] = await Promise.all([
    listRatingQuestions(),
    getTranslations("rating.admin"),
    getLocale(),
  ]);
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader>
          <CardTitle>{t("title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-2 text-sm text-slate-700">
          <p>{t("intro")}</p>
          <p>
            {t("summaryNote")}{" "}
            <Link href="/admin/satisfaction" className="text-brand-700 underline">
              {t("summaryLink")}
            </Link>
          </p>
        </CardContent>
        <ul className="divide-y divide-slate-100">
          {questions.map((question) => {
            const text = localized(current, question.textZh, question.textEn);
            return (
              <li key={question.id} className="space-y-2 px-5 py-4" data-testid={`question-${question.id}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <h2 className="text-sm font-semibold text-slate-900">{text}</h2>
                  <Badge tone="muted">{t(`kinds.${question.kind}`)}</Badge>
                  {question.required && <Badge tone="info">{t("requiredBadge")}</Badge>}
                  {!question.active && <Badge tone="neutral">{t("retiredBadge")}</Badge>}
                  <span className="text-xs text-slate-600">
                    {t("answered", { count: question.answered })}
                  </span>
                </div>
                {question.answered > 0 ? (
                  <div className="space-y-2">
                    {question.kind === "scale" && (
                      <p className="text-sm text-slate-700">
                        {question.options
                          .map((option) => localized(current, option.zh, option.en))
                          .join(" · ")}
                      </p>
                    )}
                    <p className="text-xs text-slate-600">{t("answeredNote")}</p>
                  </div>
                ) : (
                  <QuestionForm question={question} />
                )}
                <QuestionActiveButton questionId={question.id} active={question.active} label={text} />
              </li>
            );
          })}
        </ul>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("newQuestion")}</CardTitle>
        </CardHeader>
        <CardContent>
          <QuestionForm />
        </CardContent>
      </Card>
    </div>
  );
}
