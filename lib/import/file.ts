// Reading an uploaded spreadsheet into rows of cells: .xlsx through exceljs, CSV through csv-parse in
// UTF-8 (with or without BOM) or GB18030/GBK (what Chinese Excel saves by default), comma, semicolon
// or tab separated. What the cells mean is lib/import/columns.ts's business.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_ROWS = 50_000;

/** A cell as the file has it: text, a number (a percentage cell already × 100), a calendar day, or empty. */
export type Cell = string | number | { day: string } | null;

export type SheetRows = {
  /** The sheet's name (a CSV file has one, unnamed). */
  sheet: string | null;
  /** Line or row numbers as a spreadsheet shows them, and each row's cells. */
  rows: { number: number; cells: Cell[] }[];
};

export type FileProblem = "empty" | "tooLarge" | "tooManyRows" | "notSpreadsheet";

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly limit?: number,
  ) {
    super(problem);
  }
}

/** Every sheet of the file with at least one non-empty row; empty rows are left out. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<SheetRows[]> {
  if (bytes.byteLength === 0) throw new ImportFileError("empty");
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImportFileError("tooLarge", MAX_FILE_BYTES);
  const sheets = isZip(bytes) ? await readWorkbook(bytes) : [readCsv(bytes)];
  const nonEmpty = sheets.filter((sheet) => sheet.rows.length > 0);
  if (nonEmpty.length === 0) throw new ImportFileError("empty");
  const rows = nonEmpty.reduce((sum, sheet) => sum + sheet.rows.length, 0);
  if (rows > MAX_ROWS + nonEmpty.length) throw new ImportFileError("tooManyRows", MAX_ROWS);
  return nonEmpty;
}

// An .xlsx file is a zip archive: "PK\x03\x04".
const isZip = (bytes: Uint8Array) =>
  bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

async function readWorkbook(bytes: Uint8Array): Promise<SheetRows[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError("notSpreadsheet");
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: SheetRows["rows"] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = workbookCell(cell);
      });
      const filled = Array.from(cells, (cell) => cell ?? null);
      if (filled.some((cell) => cell !== null)) rows.push({ number, cells: filled });
    });
    return { sheet: worksheet.name, rows };
  });
}

function workbookCell(cell: ExcelJS.Cell): Cell {
  let value = cell.value;
  // A formula's cell holds its last result.
  if (value && typeof value === "object" && "result" in value) value = value.result ?? null;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    // Excel's dates have no time zone: exceljs reads them as that calendar day at UTC midnight.
    return { day: value.toISOString().slice(0, 10) };
  }
  if (typeof value === "number") return cell.numFmt?.includes("%") ? value * 100 : value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "string") return blankToNull(value);
  if ("richText" in value) return blankToNull(value.richText.map((part) => part.text).join(""));
  if ("hyperlink" in value) return blankToNull(String(value.text ?? value.hyperlink));
  if ("error" in value) return null;
  return blankToNull(String(value));
}

function readCsv(bytes: Uint8Array): SheetRows {
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw new ImportFileError("notSpreadsheet");
  const records: string[][] = parse(text, {
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
    info: false,
  });
  const rows: SheetRows["rows"] = [];
  records.forEach((record, index) => {
    const cells = record.map(blankToNull);
    if (cells.some((cell) => cell !== null)) rows.push({ number: index + 1, cells });
  });
  return { sheet: null, rows };
}

/** UTF-8 when the bytes are valid UTF-8 (Chinese GBK text practically never is), else GB18030. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The separator the header line uses most, outside quotes: comma, semicolon or tab. */
function delimiterOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((separator) => [separator, unquoted.split(separator).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
