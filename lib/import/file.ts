// What an uploaded spreadsheet may be, and how it is refused. Files are read by lib/import/read.ts
// (.xlsx by lib/import/xlsx.ts, CSV by lib/import/csv.ts) in the import worker, never in the app's
// process; what the cells mean is lib/import/columns.ts's business.

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 50_000;
/** The most an .xlsx file's parts may inflate to, as declared and as counted while inflating. */
export const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;
/** The shared strings a workbook's cells refer to, held while its sheets are read. */
export const MAX_SHARED_STRING_CHARS = 32 * 1024 * 1024;
/** The text of the rows kept (one long shared string named in every cell multiplies). */
export const MAX_TEXT_CHARS = 16 * 1024 * 1024;
/** Excel's own limit for a cell. */
export const MAX_CELL_CHARS = 32_767;

/** A cell as the file has it: text, a number (a percentage cell already × 100), a calendar day, or empty. */
export type Cell = string | number | { day: string } | null;

export type FileProblem =
  | "empty"
  | "tooLarge"
  | "tooManyRows"
  | "notSpreadsheet"
  | "expandedTooLarge"
  | "cellTooLong"
  | "controlCharacters"
  | "encoding"
  | "duplicateHeader"
  | "noItemSheet"
  | "noRows"
  | "readFailed";

/** What a problem's message names: a limit, a row, the headers repeated. */
export type FileProblemValues = {
  rows?: number;
  max?: number;
  row?: number;
  field?: string;
  headers?: string[];
};

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly values?: FileProblemValues,
  ) {
    super(problem);
  }
}
