"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { retryDelivery } from "@/lib/notifications/delivery-actions";
import type { FormState } from "@/lib/validation/form-action";

/** "Send again" for a failed delivery: queued at once, sent by the next round of the sender. */
export function RetryDeliveryButton({ deliveryId, to }: { deliveryId: string; to: string }) {
  const t = useTranslations("deliveries");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(retryDelivery, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-xs space-y-2" noValidate>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <FormMessages state={state} />
      {!state.notice && (
        <Button
          type="submit"
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={t("retryFor", { to })}
        >
          {t("retry")}
        </Button>
      )}
    </form>
  );
}
