"use client";

import { type ColumnDef, flexRender } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";
import { DataTableCardList } from "./data-table-card-list";
import { DataTablePagination } from "./data-table-pagination";
import type { DataTableSelection } from "./data-table-select-column";
import { DataTableToolbar } from "./data-table-toolbar";
import { type DataTableState, useDataTable } from "./use-data-table";

type Props<Row extends { id: string; href: string }> = {
  columns: ColumnDef<Row>[];
  data: Row[];
  total: number;
  pageCount: number;
  state: DataTableState;
  pageSizes: readonly number[];
  /** Columns the user may hide, with their labels. */
  hideable: { id: string; label: string }[];
  caption: string;
  /** Opt-in: a checkbox on each row (and one for the page), the selection kept by the caller by row id. */
  selection?: DataTableSelection<Row>;
  /** Controls shown beside the row count (e.g. an export menu). */
  toolbar?: ReactNode;
  /** The columns that head a row's card on a phone (the rest are listed under them, labelled). */
  cardHeading?: string[];
};

/**
 * The one table of the app, on @tanstack/react-table: the server pages, sorts and filters (its state
 * lives in the URL, see use-data-table.ts); the table renders, links each row to its item, and offers
 * column visibility and density. Column ids double as URL sort keys.
 */
export function DataTable<Row extends { id: string; href: string }>({
  columns,
  data,
  total,
  pageCount,
  state,
  pageSizes,
  hideable,
  caption,
  selection,
  toolbar,
  cardHeading = [],
}: Props<Row>) {
  const t = useTranslations("dataTable");
  const router = useRouter();
  const { table, hrefWith, navigate } = useDataTable({ columns, data, pageCount, state, selection });
  const cellPadding = state.density === "compact" ? "px-3 py-1" : "px-3 py-2.5";
  const rows = table.getRowModel().rows;

  return (
    <div className="space-y-3">
      <DataTableToolbar state={state} total={total} hideable={hideable} navigate={navigate}>
        {toolbar}
      </DataTableToolbar>

      <DataTableCardList
        table={table}
        state={state}
        navigate={navigate}
        caption={caption}
        pageLabel={selection?.pageLabel}
        cardHeading={cardHeading}
      />

      <div className="scroll-cue hidden overflow-x-auto rounded-lg border border-slate-200 md:block">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = header.column.columnDef.enableSorting !== false;
                  const active = state.sort === header.column.id;
                  const ariaSort = active ? (state.dir === "asc" ? "ascending" : "descending") : undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={ariaSort}
                      className="whitespace-nowrap border-b border-slate-200 px-3 py-2 text-left font-medium text-slate-600"
                    >
                      {sortable ? (
                        <Link
                          href={hrefWith({
                            sort: header.column.id,
                            dir: active && state.dir === "asc" ? "desc" : "asc",
                            page: undefined,
                          })}
                          scroll={false}
                          className="inline-flex items-center gap-1 hover:text-slate-900"
                        >
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {active ? (
                            state.dir === "asc" ? (
                              <ArrowUp aria-hidden="true" className="size-3.5" />
                            ) : (
                              <ArrowDown aria-hidden="true" className="size-3.5" />
                            )
                          ) : (
                            <ArrowUpDown aria-hidden="true" className="size-3.5 text-slate-400" />
                          )}
                        </Link>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td
                  colSpan={table.getVisibleLeafColumns().length}
                  className="px-3 py-6 text-center text-slate-600"
                >
                  {t("empty")}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr
                  key={row.id}
                  data-testid="table-row"
                  className="cursor-pointer border-b border-slate-100 hover:bg-slate-50"
                  // The code cell holds the row's link for keyboards; a click anywhere on the row follows it.
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest("a, button, input, select")) return;
                    router.push(row.original.href);
                  }}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cn("align-top", cellPadding)}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>

      <DataTablePagination
        state={state}
        pageCount={pageCount}
        pageSizes={pageSizes}
        hrefWith={hrefWith}
        navigate={navigate}
      />
    </div>
  );
}
