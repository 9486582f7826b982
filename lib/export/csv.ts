// CSV as Excel opens it: UTF-8 with a byte order mark (else Excel reads Chinese as another code page),
// CRLF line ends and RFC 4180 quoting, one header row in the user's language.
import { stringify } from "csv-stringify/sync";
import { csvCell } from "./cells";
import type { ExportTable } from "./columns";
import type { ExportPart } from "./params";
import type { ExportRowOf } from "./rows";

export async function* csvChunks<P extends ExportPart>(
  table: ExportTable<P>,
  batches: AsyncIterable<ExportRowOf[P][]>,
): AsyncGenerator<string> {
  const options = { record_delimiter: "\r\n" as const };
  yield stringify([table.columns.map((column) => column.header)], { ...options, bom: true });
  for await (const rows of batches) {
    if (!rows.length) continue;
    yield stringify(
      rows.map((row) => table.columns.map((column) => csvCell(column.type, column.value(row)))),
      options,
    );
  }
}
