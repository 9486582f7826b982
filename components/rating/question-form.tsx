"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { InlineFormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Label, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { RatingQuestionKind } from "@/lib/db/enums";
import { createRatingQuestion, setRatingQuestionActive, updateRatingQuestion } from "@/lib/rating/actions";
import type { FormState } from "@/lib/validation/form-action";

export type QuestionValues = {
  id: string;
  kind: RatingQuestionKind;
  textZh: string;
  textEn: string | null;
  options: { zh: string; en: string | null }[];
  sortOrder: number;
  required: boolean;
  active: boolean;
};

const KINDS: RatingQuestionKind[] = ["scale", "yes_no", "text"];

/** A question of the questionnaire to add, or to edit while no rating has answered it. */
export function QuestionForm({ question }: { question?: QuestionValues }) {
  const t = useTranslations("rating.admin");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(
    question ? updateRatingQuestion : createRatingQuestion,
    {},
  );
  const errors = state.fieldErrors ?? {};
  const prefix = question ? `question-${question.id}` : "new-question";
  const field = (name: string) => ({
    id: `${prefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
  });
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3">
      {question && <input type="hidden" name="questionId" value={question.id} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <Label htmlFor={`${prefix}-textZh`} className="text-xs">
            {t("textZh")}
          </Label>
          <Input {...field("textZh")} defaultValue={question?.textZh} />
          <FieldError id={`${prefix}-textZh-error`} messages={errors.textZh} />
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${prefix}-textEn`} className="text-xs">
            {t("textEn")}
          </Label>
          <Input {...field("textEn")} defaultValue={question?.textEn ?? ""} />
          <FieldError id={`${prefix}-textEn-error`} messages={errors.textEn} />
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${prefix}-kind`} className="text-xs">
            {t("kind")}
          </Label>
          {question ? (
            <>
              <input type="hidden" name="kind" value={question.kind} />
              <p id={`${prefix}-kind`} className="py-2 text-sm text-slate-800">
                {t(`kinds.${question.kind}`)}
              </p>
            </>
          ) : (
            <Select {...field("kind")} defaultValue="scale">
              {KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </Select>
          )}
          <FieldError id={`${prefix}-kind-error`} messages={errors.kind} />
        </div>
        <div className="space-y-1">
          <Label htmlFor={`${prefix}-sortOrder`} className="text-xs">
            {t("sortOrder")}
          </Label>
          <Input
            {...field("sortOrder")}
            type="number"
            min={0}
            defaultValue={String(question?.sortOrder ?? 9)}
          />
          <FieldError id={`${prefix}-sortOrder-error`} messages={errors.sortOrder} />
        </div>
        {(!question || question.kind === "scale") && (
          <div className="space-y-1 sm:col-span-2">
            <Label htmlFor={`${prefix}-options`} className="text-xs">
              {t("options")}
            </Label>
            <Textarea
              {...field("options")}
              rows={4}
              defaultValue={question?.options
                .map((option) => (option.en ? `${option.zh} | ${option.en}` : option.zh))
                .join("\n")}
              placeholder={t("optionsPlaceholder")}
            />
            <p className="text-xs text-slate-600">{t("optionsHint")}</p>
            <FieldError id={`${prefix}-options-error`} messages={errors.options} />
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <label htmlFor={`${prefix}-required`} className="flex items-center gap-2 text-sm text-slate-700">
          <input
            id={`${prefix}-required`}
            type="checkbox"
            name="required"
            defaultChecked={question?.required ?? false}
            className="accent-brand-600"
          />
          {t("required")}
        </label>
        {question && <input type="hidden" name="active" value={question.active ? "on" : ""} />}
        <Button type="submit" size="sm" variant="outline" disabled={pending}>
          {question ? t("save") : t("create")}
        </Button>
      </div>
      <InlineFormMessages state={state} />
    </form>
  );
}

/** Retire a question (its answers stay) or bring it back. */
export function QuestionActiveButton({
  questionId,
  active,
  label,
}: {
  questionId: string;
  active: boolean;
  label: string;
}) {
  const t = useTranslations("rating.admin");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(setRatingQuestionActive, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="questionId" value={questionId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button
        type="submit"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={`${active ? t("retire") : t("restore")}：${label}`}
      >
        {active ? t("retire") : t("restore")}
      </Button>
      <InlineFormMessages state={state} />
    </form>
  );
}
