"use client";
// The review queue's list and its one form: check the proposals, then approve them, or reject them with
// one reason. A refused one (the item changed since) stays in the list, marked.
import { ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useRef } from "react";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { type ReviewState, reviewProposedUpdates } from "@/lib/update-review/actions";
import type { ReviewQueue as Queue } from "@/lib/update-review/queries";

export function ReviewQueue({ rows }: { rows: Queue["rows"] }) {
  const t = useTranslations("updateReview.queue");
  const tRefused = useTranslations("updateReview.result.short");
  const locale = useLocale();
  const format = useFormatter();
  const { state, onSubmit, pending, form } = useFormAction<ReviewState>(reviewProposedUpdates, {});
  const all = useRef<HTMLInputElement>(null);
  const errors = state.fieldErrors ?? {};
  const checkAll = (checked: boolean) => {
    for (const box of form.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]') ?? [])
      box.checked = checked;
  };

  // Rendered when the queue is empty too, so that the answer to the last review stays in view.
  if (rows.length === 0)
    return (
      <div className="space-y-4">
        <FormMessages state={state} />
        <p
          className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600"
          data-testid="review-empty"
        >
          {t("empty")}
        </p>
      </div>
    );
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-4" data-testid="review-form">
      <FormMessages state={state} />
      {errors.ids && (
        <p className="text-sm text-red-700" role="alert">
          {errors.ids.join(" ")}
        </p>
      )}
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input
          ref={all}
          type="checkbox"
          className="size-4"
          onChange={(event) => checkAll(event.currentTarget.checked)}
        />
        {t("selectAll", { count: rows.length })}
      </label>
      <ul className="space-y-3" data-testid="review-queue">
        {rows.map((row) => {
          const href =
            `/proposals/${encodeURIComponent(row.proposal.code)}/${encodeURIComponent(row.recommendation.code)}` +
            "#history-heading";
          const outcome = state.outcomes?.[row.id];
          const refused = outcome && outcome !== "approved" && outcome !== "rejected";
          return (
            <li
              key={row.id}
              className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:p-4"
              data-testid={`proposal-${row.item.code}`}
            >
              <div className="flex items-start gap-3">
                <input
                  type="checkbox"
                  name="ids"
                  value={row.id}
                  id={`pick-${row.id}`}
                  className="mt-1 size-4 shrink-0"
                  aria-describedby={`what-${row.id}`}
                />
                <div className="min-w-0 flex-1 space-y-1.5">
                  <label htmlFor={`pick-${row.id}`} className="block font-medium text-slate-900">
                    <span className="font-mono text-sm text-slate-600">{row.item.code}</span>{" "}
                    {localized(locale, row.item.titleZh, row.item.titleEn)}
                  </label>
                  <p className="text-xs text-slate-600">
                    {row.kind === "action"
                      ? t("ofRecommendation", {
                          code: row.recommendation.code,
                          proposal: localized(locale, row.proposal.titleZh, row.proposal.titleEn),
                        })
                      : localized(locale, row.proposal.titleZh, row.proposal.titleEn)}
                  </p>
                  <p
                    id={`what-${row.id}`}
                    className="flex flex-wrap items-center gap-2 text-sm text-slate-800"
                  >
                    <StatusBadge status={row.item.status} />
                    <span>{row.item.progress}%</span>
                    <ArrowRight aria-label={t("to")} className="size-4 text-slate-500" />
                    <StatusBadge status={row.statusAfter} />
                    <span className="font-semibold">{row.progressAfter}%</span>
                    <span className="text-slate-600">
                      {t("effective", { date: format.dateTime(row.effectiveDate, "date") })}
                    </span>
                  </p>
                  {row.comment && <p className="text-sm text-slate-800">{row.comment}</p>}
                  {row.newLink && (
                    <p className="text-sm">
                      {t("newLink")}{" "}
                      <a
                        href={row.newLink.url}
                        className="break-all text-brand-700 underline"
                        rel="noopener noreferrer"
                        target="_blank"
                      >
                        {row.newLink.title}
                      </a>
                    </p>
                  )}
                  {row.citedCount > 0 && (
                    <p className="text-xs text-slate-600">{t("cited", { count: row.citedCount })}</p>
                  )}
                  <p className="text-xs text-slate-600">
                    {t("by", {
                      name: row.author.name,
                      agency: localized(
                        locale,
                        row.agency.shortNameZh ?? row.agency.nameZh,
                        row.agency.shortNameEn ?? row.agency.nameEn,
                      ),
                      date: format.dateTime(row.createdAt, "dateTime"),
                    })}
                    {" · "}
                    <Link href={href} className="text-brand-700 underline">
                      {t("open")}
                    </Link>
                  </p>
                  {(row.stale || refused) && (
                    <p className="flex flex-wrap gap-2">
                      {row.stale && <Badge tone="warning">{t("stale")}</Badge>}
                      {refused && <Badge tone="danger">{tRefused(outcome)}</Badge>}
                    </p>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      <div className="space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
        <Field name="reason" label={t("reason")} hint={t("reasonHint")} errors={errors.reason}>
          {(control) => <Textarea {...control} maxLength={500} rows={2} />}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="decision" value="approve" disabled={pending}>
            {t("approve")}
          </Button>
          <Button type="submit" name="decision" value="reject" variant="outline" disabled={pending}>
            {t("reject")}
          </Button>
        </div>
      </div>
    </form>
  );
}
