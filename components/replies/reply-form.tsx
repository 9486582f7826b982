"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { ChoiceSelect, Input, Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { ReplyClass } from "@/lib/db/enums";
import { saveReply } from "@/lib/replies/actions";
import type { FormState } from "@/lib/validation/form-action";

export type ReplyValues = {
  assignedAt: string;
  replyDueAt: string;
  replyExtensionReason: string;
  repliedAt: string;
  replyClass: string;
  satisfaction: string;
  feedbackAt: string;
  rehandlingRepliedAt: string;
  followUpRepliedAt: string;
};

export function ReplyForm({
  recommendationId,
  version,
  values,
  levels,
  today,
  cycleEditable = true,
}: {
  recommendationId: string;
  version: number;
  values: ReplyValues;
  levels: { key: string; label: string }[];
  today: string;
  /** Whether the reply's own fields (assignment, deadline, reply day, class) may be changed: the office's 补录. */
  cycleEditable?: boolean;
}) {
  const t = useTranslations("replyForm");
  const tClass = useTranslations("replyClass");
  const tCycle = useTranslations("cycle.reply");
  // The staff see the cycle's fields without sending them (a disabled control is not sent).
  const locked = (name: keyof ReplyValues) =>
    !cycleEditable &&
    ["assignedAt", "replyDueAt", "replyExtensionReason", "repliedAt", "replyClass"].includes(name);
  const { state, onSubmit, pending, form } = useFormAction<FormState>(saveReply, {});
  const errors = state.fieldErrors ?? {};
  const date = (name: keyof ReplyValues, label: string, hint?: string, max: string | undefined = today) => (
    <Field name={name} label={label} hint={hint} errors={errors[name]}>
      {(control) => (
        <Input {...control} type="date" max={max} defaultValue={values[name]} disabled={locked(name)} />
      )}
    </Field>
  );
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-5" noValidate>
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="version" value={version} />
      <FormMessages state={state} />
      {!cycleEditable && <p className="text-sm text-slate-600">{tCycle("recordNote")}</p>}
      <div className="grid gap-4 md:grid-cols-2">
        {date("assignedAt", t("assignedAt"))}
        {date("replyDueAt", t("replyDueAt"), t("replyDueHint"), undefined)}
      </div>
      <Field name="replyExtensionReason" label={t("extensionReason")} errors={errors.replyExtensionReason}>
        {(control) => (
          <Textarea
            {...control}
            rows={2}
            maxLength={500}
            defaultValue={values.replyExtensionReason}
            disabled={locked("replyExtensionReason")}
          />
        )}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        {date("repliedAt", t("repliedAt"))}
        <Field name="replyClass" label={t("replyClass")} errors={errors.replyClass}>
          {(control) => (
            <ChoiceSelect
              {...control}
              defaultValue={values.replyClass}
              disabled={locked("replyClass")}
              empty={t("none")}
              choices={Object.values(ReplyClass).map((value) => ({ value, label: tClass(value) }))}
            />
          )}
        </Field>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Field name="satisfaction" label={t("satisfaction")} errors={errors.satisfaction}>
          {(control) => (
            <ChoiceSelect
              {...control}
              defaultValue={values.satisfaction}
              empty={t("none")}
              choices={levels.map((level) => ({ value: level.key, label: level.label }))}
            />
          )}
        </Field>
        {date("feedbackAt", t("feedbackAt"))}
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        {date("rehandlingRepliedAt", t("rehandlingRepliedAt"), t("rehandlingHint"))}
        {date("followUpRepliedAt", t("followUpRepliedAt"), t("followUpHint"))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
