"use client";

// 沟通记录: every current contact record of the item with its state (a dispute flagged), its earlier
// versions and the deputy's answers — for everyone who can read the item; the record form and each
// record's correction for the handling agencies' staff (and the office); confirm/dispute for a deputy
// of the item's proposal.

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FileList } from "@/components/files/file-list";
import { FileUpload } from "@/components/files/file-upload";
import { LinkStatus } from "@/components/link-checks/link-status";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmedSubmit } from "@/components/ui/confirmed-submit";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, Input, Label, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { correctContact, recordContact, respondToContact } from "@/lib/contacts/actions";
import type { ContactCard as ContactCardData, ContactRecord, ContactVersion } from "@/lib/contacts/queries";
import { CONTACT_METHODS } from "@/lib/contacts/schema";
import { agencyShortName } from "@/lib/i18n/localized";
import type { FormState } from "@/lib/validation/form-action";

type Action = (state: FormState, form: FormData) => Promise<FormState>;
type Errors = Record<string, string[] | undefined>;

function ContactForm({
  action,
  recommendationId,
  hidden = {},
  testId,
  children,
}: {
  action: Action;
  recommendationId: string;
  hidden?: Record<string, string>;
  testId: string;
  children: (errors: Errors, pending: boolean) => ReactNode;
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(action, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="recommendationId" value={recommendationId} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessages state={state} />
      {children(state.fieldErrors ?? {}, pending)}
    </form>
  );
}

/** A labelled control whose id is unique on the page (several records carry the same fields). */
function Labelled({
  id,
  name,
  label,
  hint,
  errors,
  required = false,
  children,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
    "aria-required"?: boolean;
  }) => ReactNode;
}) {
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1.5">
      <Label htmlFor={id}>
        {label}
        {required && (
          <span aria-hidden="true" className="text-red-700">
            {" "}
            *
          </span>
        )}
      </Label>
      {children({
        id,
        name,
        "aria-invalid": Boolean(errors?.length),
        "aria-describedby": describedBy || undefined,
        ...(required ? { "aria-required": true } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The fields of a record, empty or filled with the version being corrected. */
function ContactFields({
  prefix,
  errors,
  today,
  from,
}: {
  prefix: string;
  errors: Errors;
  today: string;
  from?: ContactVersion;
}) {
  const t = useTranslations("contacts");
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <Labelled
          id={`${prefix}-date`}
          name="contactDate"
          label={t("contactDate")}
          errors={errors.contactDate}
          required
        >
          {(control) => (
            <Input {...control} type="date" max={today} defaultValue={from?.contactDate ?? today} />
          )}
        </Labelled>
        <Labelled
          id={`${prefix}-method`}
          name="method"
          label={t("methodLabel")}
          errors={errors.method}
          required
        >
          {(control) => (
            <ChoiceSelect
              {...control}
              defaultValue={from?.method ?? ""}
              empty={t("chooseMethod")}
              choices={CONTACT_METHODS.map((value) => ({ value, label: t(`method.${value}`) }))}
            />
          )}
        </Labelled>
      </div>
      <Labelled
        id={`${prefix}-participants`}
        name="participants"
        label={t("participants")}
        hint={t("participantsHint")}
        errors={errors.participants}
        required
      >
        {(control) => <Input {...control} maxLength={500} defaultValue={from?.participants} />}
      </Labelled>
      <Labelled id={`${prefix}-summary`} name="summary" label={t("summary")} errors={errors.summary} required>
        {(control) => <Textarea {...control} rows={3} maxLength={5000} defaultValue={from?.summary} />}
      </Labelled>
      <Labelled id={`${prefix}-links`} name="links" label={t("linksLabel")} errors={errors.links}>
        {(control) => (
          <Textarea {...control} rows={2} inputMode="url" defaultValue={from?.links.join("\n")} />
        )}
      </Labelled>
    </>
  );
}

const STATE_STYLE: Record<ContactRecord["state"], string> = {
  awaiting: "bg-slate-100 text-slate-800",
  confirmed: "bg-emerald-100 text-emerald-900",
  disputed: "bg-red-700 text-white",
};

function VersionBody({ version, removable = false }: { version: ContactVersion; removable?: boolean }) {
  const t = useTranslations("contacts");
  const tFiles = useTranslations("files");
  return (
    <dl className="space-y-1 text-sm">
      <div>
        <dt className="text-xs font-medium text-slate-600">{t("participants")}</dt>
        <dd className="break-words text-slate-900">{version.participants}</dd>
      </div>
      <div>
        <dt className="text-xs font-medium text-slate-600">{t("summary")}</dt>
        <dd className="whitespace-pre-line break-words text-slate-900">{version.summary}</dd>
      </div>
      {version.links.length > 0 && (
        <div>
          <dt className="text-xs font-medium text-slate-600">{t("links")}</dt>
          <dd>
            <ul className="list-disc pl-5">
              {version.links.map((url, index) => (
                <li key={url} className="break-all">
                  <a
                    href={url}
                    rel="noopener noreferrer nofollow"
                    target="_blank"
                    className="text-brand-700 underline"
                  >
                    {url}
                  </a>
                  <LinkStatus check={version.linkChecks[index] ?? null} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {version.files.length > 0 && (
        <div>
          <dt className="text-xs font-medium text-slate-600">{tFiles("title")}</dt>
          <dd>
            <FileList files={version.files} removable={removable} />
          </dd>
        </div>
      )}
      {version.correctionReason && (
        <div className="text-slate-700">{t("correctedNote", { reason: version.correctionReason })}</div>
      )}
    </dl>
  );
}

function Record({ record, card }: { record: ContactRecord; card: ContactCardData }) {
  const t = useTranslations("contacts");
  const tFiles = useTranslations("files");
  const locale = useLocale();
  const agency = record.agency ? agencyShortName(locale, record.agency) : t("office");
  return (
    <li
      className={`space-y-2 py-3 ${record.state === "disputed" ? "border-l-4 border-red-700 pl-3" : ""}`}
      data-testid="contact-record"
      data-state={record.state}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium text-slate-900">
          {record.contactDate} · {t(`method.${record.method}`)}
        </span>
        <span
          className={`rounded px-2 py-0.5 text-xs font-semibold ${STATE_STYLE[record.state]}`}
          data-testid="contact-state"
        >
          {t(`state.${record.state}`)}
        </span>
      </div>
      <p className="text-xs text-slate-600">
        {t("recordedLine", { agency, by: record.recordedBy, at: record.recordedOn })}
      </p>
      <VersionBody version={record} removable={record.mayCorrect} />
      {record.responses.map((response) => (
        <div
          key={`${response.by}-${response.on}`}
          className={`rounded-md border-l-4 px-3 py-2 text-sm ${
            response.decision === "disputed" ? "border-red-700 bg-red-50" : "border-emerald-600 bg-emerald-50"
          }`}
          data-testid="contact-response"
        >
          <p className="text-xs font-medium text-slate-800">
            {t("responseLine", {
              by: response.by,
              decision: t(`decision.${response.decision}`),
              at: response.on,
            })}
          </p>
          {response.comment && (
            <p className="whitespace-pre-line break-words text-slate-900">{response.comment}</p>
          )}
        </div>
      ))}
      {record.earlier.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            {t("earlier", { count: record.earlier.length })}
          </summary>
          <ol className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
            {record.earlier.map((version, index) => (
              <li key={version.id} data-testid="contact-earlier">
                <p className="text-xs text-slate-600">
                  {t("earlierVersion", {
                    n: record.earlier.length - index,
                    day: version.contactDate,
                    method: t(`method.${version.method}`),
                  })}{" "}
                  · {t("recordedLine", { agency, by: version.recordedBy, at: version.recordedOn })}
                </p>
                <VersionBody version={version} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {record.mayRespond && (
        <ContactForm
          action={respondToContact}
          recommendationId={card.recommendationId}
          hidden={{ contactId: record.id }}
          testId="contact-respond-form"
        >
          {(errors, pending) => (
            <fieldset className="space-y-2 rounded-md bg-slate-50 p-3">
              <legend className="text-sm font-medium text-slate-900">{t("respondTitle")}</legend>
              <Labelled
                id={`comment-${record.id}`}
                name="comment"
                label={t("comment")}
                errors={errors.comment}
              >
                {(control) => <Textarea {...control} rows={2} maxLength={2000} />}
              </Labelled>
              <div className="flex flex-wrap gap-2">
                <ConfirmedSubmit
                  name="decision"
                  value="confirmed"
                  disabled={pending}
                  question={t("confirmQuestion")}
                  confirmLabel={t("confirmYes")}
                  cancelLabel={t("confirmBack")}
                >
                  {t("confirm")}
                </ConfirmedSubmit>
                <ConfirmedSubmit
                  name="decision"
                  value="disputed"
                  variant="outline"
                  disabled={pending}
                  question={t("disputeQuestion")}
                  confirmLabel={t("disputeYes")}
                  cancelLabel={t("confirmBack")}
                >
                  {t("dispute")}
                </ConfirmedSubmit>
              </div>
            </fieldset>
          )}
        </ContactForm>
      )}
      {record.mayCorrect && (
        <details className="text-sm" data-testid="contact-attach">
          <summary className="cursor-pointer text-brand-700">{tFiles("attach")}</summary>
          <div className="mt-2">
            <FileUpload owner={`contact:${record.id}`} limits={card.fileUpload} />
          </div>
        </details>
      )}
      {record.mayCorrect && (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">{t("correct")}</summary>
          <div className="mt-2">
            <ContactForm
              action={correctContact}
              recommendationId={card.recommendationId}
              hidden={{ contactId: record.id }}
              testId="contact-correct-form"
            >
              {(errors, pending) => (
                <>
                  <ContactFields
                    prefix={`correct-${record.id}`}
                    errors={errors}
                    today={card.today}
                    from={record}
                  />
                  <Labelled
                    id={`correct-${record.id}-reason`}
                    name="correctionReason"
                    label={t("correctionReason")}
                    errors={errors.correctionReason}
                    required
                  >
                    {(control) => <Textarea {...control} rows={2} maxLength={1000} />}
                  </Labelled>
                  <Button type="submit" disabled={pending}>
                    {t("saveCorrection")}
                  </Button>
                </>
              )}
            </ContactForm>
          </div>
        </details>
      )}
    </li>
  );
}

export function ContactCard({ card }: { card: ContactCardData }) {
  const t = useTranslations("contacts");
  return (
    <Card aria-labelledby="contacts-heading" data-testid="contact-card">
      <CardHeader>
        <CardTitle id="contacts-heading">{t("title")}</CardTitle>
        <p className="mt-0.5 text-xs text-slate-600">{t("intro")}</p>
      </CardHeader>
      <CardContent className="space-y-4">
        {card.records.length === 0 ? (
          <p className="text-sm text-slate-600">{t("none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="contact-records">
            {card.records.map((record) => (
              <Record key={record.id} record={record} card={card} />
            ))}
          </ul>
        )}
        {card.mayRecord && (
          <section
            aria-labelledby="contact-record-heading"
            className="space-y-2 border-t border-slate-200 pt-3"
          >
            <h3 id="contact-record-heading" className="font-medium text-slate-900">
              {t("recordTitle")}
            </h3>
            <ContactForm
              action={recordContact}
              recommendationId={card.recommendationId}
              testId="contact-record-form"
            >
              {(errors, pending) => (
                <>
                  <ContactFields prefix="contact-new" errors={errors} today={card.today} />
                  <p className="text-xs text-slate-600">{t("kept")}</p>
                  <Button type="submit" disabled={pending}>
                    {t("record")}
                  </Button>
                </>
              )}
            </ContactForm>
          </section>
        )}
      </CardContent>
    </Card>
  );
}
