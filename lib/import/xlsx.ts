// Reading an .xlsx workbook as a stream, with every limit checked while it is read: the zip's central
// directory through yauzl (which also fails an entry whose inflated bytes pass its declared size, so a
// lying header gains nothing), and the XML parts through saxes, a row at a time. Only the parts a
// workbook's cells need are read (workbook, relationships, styles, shared strings, sheets), each
// counted against MAX_UNZIPPED_BYTES as it inflates; a sheet that is not one of items is left after
// its header row, and the reading stops at the first row past the limit.

import { posix } from "node:path";
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl from "yauzl";
import { DAY_MS } from "@/lib/dates";
import type { ItemRowCollector } from "./collect";
import {
  type Cell,
  ImportFileError,
  MAX_CELL_CHARS,
  MAX_SHARED_STRING_CHARS,
  MAX_UNZIPPED_BYTES,
} from "./file";

// A workbook has a few dozen parts; a zip of thousands is not one.
const MAX_ENTRIES = 2000;
// Excel's last column is XFD.
const MAX_COLUMNS = 16_384;

type Entries = Map<string, yauzl.Entry>;

/** Counts what has been inflated from the file so far, over all its parts. */
class Budget {
  private bytes = 0;
  take(count: number) {
    this.bytes += count;
    if (this.bytes > MAX_UNZIPPED_BYTES) throw new ImportFileError("expandedTooLarge");
  }
}

class Stop extends Error {}

export async function readWorkbook(bytes: Uint8Array, collector: ItemRowCollector): Promise<void> {
  let zip: yauzl.ZipFile;
  let entries: Entries;
  try {
    // validateEntrySizes (yauzl's default, set here so that it stays) fails an entry that inflates to
    // more bytes than its header declares.
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      validateEntrySizes: true,
      strictFileNames: false,
    });
    if (zip.entryCount > MAX_ENTRIES) throw new ImportFileError("notSpreadsheet");
    entries = new Map();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("notSpreadsheet");
  }
  const budget = new Budget();
  const part = (name: string, handlers: XmlHandlers) => readPart(zip, entries, name, budget, handlers);

  const workbookPath =
    relationshipTargets(await readRelationships(part, "_rels/.rels", ""), "officeDocument")[0] ??
    "xl/workbook.xml";
  const workbook = await readWorkbookPart(part, workbookPath);
  const relationships = await readRelationships(part, relationshipsPathOf(workbookPath), workbookPath);
  const stylesPath = relationshipTargets(relationships, "styles")[0];
  const sharedStringsPath = relationshipTargets(relationships, "sharedStrings")[0];
  const styles = stylesPath ? await readStyles(part, stylesPath) : [];
  const strings = sharedStringsPath ? await readSharedStrings(part, sharedStringsPath) : [];
  for (const sheet of workbook.sheets) {
    const target = relationships.get(sheet.relationshipId);
    if (!target || !entries.has(target.path)) continue;
    collector.startSheet(sheet.name);
    await readSheet(part, target.path, { strings, styles, date1904: workbook.date1904 }, collector);
  }
}

// XML parts ----------------------------------------------------------------------------------------

type XmlHandlers = {
  open?: (name: string, attributes: Record<string, string>) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
};

/** The part's local tag names ("x:row" → "row"): some writers prefix SpreadsheetML's namespace. */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Streams one part of the zip through an XML parser. A missing part reads as empty. Throwing Stop from
 * a handler ends the part early (the rest is never inflated).
 */
async function readPart(
  zip: yauzl.ZipFile,
  entries: Entries,
  name: string,
  budget: Budget,
  handlers: XmlHandlers,
): Promise<void> {
  const entry = entries.get(name);
  if (!entry) return;
  // The declared size first: a part that says it is too large is refused before a byte is inflated.
  if (entry.uncompressedSize > MAX_UNZIPPED_BYTES) throw new ImportFileError("expandedTooLarge");
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw new ImportFileError("notSpreadsheet");
  }
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: unknown = null;
  const guard =
    <A extends unknown[]>(run?: (...args: A) => void) =>
    (...args: A) => {
      if (failure || !run) return;
      try {
        run(...args);
      } catch (error) {
        failure = error;
      }
    };
  const open = guard(handlers.open);
  parser.on("opentag", (tag: SaxesTagPlain) =>
    open(local(tag.name), tag.attributes as Record<string, string>),
  );
  parser.on("text", guard(handlers.text));
  parser.on("cdata", guard(handlers.text));
  parser.on(
    "closetag",
    guard((tag: SaxesTagPlain) => handlers.close?.(local(tag.name))),
  );
  parser.on("error", (error) => {
    failure ??= error;
  });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      budget.take(chunk.length);
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failure) break;
    }
    if (!failure) parser.write(decoder.decode()).close();
  } catch (error) {
    failure ??= error;
  } finally {
    stream.destroy();
  }
  if (failure instanceof Stop || failure === null) return;
  if (failure instanceof ImportFileError) throw failure;
  // Bad XML, bad UTF-8, a corrupt deflate stream, or yauzl's "too many bytes in the stream": an entry
  // inflating past its declared size is the lying header of a zip bomb.
  if (failure instanceof Error && /too many bytes/i.test(failure.message))
    throw new ImportFileError("expandedTooLarge");
  throw new ImportFileError("notSpreadsheet");
}

type Relationships = Map<string, { type: string; path: string }>;

function relationshipsPathOf(partPath: string): string {
  return posix.join(posix.dirname(partPath), "_rels", `${posix.basename(partPath)}.rels`);
}

async function readRelationships(
  part: (name: string, handlers: XmlHandlers) => Promise<void>,
  path: string,
  source: string,
): Promise<Relationships> {
  const relationships: Relationships = new Map();
  await part(path, {
    open(name, attributes) {
      if (name !== "Relationship" || !attributes.Id || !attributes.Target) return;
      if (attributes.TargetMode === "External") return;
      const target = attributes.Target.startsWith("/")
        ? attributes.Target.slice(1)
        : posix.normalize(posix.join(posix.dirname(source), attributes.Target));
      relationships.set(attributes.Id, { type: attributes.Type ?? "", path: target });
    },
  });
  return relationships;
}

/** Targets of a relationship type, by the type's last segment ("…/relationships/styles"). */
const relationshipTargets = (relationships: Relationships, type: string) =>
  [...relationships.values()].filter((rel) => rel.type.endsWith(`/${type}`)).map((rel) => rel.path);

async function readWorkbookPart(part: (name: string, handlers: XmlHandlers) => Promise<void>, path: string) {
  const sheets: { name: string; relationshipId: string }[] = [];
  let date1904 = false;
  await part(path, {
    open(name, attributes) {
      if (name === "workbookPr") date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      if (name === "sheet") {
        const relationshipId =
          attributes["r:id"] ?? Object.entries(attributes).find(([key]) => key.endsWith(":id"))?.[1];
        if (relationshipId) sheets.push({ name: attributes.name ?? "", relationshipId });
      }
    },
  });
  return { sheets, date1904 };
}

// Styles: which cells hold dates and which percentages ----------------------------------------------

type CellFormat = "date" | "percent" | "number";

// Excel's built-in number formats that show dates or times (including the East Asian ones).
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
const BUILT_IN_PERCENT = new Set([9, 10]);

export function formatOf(id: number, code: string | undefined): CellFormat {
  if (BUILT_IN_PERCENT.has(id)) return "percent";
  if (BUILT_IN_DATES.has(id)) return "date";
  if (!code) return "number";
  // Quoted text, escaped characters and [colour]/[$-locale] sections say nothing of the kind of value.
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (bare.includes("%")) return "percent";
  if (/general/i.test(bare)) return "number";
  return /[ymdhs]/i.test(bare) ? "date" : "number";
}

async function readStyles(
  part: (name: string, handlers: XmlHandlers) => Promise<void>,
  path: string,
): Promise<CellFormat[]> {
  const codes = new Map<number, string>();
  const formats: CellFormat[] = [];
  const ids: number[] = [];
  let inCellXfs = false;
  await part(path, {
    open(name, attributes) {
      if (name === "numFmt" && attributes.numFmtId)
        codes.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) ids.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  for (const id of ids) formats.push(formatOf(id, codes.get(id)));
  return formats;
}

// Shared strings --------------------------------------------------------------------------------------

async function readSharedStrings(
  part: (name: string, handlers: XmlHandlers) => Promise<void>,
  path: string,
): Promise<string[]> {
  const strings: string[] = [];
  let total = 0;
  let current: string | null = null;
  let inText = false;
  // Phonetic guides (<rPh>) are not part of the cell's text.
  let inPhonetic = false;
  await part(path, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") inPhonetic = true;
      else if (name === "t") inText = !inPhonetic;
    },
    text(text) {
      if (current === null || !inText) return;
      total += text.length;
      if (total > MAX_SHARED_STRING_CHARS) throw new ImportFileError("expandedTooLarge");
      current += text;
      if (current.length > MAX_CELL_CHARS) throw new ImportFileError("cellTooLong", { max: MAX_CELL_CHARS });
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si" && current !== null) {
        strings.push(current);
        current = null;
      }
    },
  });
  return strings;
}

// Sheets ----------------------------------------------------------------------------------------------

type SheetContext = { strings: string[]; styles: CellFormat[]; date1904: boolean };

/** "BC12" → 54 (0-based column of B C). */
export function columnOf(reference: string): number {
  let column = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column - 1;
}

async function readSheet(
  part: (name: string, handlers: XmlHandlers) => Promise<void>,
  path: string,
  context: SheetContext,
  collector: ItemRowCollector,
): Promise<void> {
  let rowNumber = 0;
  let cells: Cell[] = [];
  let column = -1;
  let cell: { type: string; style: number; value: string; inline: string | null } | null = null;
  let target: "value" | "inline" | null = null;
  let inPhonetic = false;
  await part(path, {
    open(name, attributes) {
      if (name === "row") {
        rowNumber = attributes.r ? Number(attributes.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1) throw new ImportFileError("notSpreadsheet");
        cells = [];
        column = -1;
      } else if (name === "c") {
        column = attributes.r ? columnOf(attributes.r) : column + 1;
        if (column < 0 || column >= MAX_COLUMNS) throw new ImportFileError("notSpreadsheet");
        cell = { type: attributes.t ?? "n", style: Number(attributes.s ?? 0), value: "", inline: null };
      } else if (cell && name === "v") target = "value";
      else if (cell && name === "is") cell.inline = "";
      else if (cell && name === "rPh") inPhonetic = true;
      else if (cell?.inline !== null && cell && name === "t" && !inPhonetic) target = "inline";
    },
    text(text) {
      if (!cell || !target) return;
      if (target === "value") cell.value += text;
      else cell.inline = (cell.inline ?? "") + text;
      if (cell.value.length > MAX_CELL_CHARS || (cell.inline?.length ?? 0) > MAX_CELL_CHARS)
        throw new ImportFileError("cellTooLong", { max: MAX_CELL_CHARS, row: rowNumber });
    },
    close(name) {
      if (name === "v" || name === "t") target = null;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "c" && cell) {
        cells[column] = cellValue(cell, context);
        cell = null;
      } else if (name === "row") {
        // Left sparse: a cell in column XFD must not make every row 16,384 cells long.
        if (collector.row(rowNumber, cells) === "skipSheet") throw new Stop();
      }
    },
  });
}

function cellValue(
  cell: { type: string; style: number; value: string; inline: string | null },
  context: SheetContext,
): Cell {
  switch (cell.type) {
    case "s": {
      const text = context.strings[Number(cell.value)];
      return text === undefined ? null : blankToNull(text);
    }
    case "inlineStr":
      return blankToNull(cell.inline ?? "");
    case "str":
      return blankToNull(cell.value);
    case "b":
      return cell.value === "1" ? "true" : cell.value === "0" ? "false" : null;
    case "e":
      return null;
    case "d":
      // An ISO 8601 date cell (rare: Excel writes serial numbers).
      return isoDay(cell.value) ?? blankToNull(cell.value);
    default: {
      if (cell.value.trim() === "") return null;
      const number = Number(cell.value);
      if (!Number.isFinite(number)) return blankToNull(cell.value);
      const format = context.styles[cell.style] ?? "number";
      if (format === "percent") return number * 100;
      // A serial that is no day (1e20, -5) stays a number: the dry run says the cell is no date.
      if (format === "date") return serialDay(number, context.date1904) ?? number;
      return number;
    }
  }
}

/**
 * An Excel date serial as the calendar day it shows, or null when it is none (outside 1900–9999).
 * Serials count days from 1899-12-30 (the 1900 system, as exceljs writes them) or from 1904-01-01.
 */
export function serialDay(serial: number, date1904 = false): { day: string } | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > 2_958_465) return null;
  const days = serial + (date1904 ? 1462 : 0);
  // Rounded to the second, so that 45000.99999999 (a time of 23:59:59.999…) stays on its day.
  const ms = Math.round(((days - 25569) * DAY_MS) / 1000) * 1000;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1900 || date.getUTCFullYear() > 9999)
    return null;
  return { day: date.toISOString().slice(0, 10) };
}

function isoDay(text: string): { day: string } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  if (!match) return null;
  const date = new Date(`${match[0]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== match[0]
    ? null
    : { day: match[0] };
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
