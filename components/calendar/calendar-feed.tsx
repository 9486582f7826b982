"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { Input, Label } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { type CalendarFeedFormState, createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/actions";
import type { FormState } from "@/lib/validation/form-action";

/** Makes the user's feed (revoking the one before) and shows its URL this once, with a way to copy it. */
export function CalendarFeedCreateForm({ hasFeed }: { hasFeed: boolean }) {
  const t = useTranslations("calendar");
  const { state, onSubmit, pending, form } = useFormAction<CalendarFeedFormState>(createCalendarFeed, {});
  return (
    <div className="space-y-3">
      <form ref={form} onSubmit={onSubmit} className="space-y-2" noValidate>
        <FormMessages state={state.url ? {} : state} />
        {hasFeed && !state.url && <p className="text-sm text-slate-600">{t("replaceHint")}</p>}
        <Button type="submit" disabled={pending} variant={hasFeed ? "outline" : undefined}>
          {pending ? t("creating") : hasFeed ? t("replace") : t("create")}
        </Button>
      </form>
      {state.url && <NewFeedUrl key={state.url} url={state.url} />}
    </div>
  );
}

function NewFeedUrl({ url }: { url: string }) {
  const t = useTranslations("calendar");
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // The new address is what the user came for: take keyboard and screen-reader focus there.
  useEffect(() => {
    box.current?.focus();
  }, []);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
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
      data-testid="new-calendar-feed"
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 outline-none"
    >
      <Label htmlFor="new-calendar-feed-url">{t("newUrl")}</Label>
      <div className="flex flex-wrap gap-2">
        <Input
          id="new-calendar-feed-url"
          ref={field}
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          aria-describedby="new-calendar-feed-hint"
          className="min-w-0 flex-1 font-mono text-xs sm:text-sm"
          spellCheck={false}
        />
        <Button type="button" variant="outline" onClick={copy}>
          {t("copy")}
        </Button>
      </div>
      <p id="new-calendar-feed-hint" className="text-sm text-amber-950">
        {t("copyHint")}
      </p>
      {/* webcal: opens the subscription in the device's calendar app (Apple Calendar, Outlook). */}
      <p className="text-sm">
        <a className="text-blue-800 underline" href={url.replace(/^https?:/, "webcal:")}>
          {t("openInApp")}
        </a>
      </p>
      <p role="status" className="text-sm text-emerald-800">
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}

/** "Turn off", then a confirmation in place: revoking cannot be undone. */
export function RevokeCalendarFeedButton() {
  const t = useTranslations("calendar");
  const [confirming, setConfirming] = useState(false);
  const { state, onSubmit, pending, form } = useFormAction<FormState>(revokeCalendarFeed, {});
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
    <form ref={form} onSubmit={onSubmit} className="max-w-md" noValidate>
      <fieldset className="m-0 min-w-0 space-y-2 border-0 p-0">
        <legend className="text-sm text-red-900">{t("confirmRevoke")}</legend>
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
