"use client";

import { useLocale, useTranslations } from "next-intl";
import { ConfirmedSubmit } from "@/components/ui/confirmed-submit";
import { FormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { localized } from "@/lib/i18n/localized";
import { rateReply } from "@/lib/rating/actions";
import type { RatingPanelData } from "@/lib/rating/queries";
import type { FormState } from "@/lib/validation/form-action";

type Form = NonNullable<RatingPanelData["form"]>;

/** One question as radio buttons: big touch targets, one per line on a phone. */
function Choices({
  name,
  legend,
  required,
  choices,
  errors,
}: {
  name: string;
  legend: string;
  required: boolean;
  choices: { value: string; label: string }[];
  errors?: string[];
}) {
  const t = useTranslations("rating");
  return (
    <fieldset className="space-y-2" aria-describedby={errors ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-900">
        {legend}
        {required ? (
          <span className="text-red-700"> *</span>
        ) : (
          <span className="text-slate-500"> {t("optional")}</span>
        )}
      </legend>
      <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-800 has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input
              type="radio"
              name={name}
              value={choice.value}
              className="size-4 accent-brand-600"
              required={required}
            />
            {choice.label}
          </label>
        ))}
      </div>
      <FieldError id={`${name}-error`} messages={errors} />
    </fieldset>
  );
}

/** The questionnaire (评价问卷) for the reply round awaiting its rating: the deputy's own, or 代录. */
export function RatingForm({
  recommendationId,
  version,
  form,
}: {
  recommendationId: string;
  version: number;
  form: Form;
}) {
  const t = useTranslations("rating");
  const locale = useLocale();
  const { state, onSubmit, pending, form: ref } = useFormAction<FormState>(rateReply, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate className="space-y-5" data-testid="rating-form">
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{form.byDeputy ? t("formIntro") : t("proxyIntro")}</p>
      <Choices
        name="satisfaction"
        legend={t("summaryQuestion")}
        required
        errors={errors.satisfaction}
        choices={form.levels.map((level) => ({
          value: level.key,
          label: localized(locale, level.labelZh, level.labelEn),
        }))}
      />
      {form.questions.map((question) => {
        const name = `q_${question.id}`;
        const legend = localized(locale, question.textZh, question.textEn);
        if (question.kind === "text")
          return (
            <div key={question.id} className="space-y-1">
              <label htmlFor={name} className="block text-sm font-medium text-slate-900">
                {legend}
                {question.required ? (
                  <span className="text-red-700"> *</span>
                ) : (
                  <span className="text-slate-500"> {t("optional")}</span>
                )}
              </label>
              <Textarea
                id={name}
                name={name}
                rows={3}
                maxLength={2000}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={errors[name] ? `${name}-error` : undefined}
              />
              <FieldError id={`${name}-error`} messages={errors[name]} />
            </div>
          );
        const choices =
          question.kind === "yes_no"
            ? [
                { value: "yes", label: t("yes") },
                { value: "no", label: t("no") },
              ]
            : question.options.map((option, index) => ({
                value: String(index),
                label: localized(locale, option.zh, option.en),
              }));
        return (
          <Choices
            key={question.id}
            name={name}
            legend={legend}
            required={question.required}
            choices={choices}
            errors={errors[name]}
          />
        );
      })}
      {!form.byDeputy && (
        <div className="space-y-1">
          <label htmlFor="proxyReason" className="block text-sm font-medium text-slate-900">
            {t("proxyReason")}
            <span className="text-red-700"> *</span>
          </label>
          <Input
            id="proxyReason"
            name="proxyReason"
            placeholder={t("proxyReasonExample")}
            maxLength={200}
            aria-invalid={errors.proxyReason ? true : undefined}
            aria-describedby={errors.proxyReason ? "proxyReason-error" : undefined}
          />
          <FieldError id={"proxyReason-error"} messages={errors.proxyReason} />
        </div>
      )}
      <FormMessages state={state} />
      <ConfirmedSubmit
        disabled={pending}
        className="w-full sm:w-auto"
        question={t("confirmQuestion")}
        confirmLabel={t("confirmSubmit")}
        cancelLabel={t("confirmCancel")}
      >
        {form.byDeputy ? t("submit") : t("submitProxy")}
      </ConfirmedSubmit>
    </form>
  );
}
