"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { createMeasure, editMeasure } from "@/lib/measures/actions";
import type { FormState } from "@/lib/validation/form-action";

export type ActionValues = {
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  leadAgencyId: string;
  coAgencyIds: string[];
  startDate: string;
  dueDate: string;
  weight: string;
};

type Props = {
  agencies: { id: string; name: string }[];
  values: ActionValues;
} & (
  | { mode: "create"; recommendationId: string; returnTo: string }
  | { mode: "edit"; actionId: string; version: number }
);

/** The fields of an action (举措), to add one or to edit it. */
export function MeasureForm(props: Props) {
  const t = useTranslations("actionForm");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(
    props.mode === "create" ? createMeasure : editMeasure,
    {},
  );
  const errors = state.fieldErrors ?? {};
  const { values, agencies } = props;
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      {props.mode === "create" ? (
        <>
          <input type="hidden" name="recommendationId" value={props.recommendationId} />
          <input type="hidden" name="returnTo" value={props.returnTo} />
        </>
      ) : (
        <>
          <input type="hidden" name="actionId" value={props.actionId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <FormMessages state={state} />
      <div className="grid gap-4 md:grid-cols-[8rem_1fr]">
        <Field name="code" label={t("code")} errors={errors.code}>
          {(control) => <Input {...control} maxLength={20} defaultValue={values.code} />}
        </Field>
        <Field name="titleZh" label={t("titleZh")} errors={errors.titleZh}>
          {(control) => <Input {...control} maxLength={300} defaultValue={values.titleZh} />}
        </Field>
      </div>
      <Field name="titleEn" label={t("titleEn")} errors={errors.titleEn}>
        {(control) => <Input {...control} maxLength={300} lang="en" defaultValue={values.titleEn} />}
      </Field>
      <Field name="descriptionZh" label={t("descriptionZh")} errors={errors.descriptionZh}>
        {(control) => <Textarea {...control} rows={2} maxLength={2000} defaultValue={values.descriptionZh} />}
      </Field>
      <Field name="leadAgencyId" label={t("leadAgency")} errors={errors.leadAgencyId}>
        {(control) => (
          <ChoiceSelect
            {...control}
            defaultValue={values.leadAgencyId}
            empty={t("choose")}
            choices={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
          />
        )}
      </Field>
      <CheckboxGroup
        name="coAgencyIds"
        legend={t("coAgencies")}
        options={agencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        checked={values.coAgencyIds}
        errors={errors.coAgencyIds}
      />
      <div className="grid gap-4 md:grid-cols-3">
        <Field name="startDate" label={t("startDate")} errors={errors.startDate}>
          {(control) => <Input {...control} type="date" defaultValue={values.startDate} />}
        </Field>
        <Field name="dueDate" label={t("dueDate")} errors={errors.dueDate}>
          {(control) => <Input {...control} type="date" defaultValue={values.dueDate} />}
        </Field>
        <Field name="weight" label={t("weight")} hint={t("weightHint")} errors={errors.weight}>
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
