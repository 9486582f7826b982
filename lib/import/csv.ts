// Reading a CSV file as a stream of records: decoded as UTF-8 (with or without BOM) or GB18030/GBK
// (what Chinese Excel saves by default), and refused when it decodes cleanly in neither, so that a file
// in another encoding (Latin-1, Shift-JIS…) never reaches the history as mojibake. Comma, semicolon or
// tab separated. The records are handed on one at a time, and the parser stops when the collector does.
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { ItemRowCollector } from "./collect";
import { ImportFileError } from "./file";

const CHUNK_CHARS = 64 * 1024;

export async function readCsv(bytes: Uint8Array, collector: ItemRowCollector): Promise<void> {
  const text = decodeText(bytes);
  if (text.includes("\u0000")) throw new ImportFileError("notSpreadsheet");
  collector.startSheet(null);
  const parser = parse({
    delimiter: delimiterOf(text),
    relax_column_count: true,
    relax_quotes: true,
    bom: true,
  });
  const source = Readable.from(chunksOf(text));
  source.pipe(parser);
  let index = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      index += 1;
      if (collector.row(index, record.map(blankToNull)) === "skipSheet") break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError("notSpreadsheet");
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}

function* chunksOf(text: string) {
  for (let start = 0; start < text.length; start += CHUNK_CHARS) yield text.slice(start, start + CHUNK_CHARS);
}

/**
 * UTF-8 when the bytes are valid UTF-8 (Chinese GBK text practically never is), else GB18030 when they
 * are valid GB18030; text holding U+FFFD was already damaged by an earlier conversion. Otherwise the
 * file is refused, naming the encodings accepted.
 */
export function decodeText(bytes: Uint8Array): string {
  let text: string | null = null;
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
      break;
    } catch {
      // Not this one.
    }
  }
  if (text === null || text.includes("\ufffd")) throw new ImportFileError("encoding");
  return text;
}

/** The separator the header line uses most, outside quotes: comma, semicolon or tab. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, 64 * 1024).split(/\r?\n/, 1)[0] ?? "";
  const unquoted = firstLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((separator) => [separator, unquoted.split(separator).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function blankToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
