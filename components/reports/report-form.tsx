import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { ChoiceSelect, FieldError, Input, Label, Select } from "@/components/ui/input";
import type { ErrorIssue } from "@/lib/http/errors";
import { PROPOSAL_CHOICES } from "@/lib/tracking/queries";

type ProposalChoice = { code: string; titleZh: string; titleEn: string | null };

/** The report's settings, as a GET form: the preview's address is the report's address. */
export async function ReportForm({
  values,
  proposals,
  issues,
  locale,
}: {
  values: { proposal?: string; asOf?: string; compareTo?: string; locale?: string };
  proposals: ProposalChoice[];
  issues: ErrorIssue[];
  locale: string;
}) {
  const t = await getTranslations("reports");
  const errorsOf = (parameter: string) =>
    issues.filter((issue) => issue.parameter === parameter).map((issue) => issue.message);
  const field = (parameter: string) => {
    const errors = errorsOf(parameter);
    return errors.length
      ? { "aria-invalid": true, "aria-describedby": `${parameter}-error` }
      : { "aria-invalid": undefined };
  };
  const name = (proposal: ProposalChoice) =>
    locale === "en" && proposal.titleEn ? proposal.titleEn : proposal.titleZh;
  return (
    <form method="get" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <fieldset className="grid gap-4 md:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto] md:items-end">
        <legend className="sr-only">{t("form.legend")}</legend>
        <div className="space-y-1">
          <Label htmlFor="proposal">{t("form.proposal")}</Label>
          {proposals.length <= PROPOSAL_CHOICES ? (
            <ChoiceSelect
              id="proposal"
              name="proposal"
              defaultValue={values.proposal ?? ""}
              {...field("proposal")}
              empty={t("form.chooseProposal")}
              choices={proposals.map((proposal) => ({
                value: proposal.code,
                label: `${proposal.code} · ${name(proposal)}`,
              }))}
            />
          ) : (
            <Input id="proposal" name="proposal" defaultValue={values.proposal} {...field("proposal")} />
          )}
          <FieldError id="proposal-error" messages={errorsOf("proposal")} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="asOf">{t("form.asOf")}</Label>
          <Input id="asOf" name="asOf" type="date" defaultValue={values.asOf} {...field("asOf")} />
          <FieldError id="asOf-error" messages={errorsOf("asOf")} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="compareTo">{t("form.compareTo")}</Label>
          <Input
            id="compareTo"
            name="compareTo"
            type="date"
            defaultValue={values.compareTo}
            {...field("compareTo")}
          />
          <FieldError id="compareTo-error" messages={errorsOf("compareTo")} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="report-locale">{t("form.language")}</Label>
          <Select
            id="report-locale"
            name="locale"
            defaultValue={values.locale ?? locale}
            {...field("locale")}
          >
            <option value="zh-CN">{t("languages.zh-CN")}</option>
            <option value="en">{t("languages.en")}</option>
          </Select>
          <FieldError id="locale-error" messages={errorsOf("locale")} />
        </div>
        <Button type="submit">{t("form.preview")}</Button>
      </fieldset>
      <p className="mt-2 text-xs text-slate-600">{t("form.compareHint")}</p>
    </form>
  );
}
