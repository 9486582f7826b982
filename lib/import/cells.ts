// What an import's cells say, read leniently the way people fill spreadsheets in: a status by its key or
// its name in either language, progress as 45, "45%" or a percentage cell, a day as a date cell or as
// 2025-06-30, 2025/6/30, 2025.6.30 or 2025年6月30日.
import { isIsoDate } from "@/lib/dates";
import { ItemStatus } from "@/lib/db/enums";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { Cell } from "./file";

type Read<T> = { value: T } | { problem: string } | null;

const STATUS_NAMES: ReadonlyMap<string, ItemStatus> = new Map(
  Object.values(ItemStatus).flatMap((status) =>
    [status, zh.status[status], en.status[status]].map((name) => [name.toLowerCase(), status] as const),
  ),
);

/** Null for an empty cell (keep the current value). */
export function readStatus(cell: Cell): Read<ItemStatus> {
  if (cell === null) return null;
  const status = STATUS_NAMES.get(String(typeof cell === "object" ? cell.day : cell).toLowerCase());
  return status ? { value: status } : { problem: "statusInvalid" };
}

export function readProgress(cell: Cell): Read<number> {
  if (cell === null) return null;
  let value: number;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "string" && /^-?\d+(\.\d+)?\s*%?$/.test(cell)) value = Number.parseFloat(cell);
  else return { problem: "progressInvalid" };
  // A percentage cell of 0.45 reads as 45.00000000000001.
  const rounded = Math.round(value * 1e6) / 1e6;
  if (!Number.isInteger(rounded)) return { problem: "progressInvalid" };
  if (rounded < 0 || rounded > 100) return { problem: "progressRange" };
  return { value: rounded };
}

const DAY_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
];

/** A calendar day as "YYYY-MM-DD"; null for an empty cell. */
export function readDay(cell: Cell): Read<string> {
  if (cell === null) return null;
  if (typeof cell === "object") return { value: cell.day };
  const text = String(cell).trim();
  for (const pattern of DAY_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year = "", month = "", day = ""] = match.slice(1);
    const value = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    // 2025-02-30 is no day, nor is one the app does not take (lib/dates.ts).
    return isIsoDate(value) ? { value } : { problem: "dateInvalid" };
  }
  return { problem: "dateInvalid" };
}

export function readVersion(cell: Cell): Read<number> {
  if (cell === null) return null;
  const value = typeof cell === "number" ? cell : typeof cell === "string" ? Number(cell) : Number.NaN;
  return Number.isInteger(value) && value >= 1 ? { value } : { problem: "versionInvalid" };
}

export function readText(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === "object" ? cell.day : String(cell);
}
