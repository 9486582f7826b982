// JSON of the same rows, for programs: raw values (status codes, not their names), days as
// YYYY-MM-DD, moments in ISO 8601; one object, {"view": what the export holds, "rows": [...]}, its
// rows streamed a batch at a time.
import { toShanghaiDateString } from "@/lib/dates";
import type { ExportPart } from "./params";
import type { ExportRowOf } from "./rows";

const DAY_KEYS = new Set([
  "startDate",
  "dueDate",
  "publishedAt",
  "effectiveDate",
  "assignedAt",
  "repliedAt",
  "feedbackAt",
]);

function replacer(this: Record<string, unknown>, key: string, value: unknown) {
  const original = this[key];
  if (original instanceof Date && DAY_KEYS.has(key)) return toShanghaiDateString(original);
  return value;
}

function jsonRow(row: object): string {
  const { href, ...rest } = row as { href?: string };
  return JSON.stringify(href === undefined ? rest : { ...rest, path: href }, replacer);
}

export async function* jsonChunks<P extends ExportPart>(
  view: object,
  batches: AsyncIterable<ExportRowOf[P][]>,
): AsyncGenerator<string> {
  yield `{"view":${JSON.stringify(view)},\n"rows":[`;
  let first = true;
  for await (const rows of batches) {
    if (!rows.length) continue;
    yield (first ? "\n" : ",\n") + rows.map(jsonRow).join(",\n");
    first = false;
  }
  yield "\n]}\n";
}
