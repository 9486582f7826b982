"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { editProposal } from "@/lib/proposals/actions";
import type { FormState } from "@/lib/validation/form-action";
import { ProposalFields, type ProposalValues } from "./proposal-fields";

/** Edits a proposal's own fields; each changed field is audited. */
export function ProposalForm({
  proposalId,
  values,
  sourceText,
}: {
  proposalId: string;
  values: ProposalValues;
  sourceText: string;
}) {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(editProposal, {});
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <input type="hidden" name="proposalId" value={proposalId} />
      {/* Kept as pasted; the assisted entry is where it is split. */}
      <input type="hidden" name="sourceText" value={sourceText} />
      <FormMessages state={state} />
      <ProposalFields values={values} errors={state.fieldErrors ?? {}} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
