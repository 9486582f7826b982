// Which column of a sheet holds what: headers are recognised by the field's key or its label in either
// language (the export's and the template's headers), so that a file exported in English can be imported
// by a user reading Chinese. A sheet without an item code and a status or progress column is not one
// of items (an export's evidence or history sheet) and is left alone.
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { Cell, SheetRows } from "./file";

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

/** The item rows of every sheet that has an item code and a status or progress column. */
export function itemRows(sheets: SheetRows[]): ImportRow[] {
  return sheets.flatMap((sheet) => {
    const [header, ...data] = sheet.rows;
    if (!header) return [];
    const columns = header.cells.map(fieldOfHeader);
    const has = (field: ImportField) => columns.includes(field);
    if (!has("code") || !(has("status") || has("progress"))) return [];
    return data.map((row) => {
      const values: ImportRow["values"] = {};
      columns.forEach((field, index) => {
        // The first column of a field counts; a repeated header is ignored.
        if (field && !(field in values)) values[field] = row.cells[index] ?? null;
      });
      return { sheet: sheet.sheet, row: row.number, values };
    });
  });
}

/** Whether any sheet of the file is one of items, to tell "wrong file" from "no rows". */
export function hasItemSheet(sheets: SheetRows[]): boolean {
  return sheets.some((sheet) => {
    const columns = (sheet.rows[0]?.cells ?? []).map(fieldOfHeader);
    return columns.includes("code") && (columns.includes("status") || columns.includes("progress"));
  });
}
