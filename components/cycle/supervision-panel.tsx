"use client";
// 督办: the item's priority mark and warning level, its 督办单 with their answers (everyone who sees the
// item), and the forms of the steps the person may take now: the office marks priority and issues a
// notice; the lead agency's staff acknowledges, then answers, each notice addressed to it.

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { NoticeView, SupervisionPanelData } from "@/lib/cycle/supervision";
import { acknowledgeNotice, answerNotice, issueNotice, setPriority } from "@/lib/cycle/supervision-actions";
import { WARNING_LEVELS } from "@/lib/cycle/warning";
import { localized } from "@/lib/i18n/localized";
import type { FormState } from "@/lib/validation/form-action";
import { WarningBadge } from "./warning-badge";

type Action = (state: FormState, form: FormData) => Promise<FormState>;

function StepForm({
  action,
  data,
  hidden = {},
  children,
  testId,
  className = "space-y-3",
}: {
  action: Action;
  data: SupervisionPanelData;
  hidden?: Record<string, string>;
  children: (errors: Record<string, string[] | undefined>, pending: boolean) => ReactNode;
  testId: string;
  className?: string;
}) {
  const { state, onSubmit, pending, form } = useFormAction<FormState>(action, {});
  return (
    <form ref={form} onSubmit={onSubmit} className={className} noValidate data-testid={testId}>
      <input type="hidden" name="recommendationId" value={data.recommendationId} />
      <input type="hidden" name="version" value={data.version} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessages state={state} />
      {children(state.fieldErrors ?? {}, pending)}
    </form>
  );
}

function Notice({ notice, data }: { notice: NoticeView; data: SupervisionPanelData }) {
  const t = useTranslations("supervision");
  const locale = useLocale();
  return (
    <li className="space-y-2 py-3" data-testid="supervision-notice" data-level={notice.level}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <WarningBadge level={notice.level} />
        <span className="text-sm text-slate-700">
          {t("issuedLine", {
            day: notice.issuedOn,
            by: notice.issuedBy,
            agency: localized(locale, notice.agencyZh, notice.agencyEn),
          })}
        </span>
      </div>
      <p className="whitespace-pre-line break-words text-sm text-slate-900">{notice.text}</p>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        <span className={notice.late ? "font-medium text-red-700" : "text-slate-700"}>
          {t("answerDue", { day: notice.answerDue })}
          {notice.late && ` · ${t("late")}`}
        </span>
        <span className={notice.acknowledgedOn ? "text-emerald-800" : "text-amber-800"}>
          {notice.acknowledgedOn ? t("acknowledgedOn", { day: notice.acknowledgedOn }) : t("notAcknowledged")}
        </span>
      </p>
      {notice.answer !== null && (
        <div className="rounded-md border-l-4 border-emerald-600 bg-emerald-50 px-3 py-2 text-sm">
          <p className="text-xs font-medium text-emerald-900">
            {t("answeredOn", { day: notice.answeredOn ?? "" })}
          </p>
          <p className="whitespace-pre-line break-words text-slate-900" data-testid="notice-answer">
            {notice.answer}
          </p>
        </div>
      )}
      {notice.canAcknowledge && (
        <StepForm
          action={acknowledgeNotice}
          data={data}
          hidden={{ noticeId: notice.id }}
          testId="acknowledge-notice-form"
        >
          {(_, pending) => (
            <Button type="submit" disabled={pending}>
              {t("acknowledge")}
            </Button>
          )}
        </StepForm>
      )}
      {notice.canAnswer && (
        <StepForm
          action={answerNotice}
          data={data}
          hidden={{ noticeId: notice.id }}
          testId="answer-notice-form"
        >
          {(errors, pending) => (
            <>
              <Field name="answer" label={t("answerLabel")} hint={t("kept")} errors={errors.answer} required>
                {(control) => <Textarea {...control} rows={3} maxLength={5000} />}
              </Field>
              <Button type="submit" disabled={pending}>
                {t("answer")}
              </Button>
            </>
          )}
        </StepForm>
      )}
    </li>
  );
}

export function SupervisionPanel({ data }: { data: SupervisionPanelData }) {
  const t = useTranslations("supervision");
  const tLevel = useTranslations("supervision.level");
  return (
    <Card aria-labelledby="supervision-heading" data-testid="supervision-panel">
      <CardHeader className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="supervision-heading">{t("title")}</CardTitle>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {data.priority && (
            <span
              className="rounded bg-red-700 px-2 py-0.5 text-xs font-semibold text-white"
              data-testid="priority-mark"
            >
              {t("priority")}
            </span>
          )}
          <span className="text-slate-600">{t("warning")}</span>
          <span data-testid="item-warning">
            <WarningBadge level={data.warning} />
          </span>
          {data.deadline && data.warning && (
            <span className="text-xs text-slate-600">{t("deadline", { day: data.deadline })}</span>
          )}
        </div>
      </CardHeader>
      <CardContent className="space-y-4">
        {data.canSetPriority && (
          <StepForm
            action={setPriority}
            data={data}
            hidden={{ priority: data.priority ? "0" : "1" }}
            testId="priority-form"
            className="flex flex-wrap items-center gap-3"
          >
            {(_, pending) => (
              <>
                <span className="text-sm text-slate-700">
                  {t(data.priority ? "priorityOn" : "priorityOff")}
                </span>
                <Button type="submit" size="sm" variant="outline" disabled={pending}>
                  {t(data.priority ? "unmark" : "mark")}
                </Button>
              </>
            )}
          </StepForm>
        )}
        <section aria-labelledby="notices-heading" className="space-y-1">
          <h3 id="notices-heading" className="font-medium text-slate-900">
            {t("notices")}
          </h3>
          {data.notices.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noNotices")}</p>
          ) : (
            <ul className="divide-y divide-slate-200" data-testid="supervision-notices">
              {data.notices.map((notice) => (
                <Notice key={notice.id} notice={notice} data={data} />
              ))}
            </ul>
          )}
        </section>
        {data.canIssue && (
          <section aria-labelledby="issue-heading" className="space-y-2 border-t border-slate-200 pt-3">
            <h3 id="issue-heading" className="font-medium text-slate-900">
              {t("issueTitle")}
            </h3>
            <StepForm action={issueNotice} data={data} testId="issue-notice-form">
              {(errors, pending) => (
                <>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <Field name="level" label={t("levelLabel")} errors={errors.level} required>
                      {(control) => (
                        <ChoiceSelect
                          {...control}
                          defaultValue={data.warning ?? ""}
                          empty={t("chooseLevel")}
                          choices={WARNING_LEVELS.map((value) => ({ value, label: tLevel(value) }))}
                        />
                      )}
                    </Field>
                    <Field name="answerDueAt" label={t("answerDueAt")} errors={errors.answerDueAt} required>
                      {(control) => <Input {...control} type="date" min={data.today} />}
                    </Field>
                  </div>
                  <Field name="text" label={t("text")} hint={t("kept")} errors={errors.text} required>
                    {(control) => <Textarea {...control} rows={3} maxLength={5000} />}
                  </Field>
                  <Button type="submit" disabled={pending}>
                    {t("issue")}
                  </Button>
                </>
              )}
            </StepForm>
          </section>
        )}
      </CardContent>
    </Card>
  );
}
