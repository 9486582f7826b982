import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import { CHECKBOX } from "./styles";

/** Opt-in: a checkbox on each row (and one for the page), the selection kept by the caller by row id. */
export type DataTableSelection<Row> = {
  selected: RowSelectionState;
  onChange: (selected: RowSelectionState) => void;
  /** The accessible names of the page's and a row's checkbox. */
  pageLabel: string;
  rowLabel: (row: Row) => string;
};

/** The column of the rows' checkboxes, headed by the page's. */
export function selectColumn<Row>(selection: DataTableSelection<Row>): ColumnDef<Row> {
  return {
    id: "select",
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label={selection.pageLabel}
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
        aria-label={selection.rowLabel(row.original)}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
        className={CHECKBOX}
      />
    ),
  };
}
