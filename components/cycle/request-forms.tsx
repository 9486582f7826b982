"use client";
// The forms of the requests to the office (延期, 退回/改办): the agency's asking forms and the office's
// decision forms, shared by the recommendation's requests panel and the office's desk. Several of them
// may be on one page, so each field's id is the form's own (useId), not the field's name.
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useId } from "react";
import { Button } from "@/components/ui/button";
import { LabelWithMark } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, FieldError, Input, Label, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  decideExtension,
  decideHandback,
  requestExtension,
  requestHandback,
} from "@/lib/cycle/request-actions";
import type { AgencyName } from "@/lib/cycle/request-queries";
import { localized } from "@/lib/i18n/localized";
import type { FormState } from "@/lib/validation/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;
type Item = { recommendationId: string; version: number };
type Errors = Record<string, string[] | undefined>;

/** A labelled control whose id is unique on the page. */
function RequestField({
  prefix,
  name,
  label,
  hint,
  errors,
  required = false,
  children,
}: {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  errors: Errors;
  required?: boolean;
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
    required?: boolean;
  }) => ReactNode;
}) {
  const id = `${prefix}-${name}`;
  const messages = errors[name];
  const describedBy = [messages?.length ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1.5">
      {required ? <LabelWithMark htmlFor={id}>{label}</LabelWithMark> : <Label htmlFor={id}>{label}</Label>}
      {children({
        id,
        name,
        "aria-invalid": Boolean(messages?.length),
        "aria-describedby": describedBy || undefined,
        ...(required ? { required: true } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}

function RequestForm({
  action,
  item,
  hidden,
  testId,
  children,
}: {
  action: Action;
  item: Item;
  hidden?: Record<string, string>;
  testId: string;
  children: (prefix: string, errors: Errors, pending: boolean) => ReactNode;
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(action, {});
  const prefix = useId();
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="recommendationId" value={item.recommendationId} />
      <input type="hidden" name="version" value={item.version} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessages state={state} />
      {children(prefix, state.fieldErrors ?? {}, pending)}
    </form>
  );
}

function useAgencyChoices(agencies: readonly AgencyName[], except: readonly string[] = []) {
  const locale = useLocale();
  return agencies
    .filter((agency) => !except.includes(agency.id))
    .map((agency) => ({ value: agency.id, label: localized(locale, agency.nameZh, agency.nameEn) }));
}

/** 延期: the lead asks for a later reply deadline (between the current one and the 6-month limit). */
export function RequestExtensionForm({ item, due, limit }: { item: Item; due: string; limit: string }) {
  const t = useTranslations("cycleRequests");
  const next = nextDay(due);
  return (
    <RequestForm action={requestExtension} item={item} testId="extension-request-form">
      {(prefix, errors, pending) => (
        <>
          <RequestField
            prefix={prefix}
            name="requestedDueAt"
            label={t("extension.requestedDueAt")}
            errors={errors}
            required
          >
            {(control) => (
              <Input {...control} type="date" min={next <= limit ? next : undefined} max={limit} />
            )}
          </RequestField>
          <RequestField prefix={prefix} name="reason" label={t("reason")} errors={errors} required>
            {(control) => <Textarea {...control} rows={3} maxLength={5000} />}
          </RequestField>
          <Button type="submit" disabled={pending}>
            {t("extension.submit")}
          </Button>
        </>
      )}
    </RequestForm>
  );
}

/** 退回/改办: an assigned agency asks to hand the item back, and may say where it should go. */
export function RequestHandbackForm({
  item,
  agencies,
  ownAgencyId,
}: {
  item: Item;
  agencies: readonly AgencyName[];
  ownAgencyId: string;
}) {
  const t = useTranslations("cycleRequests");
  const choices = useAgencyChoices(agencies, [ownAgencyId]);
  return (
    <RequestForm action={requestHandback} item={item} testId="handback-request-form">
      {(prefix, errors, pending) => (
        <>
          <RequestField prefix={prefix} name="reason" label={t("reason")} errors={errors} required>
            {(control) => <Textarea {...control} rows={3} maxLength={5000} />}
          </RequestField>
          <RequestField
            prefix={prefix}
            name="suggestedAgencyId"
            label={t("handback.suggested")}
            errors={errors}
          >
            {(control) => (
              <ChoiceSelect
                {...control}
                defaultValue=""
                empty={t("handback.suggestedNone")}
                choices={choices}
              />
            )}
          </RequestField>
          <Button type="submit" disabled={pending} variant="outline">
            {t("handback.submit")}
          </Button>
        </>
      )}
    </RequestForm>
  );
}

function DecisionButtons({ pending }: { pending: boolean }) {
  const t = useTranslations("cycleRequests");
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" name="decision" value="approved" disabled={pending}>
        {t("approve")}
      </Button>
      <Button type="submit" name="decision" value="rejected" variant="outline" disabled={pending}>
        {t("reject")}
      </Button>
    </div>
  );
}

function DecisionReason({ prefix, errors }: { prefix: string; errors: Errors }) {
  const t = useTranslations("cycleRequests");
  return (
    <RequestField
      prefix={prefix}
      name="reason"
      label={t("decisionReasonLabel")}
      hint={t("decisionReasonHint")}
      errors={errors}
    >
      {(control) => <Textarea {...control} rows={2} maxLength={5000} />}
    </RequestField>
  );
}

/** The office approves or rejects an extension. */
export function DecideExtensionForm({ item, requestId }: { item: Item; requestId: string }) {
  return (
    <RequestForm action={decideExtension} item={item} hidden={{ requestId }} testId="extension-decide-form">
      {(prefix, errors, pending) => (
        <>
          <DecisionReason prefix={prefix} errors={errors} />
          <DecisionButtons pending={pending} />
        </>
      )}
    </RequestForm>
  );
}

/**
 * The office approves a hand-back (naming the new lead, or a co-handler's replacement; by default the
 * agency suggested) or rejects it.
 */
export function DecideHandbackForm({
  item,
  requestId,
  lead,
  suggestedAgencyId,
  agencies,
  assigned,
}: {
  item: Item;
  requestId: string;
  /** Whether the agency handing it back is the lead. */
  lead: boolean;
  suggestedAgencyId: string | null;
  agencies: readonly AgencyName[];
  assigned: readonly { agencyId: string; role: string }[];
}) {
  const t = useTranslations("cycleRequests");
  // A lead may be replaced by a co-handler; a co-handler only by an agency new to the item.
  const except = assigned.filter((row) => row.role === "lead" || !lead).map((row) => row.agencyId);
  const choices = useAgencyChoices(agencies, except);
  const suggested = suggestedAgencyId && !except.includes(suggestedAgencyId) ? suggestedAgencyId : "";
  return (
    <RequestForm action={decideHandback} item={item} hidden={{ requestId }} testId="handback-decide-form">
      {(prefix, errors, pending) => (
        <>
          <RequestField
            prefix={prefix}
            name="agencyId"
            label={t(lead ? "handback.newLead" : "handback.replacement")}
            hint={t(lead ? "handback.newLeadHint" : "handback.replacementHint")}
            errors={errors}
          >
            {(control) => (
              <ChoiceSelect
                {...control}
                defaultValue={suggested}
                empty={t(lead ? "handback.choose" : "handback.replacementNone")}
                choices={choices}
              />
            )}
          </RequestField>
          <DecisionReason prefix={prefix} errors={errors} />
          <DecisionButtons pending={pending} />
        </>
      )}
    </RequestForm>
  );
}

/** The day after a "YYYY-MM-DD" day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
