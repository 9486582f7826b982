"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { DataTableViewOptions } from "./data-table-view-options";
import type { DataTableState, UrlChanges } from "./use-data-table";

/** Above the table: which rows of how many show, the caller's controls, and the view options. */
export function DataTableToolbar({
  state,
  total,
  hideable,
  navigate,
  children,
}: {
  state: DataTableState;
  total: number;
  hideable: { id: string; label: string }[];
  navigate: (changes: UrlChanges) => void;
  /** Controls shown beside the row count (e.g. an export menu). */
  children?: ReactNode;
}) {
  const t = useTranslations("dataTable");
  const first = total === 0 ? 0 : (state.page - 1) * state.perPage + 1;
  const last = Math.min(total, state.page * state.perPage);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite" data-testid="table-count">
        {t("showing", { first, last, total })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {children}
        <DataTableViewOptions state={state} hideable={hideable} navigate={navigate} />
      </div>
    </div>
  );
}
