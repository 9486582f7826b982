"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { markNotificationsRead, openNotification } from "@/lib/notifications/actions";
import type { FormState } from "@/lib/validation/form-action";

const errorOf = (state: FormState) => state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0];

/** Opens a notification's item, marking it read on the way. */
export function OpenNotificationButton({ notificationId, label }: { notificationId: string; label: string }) {
  const locale = useLocale();
  const [state, open, pending] = useActionState<FormState, FormData>(openNotification, {});
  const error = errorOf(state);
  return (
    <form action={open}>
      <input type="hidden" name="notificationId" value={notificationId} />
      <input type="hidden" name="locale" value={locale} />
      <button
        type="submit"
        disabled={pending}
        className="text-left font-medium text-brand-700 underline-offset-2 hover:underline disabled:opacity-60"
      >
        {label}
      </button>
      {error && <Alert className="mt-1">{error}</Alert>}
    </form>
  );
}

/** "Mark read" for one notification, or for all of them. */
export function MarkReadButton({ notificationId }: { notificationId?: string }) {
  const t = useTranslations("notifications");
  const [state, mark, pending] = useActionState<FormState, FormData>(markNotificationsRead, {});
  const error = errorOf(state);
  return (
    <form action={mark}>
      {notificationId ? (
        <input type="hidden" name="notificationId" value={notificationId} />
      ) : (
        <input type="hidden" name="all" value="1" />
      )}
      <Button type="submit" variant={notificationId ? "ghost" : "outline"} size="sm" disabled={pending}>
        {notificationId ? t("markRead") : t("markAllRead")}
      </Button>
      {error && <Alert className="mt-1">{error}</Alert>}
    </form>
  );
}
