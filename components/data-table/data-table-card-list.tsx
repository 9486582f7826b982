"use client";

import { flexRender, type Table } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Select } from "@/components/ui/input";
import { INLINE_SELECT } from "./styles";
import type { DataTableState, UrlChanges } from "./use-data-table";

/**
 * The table on a phone: each row a card, since eleven columns do not fit 390 px and a sideways scroll
 * hides them; with no column headers to sort by, one select offers each sortable column either way.
 */
export function DataTableCardList<Row>({
  table,
  state,
  navigate,
  caption,
  pageLabel,
  cardHeading,
}: {
  table: Table<Row>;
  state: DataTableState;
  navigate: (changes: UrlChanges) => void;
  caption: string;
  /** The label beside the page's checkbox, when rows can be selected. */
  pageLabel?: string;
  /** The columns that head a row's card (the rest are listed under them, labelled). */
  cardHeading: string[];
}) {
  const t = useTranslations("dataTable");
  const rows = table.getRowModel().rows;
  const pageCheckbox = table.getHeaderGroups()[0]?.headers.find((header) => header.column.id === "select");
  const sortChoices = table
    .getVisibleLeafColumns()
    .filter((column) => column.id !== "select" && column.columnDef.enableSorting !== false)
    .flatMap((column) =>
      (["asc", "desc"] as const).map((dir) => ({
        value: `${column.id}:${dir}`,
        label: `${headerText(column.columnDef.header, column.id)} ${dir === "asc" ? "↑" : "↓"}`,
      })),
    );

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm md:hidden">
        {pageCheckbox && (
          // biome-ignore lint/a11y/noLabelWithoutControl: the checkbox inside is rendered by the column
          <label className="flex items-center gap-2">
            {flexRender(pageCheckbox.column.columnDef.header, pageCheckbox.getContext())}
            {pageLabel}
          </label>
        )}
        <label className="flex items-center gap-2">
          {t("sortBy")}
          <Select
            value={`${state.sort}:${state.dir}`}
            onChange={(event) => {
              const [sort, dir] = event.target.value.split(":");
              navigate({ sort, dir, page: undefined });
            }}
            className={INLINE_SELECT}
          >
            {sortChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </Select>
        </label>
      </div>
      <ul className="space-y-3 md:hidden" aria-label={caption}>
        {rows.length === 0 ? (
          <li className="rounded-lg border border-slate-200 bg-white px-3 py-6 text-center text-slate-600">
            {t("empty")}
          </li>
        ) : (
          rows.map((row) => {
            const cells = row.getVisibleCells();
            const select = cells.find((cell) => cell.column.id === "select");
            const heading = cells.filter((cell) => cardHeading.includes(cell.column.id));
            const rest = cells.filter(
              (cell) => cell.column.id !== "select" && !cardHeading.includes(cell.column.id),
            );
            return (
              <li
                key={row.id}
                data-testid="table-card"
                className="rounded-lg border border-slate-200 bg-white p-3 text-sm"
              >
                <div className="flex items-start gap-3">
                  {select && flexRender(select.column.columnDef.cell, select.getContext())}
                  <div className="min-w-0 flex-1 space-y-0.5 font-medium">
                    {heading.map((cell) => (
                      <div key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</div>
                    ))}
                  </div>
                </div>
                <dl className="mt-2 grid grid-cols-[max-content_minmax(0,1fr)] items-center gap-x-3 gap-y-1.5">
                  {rest.map((cell) => (
                    <Fragment key={cell.id}>
                      <dt className="whitespace-nowrap text-slate-500">
                        {headerText(cell.column.columnDef.header, cell.column.id)}
                      </dt>
                      <dd className="min-w-0">{flexRender(cell.column.columnDef.cell, cell.getContext())}</dd>
                    </Fragment>
                  ))}
                </dl>
              </li>
            );
          })
        )}
      </ul>
    </>
  );
}

/** A column's header as text (the columns of this app have plain-text headers). */
function headerText(header: unknown, fallback: string): string {
  return typeof header === "string" ? header : fallback;
}
