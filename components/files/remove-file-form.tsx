"use client";

import { useTranslations } from "next-intl";
import { ConfirmedSubmit } from "@/components/ui/confirmed-submit";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { removeFile } from "@/lib/files/actions";
import type { FormState } from "@/lib/validation/form-action";

/** 移除: the file is no longer listed; asked once in place, as a mis-tap on a phone is easy. */
export function RemoveFileForm({ fileId, name }: { fileId: string; name: string }) {
  const t = useTranslations("files");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(removeFile, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-1" noValidate data-testid="file-remove">
      <input type="hidden" name="fileId" value={fileId} />
      <FormMessages state={state} />
      <ConfirmedSubmit
        question={t("removeQuestion", { name })}
        confirmLabel={t("removeConfirm")}
        cancelLabel={t("removeCancel")}
        variant="outline"
        disabled={pending}
        className="min-h-6 px-2 py-0.5 text-xs"
      >
        {t("remove")}
      </ConfirmedSubmit>
    </form>
  );
}
