"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { FieldErrors } from "@/lib/validation/form";

export type ProposalValues = {
  code: string;
  officialNumber: string;
  titleZh: string;
  titleEn: string;
  authorZh: string;
  authorEn: string;
  congressSessionZh: string;
  congressSessionEn: string;
  submittedAt: string;
  summaryZh: string;
  summaryEn: string;
  sourceReferenceZh: string;
  sourceUrl: string;
  /** The first author's deputy account (email) and the 联名代表, one a line (lib/proposals/deputies.ts). */
  authorUserEmail: string;
  cosigners: string;
};

export const EMPTY_PROPOSAL: ProposalValues = {
  code: "",
  officialNumber: "",
  titleZh: "",
  titleEn: "",
  authorZh: "",
  authorEn: "",
  congressSessionZh: "",
  congressSessionEn: "",
  submittedAt: "",
  summaryZh: "",
  summaryEn: "",
  sourceReferenceZh: "",
  sourceUrl: "",
  authorUserEmail: "",
  cosigners: "",
};

/** What the server requires (lib/proposals/schema.ts): marked before anything is sent. */
const REQUIRED = new Set<keyof ProposalValues>([
  "code",
  "titleZh",
  "authorZh",
  "congressSessionZh",
  "submittedAt",
  "summaryZh",
]);

/** A proposal's own fields (建议), shared by the edit form and the assisted entry. */
export function ProposalFields({ values, errors }: { values: ProposalValues; errors: FieldErrors }) {
  const t = useTranslations("manage");
  const tDeputy = useTranslations("deputy.manage");
  const text = (name: keyof ProposalValues, max: number, extra: { lang?: string; type?: string } = {}) => (
    <Field name={name} label={t(`field.${name}`)} errors={errors[name]} required={REQUIRED.has(name)}>
      {(control) => <Input {...control} {...extra} maxLength={max} defaultValue={values[name]} />}
    </Field>
  );
  return (
    <div className="space-y-4">
      <p className="text-xs text-slate-600">{t("requiredNote")}</p>
      <div className="grid gap-4 md:grid-cols-[10rem_10rem_1fr]">
        {text("code", 20)}
        {text("officialNumber", 50)}
        {text("titleZh", 300)}
      </div>
      {text("titleEn", 300, { lang: "en" })}
      <div className="grid gap-4 md:grid-cols-2">
        {text("authorZh", 100)}
        {text("authorEn", 100, { lang: "en" })}
        <Field
          name="authorUserEmail"
          label={tDeputy("authorUser")}
          hint={tDeputy("authorUserHint")}
          errors={errors.authorUserEmail}
        >
          {(control) => (
            <Input {...control} type="email" maxLength={254} defaultValue={values.authorUserEmail} />
          )}
        </Field>
        <Field
          name="cosigners"
          label={tDeputy("cosigners")}
          hint={tDeputy("cosignersHint")}
          errors={errors.cosigners}
        >
          {(control) => <Textarea {...control} rows={3} defaultValue={values.cosigners} />}
        </Field>
        {text("congressSessionZh", 100)}
        {text("congressSessionEn", 100, { lang: "en" })}
      </div>
      <div className="grid gap-4 md:grid-cols-[12rem_1fr]">
        <Field name="submittedAt" label={t("field.submittedAt")} errors={errors.submittedAt} required>
          {(control) => <Input {...control} type="date" defaultValue={values.submittedAt} />}
        </Field>
        {text("sourceUrl", 2000, { type: "url" })}
      </div>
      {text("sourceReferenceZh", 500)}
      <Field
        name="summaryZh"
        label={t("field.summaryZh")}
        hint={t("limit", { max: 2000 })}
        errors={errors.summaryZh}
        required
      >
        {(control) => <Textarea {...control} rows={3} defaultValue={values.summaryZh} />}
      </Field>
      <Field name="summaryEn" label={t("field.summaryEn")} errors={errors.summaryEn}>
        {(control) => <Textarea {...control} rows={2} lang="en" defaultValue={values.summaryEn} />}
      </Field>
    </div>
  );
}
