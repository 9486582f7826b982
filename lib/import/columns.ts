// Which column of a sheet holds what: headers are recognised by the field's key or its label in either
// language (the export's and the template's headers), so that a file exported in English can be imported
// by a user reading Chinese. A sheet without an item code and a status or progress column is not one
// of items (an export's evidence or history sheet) and is left alone (lib/import/collect.ts).
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { Cell } from "./file";

export const IMPORT_FIELDS = [
  "proposal",
  "recommendation",
  "code",
  "status",
  "progress",
  "effectiveDate",
  "comment",
  "evidenceUrl",
  "evidenceTitle",
  "version",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** One data row of an item sheet, by field; where it is, for messages. */
export type ImportRow = {
  sheet: string | null;
  row: number;
  values: Partial<Record<ImportField, Cell>>;
};

type Labels = Partial<Record<string, Record<string, string>>>;
const normalise = (text: string) => text.replace(/\s+/g, "").toLowerCase();

/** Every header that names a field: its key, and its labels in both languages. */
const HEADER_FIELDS: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => {
    const labels = [zh, en].flatMap((messages) =>
      ["import", "export"].flatMap((namespace) => {
        const columns = (messages as unknown as Record<string, Labels>)[namespace]?.column;
        const label = columns?.[field];
        return typeof label === "string" ? [label] : [];
      }),
    );
    return [field, ...labels].map((header) => [normalise(header), field] as const);
  }),
);

export function fieldOfHeader(header: Cell): ImportField | null {
  return typeof header === "string" ? (HEADER_FIELDS.get(normalise(header)) ?? null) : null;
}
