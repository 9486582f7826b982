"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { Input } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { archiveProposal, archiveRecommendation } from "@/lib/proposals/actions";
import type { FormState } from "@/lib/validation/form-action";

/** Archives a proposal or a recommendation with a reason: it leaves the lists, its history stays. */
export function ArchiveForm(
  props:
    | { kind: "proposal"; proposalId: string }
    | { kind: "recommendation"; recommendationId: string; version: number },
) {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(
    props.kind === "proposal" ? archiveProposal : archiveRecommendation,
    {},
  );
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-3" noValidate>
      {props.kind === "proposal" ? (
        <input type="hidden" name="proposalId" value={props.proposalId} />
      ) : (
        <>
          <input type="hidden" name="recommendationId" value={props.recommendationId} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <FormMessages state={state} />
      <p className="text-sm text-slate-700">
        {t(props.kind === "proposal" ? "archiveProposalHint" : "archiveHint")}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <Field
          name="reason"
          label={t("archiveReason")}
          errors={state.fieldErrors?.reason}
          className="min-w-72 flex-1"
        >
          {(control) => <Input {...control} maxLength={500} />}
        </Field>
        <Button type="submit" variant="outline" disabled={pending}>
          {t("archive")}
        </Button>
      </div>
    </form>
  );
}
