"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/input";
import { CHECKBOX, INLINE_SELECT } from "./styles";
import type { DataTableState, UrlChanges } from "./use-data-table";

/** Which columns show, and how dense the rows are. */
export function DataTableViewOptions({
  state,
  hideable,
  navigate,
}: {
  state: DataTableState;
  /** Columns the user may hide, with their labels. */
  hideable: { id: string; label: string }[];
  navigate: (changes: UrlChanges) => void;
}) {
  const t = useTranslations("dataTable");
  function toggleColumn(id: string) {
    const hidden = state.hidden.includes(id) ? state.hidden.filter((h) => h !== id) : [...state.hidden, id];
    navigate({ hide: hidden.join(",") || undefined });
  }
  return (
    <>
      <details className="relative">
        <summary className="cursor-pointer rounded-md border border-slate-300 bg-white px-3 py-1.5">
          {t("columns")}
        </summary>
        <fieldset className="absolute right-0 z-10 mt-1 w-48 space-y-1 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
          <legend className="sr-only">{t("columns")}</legend>
          {hideable.map((column) => (
            <label key={column.id} className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={!state.hidden.includes(column.id)}
                onChange={() => toggleColumn(column.id)}
                className={CHECKBOX}
              />
              {column.label}
            </label>
          ))}
        </fieldset>
      </details>
      <label className="flex items-center gap-2">
        {t("density")}
        <Select
          value={state.density}
          onChange={(event) =>
            navigate({ density: event.target.value === "compact" ? "compact" : undefined })
          }
          className={INLINE_SELECT}
        >
          <option value="comfortable">{t("comfortable")}</option>
          <option value="compact">{t("compact")}</option>
        </Select>
      </label>
    </>
  );
}
