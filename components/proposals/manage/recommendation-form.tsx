"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createRecommendation, editRecommendation } from "@/lib/proposals/actions";
import type { FormState } from "@/lib/validation/form-action";

export type RecommendationValues = {
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  sourceQuote: string;
  themeId: string;
  leadAgencyId: string;
  coAgencyIds: string[];
  startDate: string;
  dueDate: string;
  assignedAt: string;
  weight: string;
};

type Props = {
  agencies: { id: string; name: string }[];
  themes: { id: string; name: string }[];
  values: RecommendationValues;
} & ({ mode: "create"; proposalId: string } | { mode: "edit"; recommendationId: string; version: number });

/** The fields of a recommendation (建议条目), to add one or to edit it (optimistic versioning). */
export function RecommendationForm(props: Props) {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(
    props.mode === "create" ? createRecommendation : editRecommendation,
    {},
  );
  const errors = state.fieldErrors ?? {};
  const { values, agencies, themes } = props;
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate data-testid="recommendation-form">
      {props.mode === "create" ? (
        <input type="hidden" name="proposalId" value={props.proposalId} />
      ) : (
        <>
          <input type="hidden" name="recommendationId" value={props.recommendationId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <FormMessages state={state} />
      <div className="grid gap-4 md:grid-cols-[8rem_1fr]">
        <Field name="code" label={t("field.code")} errors={errors.code}>
          {(control) => <Input {...control} maxLength={20} defaultValue={values.code} />}
        </Field>
        <Field name="titleZh" label={t("field.titleZh")} errors={errors.titleZh}>
          {(control) => <Input {...control} maxLength={300} defaultValue={values.titleZh} />}
        </Field>
      </div>
      <Field name="titleEn" label={t("field.titleEn")} errors={errors.titleEn}>
        {(control) => <Input {...control} maxLength={300} lang="en" defaultValue={values.titleEn} />}
      </Field>
      <Field
        name="sourceQuote"
        label={t("field.sourceQuote")}
        hint={t("sourceQuoteHint")}
        errors={errors.sourceQuote}
      >
        {(control) => <Textarea {...control} rows={4} defaultValue={values.sourceQuote} />}
      </Field>
      <Field
        name="descriptionZh"
        label={t("field.descriptionZh")}
        hint={t("limit", { max: 5000 })}
        errors={errors.descriptionZh}
      >
        {(control) => <Textarea {...control} rows={2} defaultValue={values.descriptionZh} />}
      </Field>
      <Field name="descriptionEn" label={t("field.descriptionEn")} errors={errors.descriptionEn}>
        {(control) => <Textarea {...control} rows={2} lang="en" defaultValue={values.descriptionEn} />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="themeId" label={t("field.theme")} errors={errors.themeId}>
          {(control) => (
            <ChoiceSelect
              {...control}
              defaultValue={values.themeId}
              empty={t("none")}
              choices={themes.map((theme) => ({ value: theme.id, label: theme.name }))}
            />
          )}
        </Field>
        <Field name="leadAgencyId" label={t("field.leadAgency")} errors={errors.leadAgencyId}>
          {(control) => (
            <ChoiceSelect
              {...control}
              defaultValue={values.leadAgencyId}
              empty={t("unassigned")}
              choices={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
            />
          )}
        </Field>
      </div>
      <CheckboxGroup
        name="coAgencyIds"
        legend={t("field.coAgencies")}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        checked={values.coAgencyIds}
        errors={errors.coAgencyIds}
      />
      <div className="grid gap-4 md:grid-cols-4">
        <Field name="assignedAt" label={t("field.assignedAt")} errors={errors.assignedAt}>
          {(control) => <Input {...control} type="date" defaultValue={values.assignedAt} />}
        </Field>
        <Field name="startDate" label={t("field.startDate")} errors={errors.startDate}>
          {(control) => <Input {...control} type="date" defaultValue={values.startDate} />}
        </Field>
        <Field name="dueDate" label={t("field.dueDate")} errors={errors.dueDate}>
          {(control) => <Input {...control} type="date" defaultValue={values.dueDate} />}
        </Field>
        <Field name="weight" label={t("field.weight")} errors={errors.weight}>
          {(control) => (
            <Input {...control} type="number" min={0} max={100} step="any" defaultValue={values.weight} />
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : props.mode === "create" ? t("create") : t("save")}
      </Button>
    </form>
  );
}
