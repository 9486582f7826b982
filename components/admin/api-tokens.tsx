"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { Input, Label } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { type ApiTokenFormState, createApiToken, revokeApiToken } from "@/lib/api-tokens/actions";
import type { FormState } from "@/lib/validation/form-action";

/** Makes a token and shows it this once, with a way to copy it. */
export function ApiTokenCreateForm() {
  const t = useTranslations("apiTokens");
  const { state, onSubmit, pending, form } = useFormAction<ApiTokenFormState>(createApiToken, {});
  const errors = state.fieldErrors ?? {};
  // A made token empties the form for the next one; the token itself stays shown below.
  useEffect(() => {
    if (state.token) form.current?.reset();
  }, [state.token, form]);
  return (
    <div className="space-y-4">
      <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate>
        <FormMessages state={state.token ? {} : state} />
        <div className="flex flex-wrap items-start gap-3">
          <Field name="name" label={t("name")} errors={errors.name} className="w-full sm:w-72">
            {(control) => <Input {...control} maxLength={100} autoComplete="off" />}
          </Field>
          <Field
            name="validThrough"
            label={t("validThrough")}
            hint={t("validThroughHint")}
            errors={errors.validThrough}
            className="w-full sm:w-80"
          >
            {(control) => <Input {...control} type="date" />}
          </Field>
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </form>
      {state.token && <NewToken key={state.token} token={state.token} name={state.tokenName ?? ""} />}
    </div>
  );
}

function NewToken({ token, name }: { token: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // A new token is what the admin came for: take keyboard and screen-reader focus there. (Each new
  // token mounts this anew: see its key.)
  useEffect(() => {
    box.current?.focus();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
      setCopied("yes");
    } catch {
      field.current?.select();
      setCopied("failed");
    }
  }
  return (
    <div
      ref={box}
      tabIndex={-1}
      data-testid="new-api-token"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 outline-none"
    >
      <p className="font-medium text-amber-950">{t("createdTitle", { name })}</p>
      <Label htmlFor="new-api-token-value">{t("token")}</Label>
      <div className="flex flex-wrap gap-2">
        <Input
          id="new-api-token-value"
          ref={field}
          readOnly
          value={token}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby="new-api-token-hint"
          className="min-w-0 flex-1 font-mono text-xs sm:text-sm"
          spellCheck={false}
        />
        <Button type="button" variant="outline" onClick={copy}>
          {t("copy")}
        </Button>
      </div>
      <p id="new-api-token-hint" className="text-sm text-amber-950">
        {t("copyHint")}
      </p>
      <p role="status" className="text-sm text-emerald-800">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}

/** "Revoke", then a confirmation in place: revoking cannot be undone. */
export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("apiTokens");
  const [confirming, setConfirming] = useState(false);
  const { state, onSubmit, pending, form } = useFormAction<FormState>(revokeApiToken, {});
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const wasOpened = useRef(false);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (wasOpened.current) opener.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <Button
        ref={opener}
        type="button"
        size="sm"
        variant="outline"
        aria-label={t("revokeFor", { name })}
        onClick={() => {
          wasOpened.current = true;
          setConfirming(true);
        }}
      >
        {t("revoke")}
      </Button>
    );
  }
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-xs" noValidate>
      <input type="hidden" name="tokenId" value={tokenId} />
      <fieldset className="m-0 min-w-0 space-y-2 border-0 p-0">
        <legend className="text-sm text-red-900">{t("confirmRevoke", { name })}</legend>
        <FormMessages state={state} />
        <div className="flex gap-2">
          <Button type="submit" size="sm" disabled={pending} className="bg-red-700 hover:bg-red-800">
            {t("confirm")}
          </Button>
          <Button ref={cancel} type="button" size="sm" variant="outline" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
