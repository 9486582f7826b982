"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type Choice, FieldError, Input, Label, Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import type { FormState } from "@/lib/validation/form-action";
import {
  createWebhook,
  setWebhookActive,
  testWebhook,
  updateWebhook,
  type WebhookTestState,
} from "@/lib/webhooks/actions";

/** A bot as its edit form starts: never its address or its secret. */
export type WebhookFormValues = {
  id: string;
  name: string;
  platform: string;
  agencyId: string | null;
  urlShort: string;
  hasSecret: boolean;
  quietStart: string | null;
  quietEnd: string | null;
};

/** A labelled field whose id is unique on the page (`prefix`), with its hint and errors. */
function BotField({
  prefix,
  name,
  label,
  hint,
  errors,
  className,
  children,
}: {
  prefix: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  className?: string;
  children: (control: {
    id: string;
    name: string;
    "aria-invalid": boolean;
    "aria-describedby"?: string;
  }) => ReactNode;
}) {
  const id = `${prefix}-${name}`;
  const describedBy = [errors?.length ? `${id}-error` : null, hint ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`space-y-1.5 ${className ?? ""}`}>
      <Label htmlFor={id}>{label}</Label>
      {children({
        id,
        name,
        "aria-invalid": Boolean(errors?.length),
        "aria-describedby": describedBy || undefined,
      })}
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/**
 * Registers a bot, or edits one (`webhook`): on an edit the address and the secret start empty, and
 * empty keeps what is saved.
 */
export function WebhookForm({
  webhook,
  agencies,
  platforms,
}: {
  webhook?: WebhookFormValues;
  agencies: Choice[];
  platforms: Choice[];
}) {
  const t = useTranslations("webhooks");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(
    webhook ? updateWebhook : createWebhook,
    {},
  );
  const errors = state.fieldErrors ?? {};
  const prefix = webhook ? `webhook-${webhook.id}` : "new-webhook";
  // A registered bot empties the form for the next; an edit keeps its values (the secret field empties).
  useEffect(() => {
    if (!state.notice) return;
    if (!webhook) form.current?.reset();
    else
      for (const name of ["secret", "url"]) {
        const input = form.current?.elements.namedItem(name);
        if (input instanceof HTMLInputElement) input.value = "";
      }
  }, [state, webhook, form]);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate data-testid={`${prefix}-form`}>
      {webhook && <input type="hidden" name="webhookId" value={webhook.id} />}
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.notice && <Alert tone="success">{state.notice}</Alert>}
      <div className="flex flex-wrap items-start gap-3">
        <BotField
          prefix={prefix}
          name="name"
          label={t("name")}
          errors={errors.name}
          className="w-full sm:w-56"
        >
          {(control) => (
            <Input {...control} defaultValue={webhook?.name} maxLength={100} autoComplete="off" />
          )}
        </BotField>
        <BotField
          prefix={prefix}
          name="platform"
          label={t("platform")}
          errors={errors.platform}
          className="w-full sm:w-36"
        >
          {(control) => (
            <Select {...control} defaultValue={webhook?.platform ?? platforms[0]?.value}>
              {platforms.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          )}
        </BotField>
        <BotField
          prefix={prefix}
          name="agencyId"
          label={t("agency")}
          errors={errors.agencyId}
          className="w-full sm:w-64"
        >
          {(control) => (
            <Select {...control} defaultValue={webhook?.agencyId ?? ""}>
              <option value="">{t("office")}</option>
              {agencies.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </Select>
          )}
        </BotField>
      </div>
      <div className="flex flex-wrap items-start gap-3">
        <BotField
          prefix={prefix}
          name="url"
          label={t("url")}
          hint={webhook ? t("urlKeepHint", { url: webhook.urlShort }) : t("urlHint")}
          errors={errors.url}
          className="w-full sm:w-[32rem]"
        >
          {(control) => (
            <Input
              {...control}
              type="url"
              inputMode="url"
              maxLength={2000}
              autoComplete="off"
              spellCheck={false}
              placeholder="https://"
            />
          )}
        </BotField>
        <BotField
          prefix={prefix}
          name="secret"
          label={t("secret")}
          hint={webhook?.hasSecret ? t("secretKeepHint") : t("secretHint")}
          errors={errors.secret}
          className="w-full sm:w-72"
        >
          {(control) => (
            <Input
              {...control}
              type="password"
              maxLength={200}
              autoComplete="new-password"
              spellCheck={false}
            />
          )}
        </BotField>
      </div>
      {webhook?.hasSecret && (
        <label htmlFor={`${prefix}-clearSecret`} className="flex items-center gap-2 text-sm text-slate-700">
          <input
            id={`${prefix}-clearSecret`}
            type="checkbox"
            name="clearSecret"
            className="accent-brand-600"
          />
          {t("clearSecret")}
        </label>
      )}
      <div className="flex flex-wrap items-start gap-3">
        <BotField
          prefix={prefix}
          name="quietStart"
          label={t("quietStart")}
          errors={errors.quietStart}
          className="w-full sm:w-40"
        >
          {(control) => <Input {...control} type="time" defaultValue={webhook?.quietStart ?? ""} />}
        </BotField>
        <BotField
          prefix={prefix}
          name="quietEnd"
          label={t("quietEnd")}
          hint={t("quietHint")}
          errors={errors.quietEnd}
          className="w-full sm:w-80"
        >
          {(control) => <Input {...control} type="time" defaultValue={webhook?.quietEnd ?? ""} />}
        </BotField>
      </div>
      <Button type="submit" disabled={pending}>
        {webhook ? t("save") : t("create")}
      </Button>
    </form>
  );
}

/** Deactivate or activate a bot, at once (it can be undone the same way). */
export function WebhookActiveButton({ id, name, active }: { id: string; name: string; active: boolean }) {
  const t = useTranslations("webhooks");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(setWebhookActive, {});
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-2">
      <input type="hidden" name="webhookId" value={id} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button
        type="submit"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={t(active ? "deactivateFor" : "activateFor", { name })}
      >
        {t(active ? "deactivate" : "activate")}
      </Button>
      {state.formError && <Alert>{state.formError}</Alert>}
    </form>
  );
}

/** Posts a test message now and shows the platform's answer. */
export function WebhookTestButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("webhooks");
  const { state, onSubmit, pending, form } = useFormAction<WebhookTestState>(testWebhook, {});
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-2" data-testid={`webhook-test-${id}`}>
      <input type="hidden" name="webhookId" value={id} />
      <Button
        type="submit"
        size="sm"
        variant="outline"
        disabled={pending}
        aria-label={t("testFor", { name })}
      >
        {pending ? t("testing") : t("test")}
      </Button>
      {state.formError && <Alert>{state.formError}</Alert>}
      {state.notice && <Alert tone="success">{state.notice}</Alert>}
      {state.answer && (
        <div className="text-xs text-slate-700">
          <p className="font-medium">{t("answer")}</p>
          <pre className="mt-1 max-w-xl overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-100 p-2 font-mono">
            {state.answer}
          </pre>
        </div>
      )}
    </form>
  );
}
