// An export from its parsed query, as the export worker (worker.ts) writes it.
import type { SqlReader } from "@/lib/db/sql";
import type { Locale } from "@/lib/i18n/routing";
import { aboutJson, aboutLines, describeExport, type ExportAuthor } from "./about";
import { exportTable } from "./columns";
import { csvChunks } from "./csv";
import { exportTranslator } from "./i18n";
import { jsonChunks } from "./json";
import { type ExportPart, type ExportQuery, exportParts } from "./params";
import { EXPORT_BATCH, exportBatches, openExportView } from "./rows";
import { xlsxChunks } from "./xlsx";

/** Who asked for an export, and when: the file says so (about.ts). */
export type ExportRequest = { author: ExportAuthor; exportedAt: Date };

/**
 * An export's view, and its file as chunks that load and write the rows as they are read. `batches` is
 * how many batches of items the export reads over all its parts; `onRows` hears of each one written.
 */
export async function prepareExport(
  db: SqlReader,
  query: ExportQuery,
  locale: Locale,
  today: Date,
  request: ExportRequest,
  onRows?: (count: number) => void,
) {
  const view = await openExportView(db, query, today);
  const parts = exportParts(query);
  const batchCount = parts.length * Math.ceil(view.ids.length / EXPORT_BATCH[db.provider]);
  const messages = exportTranslator(locale);
  const tables = parts.map((part) => exportTable(part, query.kind, locale, messages));
  const about = await describeExport(db, { query, parts, items: view.ids.length, today, ...request });
  async function* batches<P extends ExportPart>(part: P) {
    for await (const rows of exportBatches(db, view, part)) {
      yield rows;
      // Back here once the writer has written them.
      onRows?.(rows.length);
    }
  }
  const first = tables[0];
  if (!first) throw new Error("An export has at least one part");
  const chunks =
    query.format === "csv"
      ? csvChunks(first, batches(first.part))
      : query.format === "json"
        ? jsonChunks(aboutJson(about), batches(first.part))
        : xlsxChunks(
            tables.map((table) => ({ table, batches: () => batches(table.part) })),
            messages("export.appName"),
            {
              title: messages("export.about.sheet"),
              lines: aboutLines(
                about,
                locale,
                messages,
                tables.map((table) => table.title),
              ),
            },
          );
  return { chunks, view, batches: batchCount };
}
