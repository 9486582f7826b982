"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { recheckLink } from "@/lib/link-checks/actions";
import type { FormState } from "@/lib/validation/form-action";

/** "Check again now": the link is due at once, and the background loop checks it within a minute. */
export function RecheckButton({ linkCheckId, url }: { linkCheckId: string; url: string }) {
  const t = useTranslations("linkChecks");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(recheckLink, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-xs space-y-2" noValidate>
      <input type="hidden" name="linkCheckId" value={linkCheckId} />
      <FormMessages state={state} />
      {!state.notice && (
        <Button
          type="submit"
          size="sm"
          variant="outline"
          disabled={pending}
          aria-label={t("recheckFor", { url })}
        >
          {t("recheck")}
        </Button>
      )}
    </form>
  );
}
