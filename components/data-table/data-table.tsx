"use client";

import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type RowSelectionState,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";
import { Link, usePathname, useRouter } from "@/lib/i18n/navigation";
import { cn } from "@/lib/utils";

// Checkboxes are tap targets of at least 24 × 24 px (WCAG 2.5.8), on a phone as on a desktop.
const CHECKBOX = "size-6 shrink-0 accent-brand-600";

export type DataTableState = {
  page: number;
  perPage: number;
  sort: string;
  dir: "asc" | "desc";
  hidden: string[];
  density: "comfortable" | "compact";
};

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
  selection?: {
    selected: RowSelectionState;
    onChange: (selected: RowSelectionState) => void;
    /** The accessible names of the page's and a row's checkbox. */
    pageLabel: string;
    rowLabel: (row: Row) => string;
  };
  /** Controls shown beside the row count (e.g. an export menu). */
  toolbar?: ReactNode;
  /** The columns that head a row's card on a phone (the rest are listed under them, labelled). */
  cardHeading?: string[];
};

/**
 * The one table of the app, on @tanstack/react-table: the server pages, sorts and filters (its state
 * lives in the URL); the table renders, links each row to its item, and offers column visibility and
 * density. Column ids double as URL sort keys.
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
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const columnVisibility: VisibilityState = Object.fromEntries(state.hidden.map((id) => [id, false]));
  const selectColumn: ColumnDef<Row> = {
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={selection?.pageLabel}
        checked={table.getIsAllPageRowsSelected()}
        ref={(input) => {
          if (input) input.indeterminate = table.getIsSomePageRowsSelected();
        }}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
        className={CHECKBOX}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={selection?.rowLabel(row.original)}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
        className={CHECKBOX}
      />
    ),
  };
  const table = useReactTable({
    data,
    columns: selection ? [selectColumn, ...columns] : columns,
    state: { sorting, columnVisibility, rowSelection: selection?.selected ?? {} },
    enableRowSelection: Boolean(selection),
    onRowSelectionChange: (updater) => {
      if (!selection) return;
      selection.onChange(typeof updater === "function" ? updater(selection.selected) : updater);
    },
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    pageCount,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => row.id,
  });

  /** The current URL with some keys changed (undefined or empty removes a key). */
  function hrefWith(changes: Record<string, string | undefined>) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  }
  const go = (changes: Record<string, string | undefined>) =>
    router.push(hrefWith(changes), { scroll: false });

  function toggleColumn(id: string) {
    const hidden = state.hidden.includes(id) ? state.hidden.filter((h) => h !== id) : [...state.hidden, id];
    go({ hide: hidden.join(",") || undefined });
  }

  const cellPadding = state.density === "compact" ? "px-3 py-1" : "px-3 py-2.5";
  const rows = table.getRowModel().rows;
  const pageCheckbox = table.getHeaderGroups()[0]?.headers.find((header) => header.column.id === "select");
  // A phone has no column headers to sort by: one select offers each sortable column either way.
  const sortChoices = table
    .getVisibleLeafColumns()
    .filter((column) => column.id !== "select" && column.columnDef.enableSorting !== false)
    .flatMap((column) =>
      (["asc", "desc"] as const).map((dir) => ({
        value: `${column.id}:${dir}`,
        label: `${headerText(column.columnDef.header, column.id)} ${dir === "asc" ? "↑" : "↓"}`,
      })),
    );
  const first = total === 0 ? 0 : (state.page - 1) * state.perPage + 1;
  const last = Math.min(total, state.page * state.perPage);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p aria-live="polite" data-testid="table-count">
          {t("showing", { first, last, total })}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          {toolbar}
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
            <select
              value={state.density}
              onChange={(event) => go({ density: event.target.value === "compact" ? "compact" : undefined })}
              className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
            >
              <option value="comfortable">{t("comfortable")}</option>
              <option value="compact">{t("compact")}</option>
            </select>
          </label>
        </div>
      </div>

      {/* On a phone each row is a card: eleven columns do not fit 390 px, and a sideways scroll hides them. */}
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm md:hidden">
        {pageCheckbox && (
          // biome-ignore lint/a11y/noLabelWithoutControl: the checkbox inside is rendered by the column
          <label className="flex items-center gap-2">
            {flexRender(pageCheckbox.column.columnDef.header, pageCheckbox.getContext())}
            {selection?.pageLabel}
          </label>
        )}
        <label className="flex items-center gap-2">
          {t("sortBy")}
          <select
            value={`${state.sort}:${state.dir}`}
            onChange={(event) => {
              const [sort, dir] = event.target.value.split(":");
              go({ sort, dir, page: undefined });
            }}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {sortChoices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
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

      <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <label className="flex items-center gap-2">
          {t("perPage")}
          <select
            value={state.perPage}
            onChange={(event) => go({ perPage: event.target.value, page: undefined })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5"
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-center gap-2">
          <PageLink
            href={hrefWith({ page: String(state.page - 1) })}
            disabled={state.page <= 1}
            label={t("previous")}
          />
          <span>{t("page", { page: Math.min(state.page, pageCount), pageCount })}</span>
          <PageLink
            href={hrefWith({ page: String(state.page + 1) })}
            disabled={state.page >= pageCount}
            label={t("next")}
          />
        </div>
      </nav>
    </div>
  );
}

/** A column's header as text (the columns of this app have plain-text headers). */
function headerText(header: unknown, fallback: string): string {
  return typeof header === "string" ? header : fallback;
}

function PageLink({ href, disabled, label }: { href: string; disabled: boolean; label: string }) {
  if (disabled) {
    return <span className="rounded-md border border-slate-200 px-3 py-1.5 text-slate-500">{label}</span>;
  }
  return (
    <Link
      href={href}
      scroll={false}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50"
    >
      {label}
    </Link>
  );
}
