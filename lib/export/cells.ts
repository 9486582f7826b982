import { toShanghaiDateString } from "@/lib/dates";
import type { CellType, CellValue } from "./columns";
import { neutralise } from "./neutralise";

const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** A moment as Shanghai wall-clock time, "YYYY-MM-DD hh:mm:ss". */
export function shanghaiMoment(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

/** A cell as CSV text: days as YYYY-MM-DD and moments as Shanghai time, free text neutralised. */
export function csvCell(type: CellType, value: CellValue): string {
  if (value === null) return "";
  if (value instanceof Date) {
    if (type === "day") return toShanghaiDateString(value);
    return shanghaiMoment(value);
  }
  if (typeof value === "number") return String(value);
  return neutralise(value);
}

/**
 * A cell as the workbook holds it. Excel's dates have no time zone: a day or moment is written as its
 * Shanghai wall-clock reading (exceljs reads a Date's UTC fields). Progress is a fraction shown as %.
 */
export function xlsxCell(type: CellType, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (value instanceof Date) {
    if (type === "day") return new Date(`${toShanghaiDateString(value)}T00:00:00Z`);
    return new Date(value.getTime() + SHANGHAI_OFFSET_MS);
  }
  if (typeof value === "number") return type === "percent" ? value / 100 : value;
  return neutralise(value);
}
