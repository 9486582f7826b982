"use client";
// The reply workflow of a recommendation (起草 → 提交 → 会签 → 审核 → 受理, then 办结 / 重新打开): the draft and
// its round, each co-handler's sign-off or comment, the office's decision, the cycle's history, and
// exactly the forms of the steps the signed-in person may take now (lib/cycle/machine.ts availableSteps).
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { FileList } from "@/components/files/file-list";
import { FileUpload } from "@/components/files/file-upload";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  acceptReply,
  closeRecommendation,
  draftReply,
  reopenRecommendation,
  returnReply,
  reviewReply,
  signoffReply,
  submitDraft,
} from "@/lib/cycle/reply-actions";
import type { ReplyWorkflow as Workflow } from "@/lib/cycle/reply-queries";
import { ReplyClass } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import type { FormState } from "@/lib/validation/form-action";

/** The stages after the office accepted or recorded the reply. */
const REPLIED_STAGES = new Set<Workflow["stage"]>(["replied", "evaluated", "closed"]);

type Action = (state: FormState, form: FormData) => Promise<FormState>;

function StepForm({
  action,
  workflow,
  label,
  children,
  variant,
  testId,
}: {
  action: Action;
  workflow: Workflow;
  label?: string;
  children?: (errors: Record<string, string[] | undefined>) => ReactNode;
  variant?: "primary" | "outline";
  testId: string;
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(action, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate data-testid={testId}>
      <input type="hidden" name="recommendationId" value={workflow.recommendationId} />
      <input type="hidden" name="version" value={workflow.version} />
      <FormMessages state={state} />
      {children?.(errors)}
      {label && (
        <Button type="submit" disabled={pending} variant={variant}>
          {label}
        </Button>
      )}
    </form>
  );
}

/** `children`: shown under the draft (the review list of its promises, components/promises). */
export function ReplyWorkflow({ workflow, children }: { workflow: Workflow; children?: ReactNode }) {
  const t = useTranslations("cycle.reply");
  const tClosing = useTranslations("cycle.closing");
  const tStage = useTranslations("cycle.stage");
  const tClass = useTranslations("replyClass");
  const tFiles = useTranslations("files");
  const format = useFormatter();
  const locale = useLocale();
  const { draft, steps } = workflow;
  const can = (step: (typeof steps)[number]) => steps.includes(step);
  const classes = Object.values(ReplyClass).map((value) => ({ value, label: tClass(value) }));
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const classSelect = (name: string, label: string, errors: string[] | undefined, value?: string) => (
    <Field name={name} label={label} errors={errors} required>
      {(control) => <ChoiceSelect {...control} defaultValue={value ?? ""} empty="—" choices={classes} />}
    </Field>
  );
  const round = draft?.round ?? 1;
  const signoffOf = (agencyId: string) =>
    workflow.signoffs.find((s) => s.round === round && s.agencyId === agencyId);
  const earlier = workflow.signoffs.filter((s) => s.round < round);
  const agencyName = (id: string) => {
    const agency = workflow.coHandlers.find((a) => a.id === id);
    return agency ? localized(locale, agency.nameZh, agency.nameEn) : id;
  };

  return (
    <Card aria-labelledby="reply-workflow-heading" data-testid="reply-workflow">
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="reply-workflow-heading">{t("title")}</CardTitle>
        <p className="text-sm text-slate-600">
          {t("stage")}:{" "}
          <span className="font-medium text-slate-900" data-testid="cycle-stage">
            {tStage(workflow.stage)}
          </span>
        </p>
      </CardHeader>
      <CardContent>
        <div className="min-w-0 space-y-5">
          <section aria-labelledby="reply-draft-heading" className="space-y-2">
            <h3 id="reply-draft-heading" className="font-medium text-slate-900">
              {t(workflow.forDeputy ? "replyTitle" : "draftTitle")}
              {draft && (
                <span className="ml-2 text-sm font-normal text-slate-600">{t("round", { round })}</span>
              )}
            </h3>
            {draft ? (
              <div className="space-y-2 text-sm">
                <p data-testid="draft-class">
                  <span className="text-slate-500">{t("class")}: </span>
                  {draft.acceptedClass && draft.acceptedClass !== draft.replyClass
                    ? t("corrected", { from: tClass(draft.replyClass), to: tClass(draft.acceptedClass) })
                    : tClass(draft.acceptedClass ?? draft.replyClass)}
                </p>
                <p className="whitespace-pre-line break-words rounded-md bg-slate-50 px-3 py-2 text-slate-800">
                  {draft.text}
                </p>
                {draft.letterUrl && (
                  <p>
                    <a
                      href={draft.letterUrl}
                      rel="noopener noreferrer nofollow"
                      target="_blank"
                      className="break-all text-brand-700 underline-offset-2 hover:underline"
                    >
                      {t("letter")}
                    </a>
                  </p>
                )}
                <p className="text-xs text-slate-500">
                  {t("by", { who: draft.draftedBy, when: when(draft.updatedAt) })}
                </p>
                {(draft.files.length > 0 || workflow.fileUpload) && (
                  <section aria-labelledby="reply-files-heading" className="space-y-2 pt-1">
                    <h4 id="reply-files-heading" className="font-medium text-slate-900">
                      {tFiles("replyFiles")}
                    </h4>
                    <FileList files={draft.files} removable={Boolean(workflow.fileUpload)} />
                    {workflow.fileUpload && (
                      <FileUpload owner={`reply:${workflow.recommendationId}`} limits={workflow.fileUpload} />
                    )}
                  </section>
                )}
                {draft.acceptedAt && (
                  <p className="text-sm font-medium text-emerald-800">
                    {t("accepted")} · {when(draft.acceptedAt)}
                  </p>
                )}
              </div>
            ) : (
              <p className="text-sm text-slate-600">
                {/* A reply recorded without its text (补录) was delivered outside the tracker. */}
                {t(
                  REPLIED_STAGES.has(workflow.stage)
                    ? "replyOutside"
                    : workflow.forDeputy
                      ? "notYetReplied"
                      : "noDraft",
                )}
              </p>
            )}
          </section>

          {children}

          {workflow.coHandlers.length > 0 && draft && !workflow.forDeputy && (
            <section aria-labelledby="reply-signoffs-heading" className="space-y-2">
              <h3 id="reply-signoffs-heading" className="font-medium text-slate-900">
                {t("signoffs")}{" "}
                <span className="text-sm font-normal text-slate-600">{t("round", { round })}</span>
              </h3>
              <ul className="space-y-1 text-sm" data-testid="signoffs">
                {workflow.coHandlers.map((agency) => {
                  const signoff = signoffOf(agency.id);
                  return (
                    <li key={agency.id} className="flex flex-wrap gap-x-2">
                      <span className="font-medium">{localized(locale, agency.nameZh, agency.nameEn)}</span>
                      <span className={signoff ? "text-emerald-800" : "text-slate-500"}>
                        {signoff ? t(signoff.decision) : t("notSigned")}
                      </span>
                      {signoff?.comment && <span className="text-slate-700">“{signoff.comment}”</span>}
                    </li>
                  );
                })}
              </ul>
              {earlier.length > 0 && (
                <ul className="space-y-1 text-xs text-slate-600">
                  {earlier.map((s) => (
                    <li key={`${s.round}-${s.agencyId}`}>
                      {t("round", { round: s.round })} · {agencyName(s.agencyId)} · {t(s.decision)}
                      {s.comment && ` “${s.comment}”`}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <div className="space-y-4">
            {can("draftReply") && (
              <StepForm action={draftReply} workflow={workflow} label={t("saveDraft")} testId="draft-form">
                {(errors) => (
                  <>
                    {classSelect("replyClass", t("class"), errors.replyClass, draft?.replyClass)}
                    <Field name="text" label={t("text")} errors={errors.text} required>
                      {(control) => (
                        <Textarea {...control} rows={5} maxLength={20000} defaultValue={draft?.text} />
                      )}
                    </Field>
                    <Field name="letterUrl" label={t("letterUrl")} errors={errors.letterUrl}>
                      {(control) => (
                        <Input
                          {...control}
                          type="url"
                          inputMode="url"
                          defaultValue={draft?.letterUrl ?? ""}
                        />
                      )}
                    </Field>
                  </>
                )}
              </StepForm>
            )}
            {can("submitDraft") && draft && (
              <StepForm action={submitDraft} workflow={workflow} label={t("submit")} testId="submit-form" />
            )}
            {can("signoff") && signoffOf(agencyOfSigner(workflow)) === undefined && (
              <StepForm action={signoffReply} workflow={workflow} testId="signoff-form">
                {(errors) => (
                  <>
                    <Field name="comment" label={t("commentLabel")} errors={errors.comment}>
                      {(control) => <Textarea {...control} rows={3} maxLength={5000} />}
                    </Field>
                    <div className="flex flex-wrap gap-2">
                      <Button type="submit" name="decision" value="signed">
                        {t("sign")}
                      </Button>
                      <Button type="submit" name="decision" value="commented" variant="outline">
                        {t("comment")}
                      </Button>
                    </div>
                  </>
                )}
              </StepForm>
            )}
            {can("reviewReply") && (
              <StepForm action={reviewReply} workflow={workflow} testId="review-form">
                {(errors) => (
                  <>
                    <Field name="reason" label={t("reasonLabel")} errors={errors.reason}>
                      {(control) => <Textarea {...control} rows={2} maxLength={5000} />}
                    </Field>
                    <div className="flex flex-wrap gap-2">
                      <Button type="submit" name="decision" value="approved">
                        {t("approve")}
                      </Button>
                      <Button type="submit" name="decision" value="rejected" variant="outline">
                        {t("reject")}
                      </Button>
                    </div>
                  </>
                )}
              </StepForm>
            )}
            {can("acceptReply") && (
              <StepForm action={acceptReply} workflow={workflow} label={t("accept")} testId="accept-form">
                {(errors) =>
                  classSelect("replyClass", t("acceptClass"), errors.replyClass, draft?.replyClass)
                }
              </StepForm>
            )}
            {can("returnReply") && (
              <StepForm
                action={returnReply}
                workflow={workflow}
                label={t("return")}
                variant="outline"
                testId="return-form"
              >
                {(errors) => (
                  <Field name="reason" label={t("reasonLabel")} errors={errors.reason} required>
                    {(control) => <Textarea {...control} rows={2} maxLength={5000} />}
                  </Field>
                )}
              </StepForm>
            )}
            {can("close") && (
              <StepForm
                action={closeRecommendation}
                workflow={workflow}
                label={tClosing("close")}
                testId="close-form"
              >
                {(errors) => (
                  <Field
                    name="note"
                    label={tClosing("note")}
                    hint={workflow.openActions > 0 ? tClosing("noteHint") : undefined}
                    errors={errors.note}
                    required={workflow.openActions > 0}
                  >
                    {(control) => <Textarea {...control} rows={2} maxLength={5000} />}
                  </Field>
                )}
              </StepForm>
            )}
            {can("reopen") && (
              <StepForm
                action={reopenRecommendation}
                workflow={workflow}
                label={tClosing("reopen")}
                variant="outline"
                testId="reopen-form"
              >
                {(errors) => (
                  <Field name="reason" label={tClosing("reason")} errors={errors.reason} required>
                    {(control) => <Textarea {...control} rows={2} maxLength={5000} />}
                  </Field>
                )}
              </StepForm>
            )}
          </div>
        </div>
      </CardContent>
    </Card>
  );
}

/** The co-handler agency whose staff is signed in (the workflow knows it by the steps offered). */
function agencyOfSigner(workflow: Workflow): string {
  return workflow.signerAgencyId ?? "";
}
