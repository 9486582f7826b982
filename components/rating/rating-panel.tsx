import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { localized } from "@/lib/i18n/localized";
import type { RatingPanelData, RatingView } from "@/lib/rating/queries";
import { cn } from "@/lib/utils";
import { RatingForm } from "./rating-form";

/** Who gave a rating: the deputy's own, or recorded on their behalf (代录) — always told apart. */
export function RatingSourceBadge({ byDeputy }: { byDeputy: boolean }) {
  const t = useTranslations("rating");
  return byDeputy ? (
    <Badge tone="success" data-testid="rating-by-deputy">
      {t("byDeputy")}
    </Badge>
  ) : (
    <Badge tone="warning" className="border-dashed" data-testid="rating-by-proxy">
      {t("byProxy")}
    </Badge>
  );
}

function RatingEntry({ rating }: { rating: RatingView }) {
  const t = useTranslations("rating");
  const locale = useLocale();
  const format = useFormatter();
  const answer = (item: RatingView["answers"][number]) =>
    item.kind === "yes_no"
      ? t(item.value === "yes" ? "yes" : "no")
      : item.kind === "scale"
        ? item.label
          ? localized(locale, item.label.zh, item.label.en)
          : item.value
        : item.value;
  return (
    <section
      aria-label={t("roundLabel", { round: rating.round })}
      data-testid={`rating-round-${rating.round}`}
      className={cn(
        "space-y-2 rounded-md border px-3 py-3",
        rating.byDeputy ? "border-emerald-200 bg-white" : "border-dashed border-amber-400 bg-amber-50/50",
      )}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="text-sm font-semibold text-slate-900">
          {t(rating.round === 2 ? "round2" : "round1")}
        </h3>
        <RatingSourceBadge byDeputy={rating.byDeputy} />
        <Badge tone={rating.satisfaction.isDissatisfied ? "danger" : "neutral"}>
          {localized(locale, rating.satisfaction.labelZh, rating.satisfaction.labelEn)}
        </Badge>
      </div>
      <p className="text-xs text-slate-600">
        {rating.byDeputy
          ? t("givenOn", { date: format.dateTime(rating.createdAt, "date") })
          : t("recordedBy", {
              name: rating.recordedBy,
              date: format.dateTime(rating.createdAt, "date"),
              reason: rating.proxyReason ?? "",
            })}
      </p>
      {rating.answers.length > 0 && (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[minmax(0,16rem)_1fr]">
          {rating.answers.map((item) => (
            <div key={item.questionId} className="contents">
              <dt className="text-slate-600">
                {localized(locale, item.textZh, item.textEn)}
                {item.retired && <span className="text-xs text-slate-500"> {t("retiredMark")}</span>}
              </dt>
              <dd className="whitespace-pre-wrap break-words text-slate-900">{answer(item)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** 代表评价: the ratings of the item's reply rounds, and the questionnaire when the viewer may rate now. */
export function RatingPanel({ data }: { data: RatingPanelData }) {
  const t = useTranslations("rating");
  return (
    <Card aria-labelledby="rating-heading" data-testid="rating-panel">
      <CardHeader>
        <CardTitle id="rating-heading">{t("title")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        {data.ratings.map((rating) => (
          <RatingEntry key={rating.round} rating={rating} />
        ))}
        {data.form && (
          <div className="space-y-3">
            <h3 className="text-sm font-semibold text-slate-900">
              {data.form.byDeputy ? t(data.form.round === 2 ? "rateRound2" : "rateRound1") : t("proxyTitle")}
            </h3>
            <RatingForm recommendationId={data.recommendationId} version={data.version} form={data.form} />
          </div>
        )}
      </CardContent>
    </Card>
  );
}
