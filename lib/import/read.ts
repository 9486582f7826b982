// Reading an uploaded file into the rows an import keeps: an .xlsx workbook (a zip archive) or CSV.
// Runs in the import worker (worker.ts), never in the app's process: see worker-process.ts.
import { ItemRowCollector } from "./collect";
import type { ImportRow } from "./columns";
import { readCsv } from "./csv";
import { ImportFileError, MAX_FILE_BYTES } from "./file";
import { readWorkbook } from "./xlsx";

// An .xlsx file is a zip archive: "PK\x03\x04".
const isZip = (bytes: Uint8Array) =>
  bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** The item rows of the file's item sheets (empty rows left out), or an ImportFileError saying why not. */
export async function readImportFile(bytes: Uint8Array): Promise<ImportRow[]> {
  if (bytes.byteLength === 0) throw new ImportFileError("empty");
  if (bytes.byteLength > MAX_FILE_BYTES) throw new ImportFileError("tooLarge");
  const collector = new ItemRowCollector();
  if (isZip(bytes)) await readWorkbook(bytes, collector);
  else await readCsv(bytes, collector);
  return collector.finish();
}
