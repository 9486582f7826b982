"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, FieldError, Input, Label, Select, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { EvidenceKind } from "@/lib/db/enums";
import { createEvidence, editEvidence, verifyEvidence, withdrawEvidence } from "@/lib/evidence/actions";
import type { FormState } from "@/lib/validation/form-action";

export type EvidenceValues = {
  titleZh: string;
  titleEn: string;
  kind: EvidenceKind;
  publisher: string;
  publishedAt: string;
  note: string;
  isPublic: boolean;
  isInternal: boolean;
};

function DetailsFields({ values, errors }: { values?: EvidenceValues; errors: Record<string, string[]> }) {
  const t = useTranslations("evidenceForm");
  const tKind = useTranslations("evidenceKind");
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="titleZh" label={t("titleZh")} errors={errors.titleZh}>
          {(control) => <Input {...control} maxLength={300} defaultValue={values?.titleZh} />}
        </Field>
        <Field name="titleEn" label={t("titleEn")} errors={errors.titleEn}>
          {(control) => <Input {...control} maxLength={300} defaultValue={values?.titleEn} lang="en" />}
        </Field>
      </div>
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="kind" label={t("kind")} errors={errors.kind}>
          {(control) => (
            <ChoiceSelect
              {...control}
              defaultValue={values?.kind ?? ""}
              empty={t("chooseKind")}
              choices={Object.values(EvidenceKind).map((kind) => ({ value: kind, label: tKind(kind) }))}
            />
          )}
        </Field>
        <Field name="publisher" label={t("publisher")} errors={errors.publisher}>
          {(control) => <Input {...control} maxLength={200} defaultValue={values?.publisher} />}
        </Field>
        <Field name="publishedAt" label={t("publishedAt")} errors={errors.publishedAt}>
          {(control) => <Input {...control} type="date" defaultValue={values?.publishedAt} />}
        </Field>
      </div>
      <Field name="note" label={t("note")} errors={errors.note}>
        {(control) => <Textarea {...control} rows={2} maxLength={2000} defaultValue={values?.note} />}
      </Field>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          name="isPublic"
          defaultChecked={values?.isPublic ?? true}
          className="accent-brand-600"
        />
        {t("isPublic")}
      </label>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            name="isInternal"
            defaultChecked={values?.isInternal ?? false}
            aria-describedby="isInternal-hint"
            aria-invalid={errors.isInternal ? true : undefined}
            className="accent-brand-600"
          />
          {t("isInternal")}
        </label>
        <p id="isInternal-hint" className="text-xs text-slate-600">
          {t("isInternalHint")}
        </p>
        {errors.isInternal?.map((message) => (
          <p key={message} className="text-sm text-red-700" role="alert">
            {message}
          </p>
        ))}
      </div>
    </>
  );
}

export function EvidenceCreateForm({
  targets,
  returnTo,
}: {
  targets: { value: string; label: string }[];
  returnTo: string;
}) {
  const t = useTranslations("evidenceForm");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(createEvidence, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormMessages state={state} />
      <Field name="target" label={t("for")} errors={errors.target}>
        {(control) => (
          <Select {...control}>
            {targets.map((target) => (
              <option key={target.value} value={target.value}>
                {target.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="url" label={t("url")} errors={errors.url}>
        {(control) => (
          <Input {...control} type="url" inputMode="url" placeholder="https://" maxLength={2000} />
        )}
      </Field>
      <DetailsFields errors={errors} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("add")}
      </Button>
    </form>
  );
}

export function EvidenceEditForm({
  evidenceId,
  url,
  values,
}: {
  evidenceId: string;
  url: string;
  values: EvidenceValues;
}) {
  const t = useTranslations("evidenceForm");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(editEvidence, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <FormMessages state={state} />
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">{t("url")}</p>
        <p className="break-all text-sm text-slate-900">{url}</p>
        <p className="text-xs text-slate-600">{t("urlFixed")}</p>
      </div>
      <DetailsFields values={values} errors={errors} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}

export function EvidenceWithdrawForm({ evidenceId }: { evidenceId: string }) {
  const t = useTranslations("evidenceForm");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(withdrawEvidence, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <FormMessages state={state} />
      <p className="text-sm text-slate-600">{t("withdrawHint")}</p>
      <Field name="reason" label={t("reason")} errors={state.fieldErrors?.reason}>
        {(control) => <Textarea {...control} rows={2} maxLength={500} />}
      </Field>
      <Button type="submit" variant="outline" disabled={pending}>
        {t("withdraw")}
      </Button>
    </form>
  );
}

/** 核实: a note (optional) and the button, folded away until asked for. */
export function EvidenceVerifyForm({ evidenceId, title }: { evidenceId: string; title: string }) {
  const t = useTranslations("evidenceVerify");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(verifyEvidence, {});
  const id = `verify-${evidenceId}`;
  return (
    <details className="group rounded border border-slate-200 px-3 py-2 text-sm">
      <summary
        className="min-h-6 cursor-pointer text-brand-700 underline"
        aria-label={t("openLabel", { title })}
      >
        {t("open")}
      </summary>
      <form ref={form} onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
        <input type="hidden" name="evidenceId" value={evidenceId} />
        <FormMessages state={state} />
        <p className="text-xs text-slate-600">{t("hint")}</p>
        {/* Several of these forms share a page: ids of their own (Field's are the name's). */}
        <div className="space-y-1.5">
          <Label htmlFor={`${id}-note`}>{t("note")}</Label>
          <Textarea
            id={`${id}-note`}
            name="note"
            rows={2}
            maxLength={500}
            aria-invalid={Boolean(state.fieldErrors?.note)}
            aria-describedby={state.fieldErrors?.note ? `${id}-note-error` : undefined}
          />
          <FieldError id={`${id}-note-error`} messages={state.fieldErrors?.note} />
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          {t("submit")}
        </Button>
      </form>
    </details>
  );
}
