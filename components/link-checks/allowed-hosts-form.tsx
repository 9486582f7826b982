"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { Textarea } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveAllowedHosts } from "@/lib/link-checks/actions";
import type { FormState } from "@/lib/validation/form-action";

/** The intranet hosts the link checker may reach on private addresses, one per line. */
export function AllowedHostsForm({ hosts }: { hosts: string[] }) {
  const t = useTranslations("linkChecks");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(saveAllowedHosts, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="max-w-xl space-y-3" noValidate>
      <Field name="hosts" label={t("hostsLabel")} hint={t("hostsHint")} errors={state.fieldErrors?.hosts}>
        {(control) => <Textarea {...control} rows={4} defaultValue={hosts.join("\n")} spellCheck={false} />}
      </Field>
      <FormMessages state={state} />
      <Button type="submit" disabled={pending}>
        {t("hostsSave")}
      </Button>
    </form>
  );
}
