"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, FieldError, Input, Label, Select, Textarea } from "@/components/ui/input";
import { Progress } from "@/components/ui/progress";
import { useFormAction } from "@/components/ui/use-form-action";
import { EvidenceKind } from "@/lib/db/enums";
import { createEvidence, editEvidence, verifyEvidence, withdrawEvidence } from "@/lib/evidence/actions";
import type { EvidenceSource } from "@/lib/evidence/schema";
import type { UploadLimits } from "@/lib/files/queries";
import type { ErrorBody } from "@/lib/http/errors";
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

/**
 * A new piece of evidence: a link (the server action createEvidence), or a file (a scanned reply
 * letter, minutes) sent with the same fields to POST /api/files, which streams it and writes the piece
 * and its file together (lib/evidence/file-evidence.ts); its answers' messages are shown as the
 * action's are.
 */
export function EvidenceCreateForm({
  targets,
  returnTo,
  limits,
}: {
  targets: { value: string; label: string }[];
  returnTo: string;
  limits: UploadLimits;
}) {
  const t = useTranslations("evidenceForm");
  const tFiles = useTranslations("files");
  const locale = useLocale();
  const router = useRouter();
  const { state, onSubmit, pending, form } = useFormAction<FormState>(createEvidence, {});
  const [source, setSource] = useState<EvidenceSource>("link");
  const [upload, setUpload] = useState<{ state: FormState; percent: number | null }>({
    state: {},
    percent: null,
  });
  const fileInput = useRef<HTMLInputElement>(null);
  const uploading = upload.percent !== null;
  const shown = source === "file" ? upload.state : state;
  const errors = shown.fieldErrors ?? {};

  function focusFirstProblem() {
    requestAnimationFrame(() => {
      const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]');
      if (!target) return;
      if (target.getAttribute("role") === "alert") target.tabIndex = -1;
      target.focus();
    });
  }

  function submitFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields = new FormData(event.currentTarget);
    const chosen = fields.get("file");
    if (!(chosen instanceof File) || chosen.name === "") {
      setUpload({ state: { fieldErrors: { file: [tFiles("problem.noFile")] } }, percent: null });
      focusFirstProblem();
      return;
    }
    // The route reads the fields in order: the owner and the evidence's fields before the file.
    const body = new FormData();
    body.set("owner", `new-evidence:${fields.get("target")}`);
    for (const [name, value] of fields.entries())
      if (typeof value === "string" && !["target", "returnTo", "url"].includes(name))
        body.append(name, value);
    body.set("file", chosen);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/files?locale=${encodeURIComponent(locale)}`);
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setUpload({ state: {}, percent: Math.round((100 * progress.loaded) / progress.total) });
    };
    const refused = (answer: FormState) => {
      setUpload({ state: answer, percent: null });
      focusFirstProblem();
    };
    request.onerror = () => refused({ formError: tFiles("problem.badForm") });
    request.onload = () => {
      const answer = request.response as ({ evidence?: { id: string } } & Partial<ErrorBody>) | null;
      if (request.status === 201 && answer?.evidence) {
        router.push(returnTo);
        router.refresh();
        return;
      }
      const issues = answer?.error?.issues ?? [];
      if (issues.length) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of issues)
          fieldErrors[issue.parameter] = [...(fieldErrors[issue.parameter] ?? []), issue.message];
        refused({ fieldErrors });
      } else if (request.status === 400 || request.status === 413)
        // What is wrong is the file: said next to it.
        refused({ fieldErrors: { file: [answer?.error?.message ?? tFiles("problem.badForm")] } });
      else refused({ formError: answer?.error?.message ?? tFiles("problem.badForm") });
    };
    setUpload({ state: {}, percent: 0 });
    request.send(body);
  }

  const busy = pending || uploading;
  return (
    <form
      ref={form}
      onSubmit={source === "file" ? submitFile : onSubmit}
      className="space-y-4"
      noValidate
      aria-busy={busy}
    >
      <input type="hidden" name="returnTo" value={returnTo} />
      <FormMessages state={shown} />
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
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">{t("source")}</legend>
        <div className="flex flex-wrap gap-2">
          {(["link", "file"] as const).map((value) => (
            <label
              key={value}
              className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type="radio"
                name="source"
                value={value}
                checked={source === value}
                onChange={() => setSource(value)}
                className="accent-brand-600"
              />
              {t(value === "link" ? "sourceLink" : "sourceFile")}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-600">{t("sourceHint")}</p>
      </fieldset>
      {source === "link" ? (
        <Field name="url" label={t("url")} errors={errors.url}>
          {(control) => (
            <Input {...control} type="url" inputMode="url" placeholder="https://" maxLength={2000} />
          )}
        </Field>
      ) : (
        <Field
          name="file"
          label={t("file")}
          hint={tFiles("help", { megabytes: limits.maxMegabytes })}
          errors={errors.file}
        >
          {(control) => (
            <input
              {...control}
              ref={fileInput}
              type="file"
              accept={limits.accept.map((extension) => `.${extension}`).join(",")}
              className="block w-full min-w-0 text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
            />
          )}
        </Field>
      )}
      <DetailsFields errors={errors} />
      <div aria-live="polite">
        {uploading && <Progress value={upload.percent ?? 0} label={t("uploading")} />}
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? t("saving") : t("add")}
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
  url: string | null;
  values: EvidenceValues;
}) {
  const t = useTranslations("evidenceForm");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(editEvidence, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <FormMessages state={state} />
      {/* A piece that is only a file has no link to show (the page's heading says so). */}
      {url && (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-700">{t("url")}</p>
          <p className="break-all text-sm text-slate-900">{url}</p>
          <p className="text-xs text-slate-600">{t("urlFixed")}</p>
        </div>
      )}
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
