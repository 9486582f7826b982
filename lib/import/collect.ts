// Turns the rows a reader streams (lib/import/xlsx.ts, lib/import/csv.ts) into the item rows an import
// keeps, enforcing the limits as the rows arrive: the reader is told to stop at the first row past
// MAX_ROWS, at the first cell longer than Excel allows, and once the kept text passes MAX_TEXT_CHARS
// (an .xlsx file can name one long shared string in every cell), never after reading everything.
import { hasControlCharacters } from "@/lib/validation/fields";
import { fieldOfHeader, type ImportField, type ImportRow } from "./columns";
import { type Cell, ImportFileError, MAX_CELL_CHARS, MAX_ROWS, MAX_TEXT_CHARS } from "./file";

/** What a reader does after a row: go on, or leave the rest of this sheet unread (not one of items). */
export type AfterRow = "more" | "skipSheet";

type SheetState = { name: string | null; columns: (ImportField | null)[] | null; items: boolean };

export class ItemRowCollector {
  readonly rows: ImportRow[] = [];
  private sheet: SheetState = { name: null, columns: null, items: false };
  private chars = 0;
  private anyRow = false;
  private itemSheet = false;

  startSheet(name: string | null) {
    this.sheet = { name, columns: null, items: false };
  }

  /**
   * One row of the current sheet, in the order of the file; empty rows may be passed or left out, and
   * the cells may be a sparse array (empty cells missing).
   */
  row(number: number, cells: Cell[]): AfterRow {
    if (!cells.some((cell) => cell !== null)) return "more";
    this.anyRow = true;
    const { sheet } = this;
    if (!sheet.columns) {
      // The first row that has anything is the header.
      sheet.columns = cells.map(fieldOfHeader);
      const has = (field: ImportField) => sheet.columns?.includes(field) ?? false;
      sheet.items = has("code") && (has("status") || has("progress"));
      if (!sheet.items) return "skipSheet";
      this.itemSheet = true;
      refuseRepeatedHeaders(cells, sheet.columns);
      return "more";
    }
    if (this.rows.length >= MAX_ROWS) throw new ImportFileError("tooManyRows", { rows: MAX_ROWS });
    const values: ImportRow["values"] = {};
    sheet.columns.forEach((field, index) => {
      if (!field) return;
      const cell = cells[index] ?? null;
      if (typeof cell === "string") {
        if (cell.length > MAX_CELL_CHARS)
          throw new ImportFileError("cellTooLong", { max: MAX_CELL_CHARS, row: number });
        // NUL cannot be stored (PostgreSQL's text and jsonb refuse it), and no other control character
        // belongs in the tracker's text: the file is refused, naming the cell.
        if (hasControlCharacters(cell))
          throw new ImportFileError("controlCharacters", { row: number, field });
        this.chars += cell.length;
      }
      values[field] = cell;
    });
    if (this.chars > MAX_TEXT_CHARS) throw new ImportFileError("expandedTooLarge");
    this.rows.push({ sheet: sheet.name, row: number, values });
    return "more";
  }

  /** The item rows, or why the file has none. */
  finish(): ImportRow[] {
    if (!this.anyRow) throw new ImportFileError("empty");
    if (!this.itemSheet) throw new ImportFileError("noItemSheet");
    if (this.rows.length === 0) throw new ImportFileError("noRows");
    return this.rows;
  }
}

/**
 * Two columns for one field (`status,status`, or `状态` beside `Status`): which one is meant is not for
 * the import to guess, and taking either would apply the other's values without a word.
 */
function refuseRepeatedHeaders(cells: Cell[], columns: (ImportField | null)[]) {
  const seen = new Map<ImportField, string[]>();
  columns.forEach((field, index) => {
    if (field) seen.set(field, [...(seen.get(field) ?? []), String(cells[index])]);
  });
  for (const [field, headers] of seen)
    if (headers.length > 1) throw new ImportFileError("duplicateHeader", { field, headers });
}
