// The workbook, written as it goes (exceljs' streaming writer, without shared strings, which would keep
// every text in memory until the end): a first sheet saying what it holds, then one sheet per part, each with a bold filled header row that stays
// in view, column widths and an autofilter; days and moments are Excel dates, progress a percentage.
import { PassThrough } from "node:stream";
import { setTimeout as delay, setImmediate as nextTurn } from "node:timers/promises";
import type ExcelJS from "exceljs";
import { xlsxCell } from "./cells";
import type { CellType, ExportTable } from "./columns";
import { neutralise } from "./neutralise";
import type { ExportPart } from "./params";
import type { ExportRowOf } from "./rows";

const NUMBER_FORMATS: Partial<Record<CellType, string>> = {
  percent: "0%",
  day: "yyyy-mm-dd",
  instant: "yyyy-mm-dd hh:mm:ss",
};
// Excel's limit of rows in a sheet, header included: a longer table goes on in a sheet "… (2)".
export const XLSX_MAX_ROWS = 1_048_576;
// The writer does not wait for the download: past this much unread output it pauses between batches.
const HIGH_WATER_BYTES = 4 * 1024 * 1024;

export type XlsxSheet<P extends ExportPart = ExportPart> = {
  table: ExportTable<P>;
  batches: () => AsyncIterable<ExportRowOf[P][]>;
};

/** The first sheet: what the workbook holds, as [label, value] lines (about.ts). */
export type XlsxAbout = { title: string; lines: [string, string][] };

export async function* xlsxChunks(
  sheets: XlsxSheet[],
  creator: string,
  about?: XlsxAbout,
  maxRows: number = XLSX_MAX_ROWS,
): AsyncGenerator<Uint8Array> {
  // Loaded here, not with the module: a CSV export's worker need not spend a tenth of a second on it.
  const { default: Excel } = await import("exceljs");
  const output = new PassThrough();
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = creator;
  // What is written but not yet read: the XML waiting to be compressed (exceljs writes a sheet into its
  // zip entry without waiting, and the compression gets its turns only between our batches), the zip's
  // output, and ours. Reached through exceljs' internals: it offers no backpressure of its own.
  let sheet: ExcelJS.Worksheet | null = null;
  const pending = () => {
    const entry = sheet as unknown as { stream: { pipes: { _writableState?: { length: number } }[] } } | null;
    const uncompressed =
      entry?.stream.pipes.reduce((sum, pipe) => sum + (pipe._writableState?.length ?? 0), 0) ?? 0;
    const zipped = (workbook as unknown as { zip: { readableLength: number } }).zip.readableLength;
    return uncompressed + zipped + output.readableLength;
  };

  // Set when the reader stops early (a cancelled download): the writer then stops loading rows.
  let stopped = false;
  // The reader reports errors; without a listener, one raised after it stopped would end the process.
  output.on("error", () => {});

  /** A sheet with its header row; `part` > 1 continues a table that outgrew Excel's rows per sheet. */
  function openSheet(table: ExportTable, part: number) {
    const suffix = part > 1 ? ` (${part})` : "";
    const sheet = workbook.addWorksheet(`${table.title.slice(0, 31 - suffix.length)}${suffix}`, {
      views: [{ state: "frozen", ySplit: 1 }],
      // Printed as people print such tables: landscape, as wide as the page, the header on every page.
      pageSetup: {
        orientation: "landscape",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "1:1",
      },
    });
    sheet.columns = table.columns.map((column) => ({
      width: column.width,
      style: NUMBER_FORMATS[column.type] ? { numFmt: NUMBER_FORMATS[column.type] } : {},
    }));
    const header = sheet.addRow(table.columns.map((column) => column.header));
    header.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: "FFFFFFFF" } };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1E4E8C" } };
      cell.numFmt = "@";
      cell.alignment = { vertical: "middle" };
    });
    header.commit();
    return sheet;
  }
  function closeSheet(sheet: ExcelJS.Worksheet, rows: number, columns: number) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows, column: columns } };
    sheet.commit();
  }

  function writeAbout({ title, lines }: XlsxAbout) {
    const sheet = workbook.addWorksheet(title.slice(0, 31), {
      pageSetup: { orientation: "portrait", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    sheet.columns = [{ width: 28 }, { width: 80 }];
    for (const [label, value] of lines) {
      const row = sheet.addRow([label, neutralise(value)]);
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { wrapText: true, vertical: "top" };
      row.commit();
    }
    sheet.commit();
  }

  const writing = (async () => {
    if (about) writeAbout(about);
    // Sheets one after another: the zip holds one entry open at a time, and a second sheet's rows
    // would wait in memory until the first is done.
    for (const { table, batches } of sheets) {
      let part = 1;
      sheet = openSheet(table, part);
      let lastRow = 1;
      for await (const rows of batches()) {
        if (stopped) return;
        for (const row of rows) {
          if (lastRow === maxRows) {
            closeSheet(sheet, lastRow, table.columns.length);
            part += 1;
            sheet = openSheet(table, part);
            lastRow = 1;
          }
          sheet.addRow(table.columns.map((column) => xlsxCell(column.type, column.value(row)))).commit();
          lastRow += 1;
        }
        // SQLite answers without leaving the thread: without a turn of the event loop here, the zip's
        // compression (done off the thread) would wait for the whole workbook and hold it in memory.
        await nextTurn();
        while (!stopped && pending() > HIGH_WATER_BYTES) await delay(5);
      }
      closeSheet(sheet, lastRow, table.columns.length);
    }
    await workbook.commit();
  })();
  writing.catch((error: unknown) => output.destroy(error as Error));

  try {
    for await (const chunk of output) yield chunk as Uint8Array;
    await writing;
  } finally {
    stopped = true;
  }
}
