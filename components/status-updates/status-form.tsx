"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Alert } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { ChoiceSelect, FieldError, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { EvidenceKind, ItemStatus } from "@/lib/db/enums";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { type StatusFormState, submitStatusUpdate } from "@/lib/status-updates/actions";
import { DEFAULT_PROGRESS } from "@/lib/status-updates/schema";

export type StatusFormItem = {
  type: "recommendation" | "action";
  id: string;
  code: string;
  title: string;
  version: number;
  status: ItemStatus;
  progress: number;
  progressIsRolledUp: boolean;
};

type Props = {
  item: StatusFormItem;
  evidence: { id: string; title: string; url: string | null }[];
  today: string;
  /** The item's page: where the form returns after saving, and its "back" link. */
  returnTo: string;
  backHref: string;
};

export function StatusForm({ item, evidence, today, returnTo, backHref }: Props) {
  const t = useTranslations("statusForm");
  const tStatus = useTranslations("status");
  const tKind = useTranslations("evidenceKind");
  const format = useFormatter();
  const { state, onSubmit, pending, form } = useFormAction<StatusFormState>(submitStatusUpdate, {});
  const [status, setStatus] = useState<ItemStatus>(item.status);
  const [progress, setProgress] = useState(String(item.progress));
  const errors = state.fieldErrors ?? {};
  // After a conflict the next save applies on top of the version the user has now been shown.
  const version = state.conflict?.version ?? item.version;
  // ...and the page around the form (its "now" line, the evidence to choose from) is read again, so
  // that it says what the banner says; the input typed here stays as it is.
  const router = useRouter();
  const conflict = state.conflict;
  useEffect(() => {
    if (conflict) router.refresh();
  }, [conflict, router]);

  function chooseStatus(next: ItemStatus) {
    setStatus(next);
    const proposed = DEFAULT_PROGRESS[next];
    if (proposed !== undefined) setProgress(String(proposed));
  }

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="itemType" value={item.type} />
      <input type="hidden" name="itemId" value={item.id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="returnTo" value={returnTo} />

      {state.formError && (
        <Alert className="px-4 py-3">
          <p className="font-medium">{state.conflict ? t("conflictTitle") : state.formError}</p>
          {state.conflict && (
            <>
              <p className="mt-1">{state.formError}</p>
              <p className="mt-1" data-testid="conflict-current">
                {state.conflict.lastUpdate?.authorName
                  ? t("conflictBody", {
                      author: state.conflict.lastUpdate.authorName,
                      date: format.dateTime(new Date(state.conflict.lastUpdate.createdAt), "dateTime"),
                      status: tStatus(state.conflict.status),
                      progress: state.conflict.progress,
                    })
                  : t("conflictBodyNoAuthor", {
                      status: tStatus(state.conflict.status),
                      progress: state.conflict.progress,
                    })}
              </p>
              <p className="mt-1">{t("conflictHint")}</p>
            </>
          )}
        </Alert>
      )}
      <FieldError id="form-error" messages={errors.form} />

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("status")}</legend>
        <div className="flex flex-wrap gap-2">
          {Object.values(ItemStatus).map((value) => (
            <label
              key={value}
              className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 has-[:checked]:border-brand-600 has-[:checked]:ring-2 has-[:checked]:ring-brand-600/30"
            >
              <input
                type="radio"
                name="status"
                value={value}
                checked={status === value}
                onChange={() => chooseStatus(value)}
                className="accent-brand-600"
              />
              <StatusBadge status={value} />
            </label>
          ))}
        </div>
        <FieldError id="status-error" messages={errors.status} />
      </fieldset>

      {item.progressIsRolledUp ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("progressRolledUp", { progress: item.progress })}
        </p>
      ) : (
        <Field name="progress" label={t("progress")} errors={errors.progress} className="max-w-xs">
          {(control) => (
            <Input
              {...control}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={progress}
              onChange={(event) => setProgress(event.target.value)}
            />
          )}
        </Field>
      )}

      <Field
        name="effectiveDate"
        label={t("effectiveDate")}
        hint={t("effectiveDateHint")}
        errors={errors.effectiveDate}
        className="max-w-xs"
      >
        {(control) => <Input {...control} type="date" max={today} defaultValue={today} />}
      </Field>

      <Field name="comment" label={t("comment")} hint={t("commentHint")} errors={errors.comment}>
        {(control) => <Textarea {...control} rows={3} maxLength={2000} />}
      </Field>

      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-700">{t("evidence")}</legend>
        <div className="space-y-1.5">
          <p className="text-sm text-slate-700">{t("attachExisting")}</p>
          {evidence.length === 0 ? (
            <p className="text-sm text-slate-500">{t("noExisting")}</p>
          ) : (
            <ul className="space-y-1">
              {evidence.map((item) => (
                <li key={item.id}>
                  <label className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="evidenceIds"
                      value={item.id}
                      className="mt-1 accent-brand-600"
                    />
                    <span>
                      {item.title}{" "}
                      {item.url && <span className="break-all text-xs text-slate-500">{item.url}</span>}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <FieldError id="evidenceIds-error" messages={errors.evidenceIds} />
        </div>
        <div className="space-y-3 border-t border-slate-100 pt-3">
          <p className="text-sm text-slate-700">{t("addNew")}</p>
          <div className="grid gap-3 md:grid-cols-[2fr_2fr_1fr]">
            <Field name="newEvidenceUrl" label={t("newUrl")} errors={errors.newEvidenceUrl}>
              {(control) => (
                <Input {...control} type="url" inputMode="url" placeholder="https://" maxLength={2000} />
              )}
            </Field>
            <Field name="newEvidenceTitle" label={t("newTitle")} errors={errors.newEvidenceTitle}>
              {(control) => <Input {...control} maxLength={300} />}
            </Field>
            <Field name="newEvidenceKind" label={t("newKind")} errors={errors.newEvidenceKind}>
              {(control) => (
                <ChoiceSelect
                  {...control}
                  defaultValue=""
                  empty={t("chooseKind")}
                  choices={Object.values(EvidenceKind).map((kind) => ({ value: kind, label: tKind(kind) }))}
                />
              )}
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="newEvidencePublic" defaultChecked className="accent-brand-600" />
            {t("newPublic")}
          </label>
          {/* A file is streamed by the upload route, which this form's server action cannot be: it is
              added as evidence on its own page (lib/evidence/file-evidence.ts), then cited above. */}
          <p className="text-xs text-slate-600">
            {t("fileEvidenceHint")}{" "}
            <Link href={`${backHref}/evidence/new`} className="text-brand-700 underline">
              {t("fileEvidenceLink")}
            </Link>
          </p>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
        <Link href={backHref} className={buttonVariants({ variant: "outline" })}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
