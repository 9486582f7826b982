"use client";
// 从答复中提取的承诺: the promises the extractor found in the reply's text, for the staff to review (tick,
// edit the title, the due day, the lead agency) before they become actions, each with its sentence.
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { localized } from "@/lib/i18n/localized";
import { createPromisedMeasures } from "@/lib/promises/actions";
import type { PromiseReview as Review } from "@/lib/promises/queries";
import type { FormState } from "@/lib/validation/form-action";

type Row = { include: boolean; sentence: string; titleZh: string; dueDate: string; leadAgencyId: string };

export function PromiseReview({ review }: { review: Review }) {
  const t = useTranslations("promises");
  const locale = useLocale();
  const [rows, setRows] = useState<Row[]>(() =>
    review.promises.map((p) => ({
      include: true,
      sentence: p.sentence,
      titleZh: p.title,
      dueDate: p.dueDate ?? "",
      leadAgencyId: review.leadAgencyId ?? "",
    })),
  );
  const { state, onSubmit, pending, form } = useFormAction<FormState>(createPromisedMeasures, {});
  if (review.promises.length === 0) return null;
  const included = rows.flatMap((row, index) => (row.include ? [index] : []));
  const items = included.map((index) => {
    const { include: _include, ...item } = rows[index] as Row;
    return item;
  });
  // The server names a row's error by its place among the rows sent.
  const errorsOf = (index: number, field: string) => {
    const sent = included.indexOf(index);
    return sent < 0 ? undefined : state.fieldErrors?.[`items.${sent}.${field}`];
  };
  const set = (index: number, change: Partial<Row>) =>
    setRows((all) => all.map((row, i) => (i === index ? { ...row, ...change } : row)));

  return (
    <section aria-labelledby="promise-review-heading" className="space-y-3" data-testid="promise-review">
      <div>
        <h3 id="promise-review-heading" className="font-medium text-slate-900">
          {t("title", { count: review.promises.length })}
        </h3>
        <p className="text-sm text-slate-600">{t("hint")}</p>
      </div>
      <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3">
        <input type="hidden" name="recommendationId" value={review.recommendationId} />
        <input type="hidden" name="round" value={review.round} />
        <input type="hidden" name="items" value={JSON.stringify(items)} />
        <FormMessages state={state} />
        {state.fieldErrors?.items && <FieldError id="items-error" messages={state.fieldErrors.items} />}
        <ol className="space-y-3">
          {rows.map((row, index) => {
            const promise = review.promises[index];
            const id = `promise-${index}`;
            return (
              <li
                key={row.sentence}
                className="min-w-0 space-y-2 rounded-md border border-slate-200 p-3"
                data-testid="promise-row"
              >
                <div className="flex items-start gap-2">
                  <input
                    type="checkbox"
                    id={`${id}-include`}
                    checked={row.include}
                    onChange={(event) => set(index, { include: event.target.checked })}
                    className="mt-1 size-4 shrink-0"
                  />
                  <label htmlFor={`${id}-include`} className="min-w-0 text-sm text-slate-700">
                    <span className="text-slate-500">{t("source")}: </span>
                    <q className="break-words" data-testid="promise-sentence">
                      {row.sentence}
                    </q>
                  </label>
                </div>
                <div className="flex flex-wrap gap-1 pl-6">
                  {promise?.aspirational && <Badge tone="info">{t("aspirational")}</Badge>}
                  {promise?.undated && <Badge tone="warning">{t("undated")}</Badge>}
                  {promise?.dueText && <Badge tone="muted">{promise.dueText}</Badge>}
                </div>
                {row.include && (
                  <div className="grid gap-3 pl-6 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
                    <Field
                      name={`${id}-title`}
                      label={t("actionTitle")}
                      errors={errorsOf(index, "titleZh")}
                      required
                    >
                      {(control) => (
                        <Input
                          {...control}
                          name={undefined}
                          maxLength={200}
                          value={row.titleZh}
                          onChange={(event) => set(index, { titleZh: event.target.value })}
                        />
                      )}
                    </Field>
                    <Field name={`${id}-due`} label={t("dueDate")} errors={errorsOf(index, "dueDate")}>
                      {(control) => (
                        <Input
                          {...control}
                          name={undefined}
                          type="date"
                          value={row.dueDate}
                          onChange={(event) => set(index, { dueDate: event.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      name={`${id}-lead`}
                      label={t("leadAgency")}
                      errors={errorsOf(index, "leadAgencyId")}
                      required
                    >
                      {(control) => (
                        <Select
                          {...control}
                          name={undefined}
                          value={row.leadAgencyId}
                          onChange={(event) => set(index, { leadAgencyId: event.target.value })}
                        >
                          {review.agencies.map((agency) => (
                            <option key={agency.id} value={agency.id}>
                              {localized(locale, agency.nameZh, agency.nameEn)}
                            </option>
                          ))}
                        </Select>
                      )}
                    </Field>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
        <Button type="submit" disabled={pending || included.length === 0}>
          {t("create", { count: included.length })}
        </Button>
      </form>
    </section>
  );
}
