"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";
import { FieldError, Input, Select } from "@/components/ui/input";
import { useFormAction } from "@/components/ui/use-form-action";
import { assignRecommendations } from "@/lib/proposals/actions";
import type { FormState } from "@/lib/validation/form-action";

type Choice = { id: string; name: string };
export type AssignmentValues = {
  recommendationId: string;
  version: number;
  code: string;
  title: string;
  themeId: string;
  leadAgencyId: string;
  coAgencyIds: string[];
  startDate: string;
  dueDate: string;
  weight: string;
};
type Editable = Omit<AssignmentValues, "recommendationId" | "version" | "code" | "title">;

/**
 * The assignment grid (交办): lead, co-handlers, theme, start, due and weight of every recommendation
 * of a proposal on one screen, saved together in one transaction (assignRecommendations) with the
 * recommendation form's checks; a wrong row is named by its field errors and nothing is saved.
 */
export function AssignmentGrid({
  proposalId,
  rows: initial,
  agencies,
  themes,
}: {
  proposalId: string;
  rows: AssignmentValues[];
  agencies: Choice[];
  themes: Choice[];
}) {
  const t = useTranslations("manage");
  const { state, onSubmit, pending, form } = useFormAction<FormState>(assignRecommendations, {});
  const [rows, setRows] = useState(initial);
  // After a save the page sends the rows again with their new versions: the next save starts from them.
  useEffect(() => setRows(initial), [initial]);
  const errors = state.fieldErrors ?? {};
  const change = (i: number, patch: Partial<Editable>) =>
    setRows((current) => current.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  const payload = JSON.stringify(
    rows.map((row) => ({
      recommendationId: row.recommendationId,
      version: row.version,
      themeId: row.themeId,
      leadAgencyId: row.leadAgencyId,
      coAgencyIds: row.coAgencyIds,
      startDate: row.startDate,
      dueDate: row.dueDate,
      weight: row.weight,
    })),
  );

  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate data-testid="assignment-grid">
      <input type="hidden" name="proposalId" value={proposalId} />
      <input type="hidden" name="rows" value={payload} />
      <FormMessages state={state} />
      <FieldError id="rows-error" messages={errors.rows} />
      {/* Wide on purpose: on a phone it scrolls sideways inside its frame, the page does not. */}
      <div className="overflow-x-auto rounded-md border border-slate-200" data-testid="assignment-frame">
        <table className="w-full min-w-[66rem] text-sm">
          <caption className="sr-only">{t("assign.title")}</caption>
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("assign.recommendation")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("field.leadAgency")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("field.coAgencies")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("field.theme")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {t("field.startDate")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {t("field.dueDate")}
              </th>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("field.weight")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, i) => {
              const cell = (field: string) => errors[`rows.${i}.${field}`];
              const id = `assign-${i}`;
              const label = (field: string) => `${row.code} ${t(`field.${field}`)}`;
              return (
                <tr key={row.recommendationId} className="align-top" data-testid="assignment-row">
                  <th scope="row" className="min-w-[10rem] px-3 py-2 text-left font-normal">
                    <span className="font-mono text-xs text-slate-500">{row.code}</span>{" "}
                    <span className="text-slate-900">{row.title}</span>
                  </th>
                  <td className="px-3 py-2">
                    <Select
                      id={`${id}-lead`}
                      className="min-w-[12rem]"
                      aria-label={label("leadAgency")}
                      value={row.leadAgencyId}
                      aria-invalid={Boolean(cell("leadAgencyId"))}
                      onChange={(event) => change(i, { leadAgencyId: event.target.value })}
                    >
                      <option value="">{t("unassigned")}</option>
                      {agencies.map((agency) => (
                        <option key={agency.id} value={agency.id}>
                          {agency.name}
                        </option>
                      ))}
                    </Select>
                    <FieldError id={`${id}-lead-error`} messages={cell("leadAgencyId")} />
                  </td>
                  <td className="px-3 py-2">
                    <Select
                      id={`${id}-co`}
                      className="min-w-[12rem]"
                      multiple
                      size={3}
                      aria-label={label("coAgencies")}
                      value={row.coAgencyIds}
                      aria-invalid={Boolean(cell("coAgencyIds"))}
                      onChange={(event) =>
                        change(i, {
                          coAgencyIds: [...event.target.selectedOptions].map((option) => option.value),
                        })
                      }
                    >
                      {agencies.map((agency) => (
                        <option key={agency.id} value={agency.id}>
                          {agency.name}
                        </option>
                      ))}
                    </Select>
                    <FieldError id={`${id}-co-error`} messages={cell("coAgencyIds")} />
                  </td>
                  <td className="px-3 py-2">
                    <Select
                      id={`${id}-theme`}
                      className="min-w-[8rem]"
                      aria-label={label("theme")}
                      value={row.themeId}
                      aria-invalid={Boolean(cell("themeId"))}
                      onChange={(event) => change(i, { themeId: event.target.value })}
                    >
                      <option value="">{t("none")}</option>
                      {themes.map((theme) => (
                        <option key={theme.id} value={theme.id}>
                          {theme.name}
                        </option>
                      ))}
                    </Select>
                    <FieldError id={`${id}-theme-error`} messages={cell("themeId")} />
                  </td>
                  <td className="px-3 py-2">
                    <Input
                      id={`${id}-start`}
                      type="date"
                      className="min-w-[10rem]"
                      aria-label={label("startDate")}
                      value={row.startDate}
                      aria-invalid={Boolean(cell("startDate"))}
                      onChange={(event) => change(i, { startDate: event.target.value })}
                    />
                    <FieldError id={`${id}-start-error`} messages={cell("startDate")} />
                  </td>
                  <td className="px-3 py-2">
                    <Input
                      id={`${id}-due`}
                      type="date"
                      className="min-w-[10rem]"
                      aria-label={label("dueDate")}
                      value={row.dueDate}
                      aria-invalid={Boolean(cell("dueDate"))}
                      onChange={(event) => change(i, { dueDate: event.target.value })}
                    />
                    <FieldError id={`${id}-due-error`} messages={cell("dueDate")} />
                  </td>
                  <td className="px-3 py-2">
                    <Input
                      id={`${id}-weight`}
                      type="number"
                      min="0.01"
                      step="any"
                      className="w-20"
                      aria-label={label("weight")}
                      value={row.weight}
                      aria-invalid={Boolean(cell("weight"))}
                      onChange={(event) => change(i, { weight: event.target.value })}
                    />
                    <FieldError id={`${id}-weight-error`} messages={cell("weight")} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("assign.save", { count: rows.length })}
      </Button>
    </form>
  );
}
