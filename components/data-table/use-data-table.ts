"use client";

import {
  type ColumnDef,
  getCoreRowModel,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { usePathname, useRouter } from "@/lib/i18n/navigation";
import { type DataTableSelection, selectColumn } from "./data-table-select-column";

/** The table's state, as the URL has it. */
export type DataTableState = {
  page: number;
  perPage: number;
  sort: string;
  dir: "asc" | "desc";
  hidden: string[];
  density: "comfortable" | "compact";
};

/** A change to the URL: a key set to a value, or removed (undefined or empty). */
export type UrlChanges = Record<string, string | undefined>;

/**
 * The table over the URL's state: the server pages, sorts and filters, so the table is manual in all
 * three and every change is a navigation (with `hrefWith` for links, `navigate` for controls).
 */
export function useDataTable<Row extends { id: string }>({
  columns,
  data,
  pageCount,
  state,
  selection,
}: {
  columns: ColumnDef<Row>[];
  data: Row[];
  pageCount: number;
  state: DataTableState;
  selection?: DataTableSelection<Row>;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const sorting: SortingState = [{ id: state.sort, desc: state.dir === "desc" }];
  const columnVisibility: VisibilityState = Object.fromEntries(state.hidden.map((id) => [id, false]));
  const table = useReactTable({
    data,
    columns: selection ? [selectColumn(selection), ...columns] : columns,
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

  /** The current URL with some keys changed. */
  function hrefWith(changes: UrlChanges) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    return query ? `${pathname}?${query}` : pathname;
  }
  const navigate = (changes: UrlChanges) => router.push(hrefWith(changes), { scroll: false });

  return { table, state, hrefWith, navigate };
}

export type DataTableController<Row extends { id: string }> = ReturnType<typeof useDataTable<Row>>;
