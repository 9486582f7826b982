// How the API writes values: instants as ISO 8601 in UTC, calendar dates (due dates, effective
// dates, reply dates…, stored as midnight in Shanghai) as "YYYY-MM-DD" in Asia/Shanghai.
import { z } from "zod";
import { toShanghaiDateString } from "@/lib/dates";

export const instantSchema = z.iso.datetime().describe("An instant, ISO 8601 in UTC.");
export const calendarDateSchema = z.iso.date().describe("A calendar date in Asia/Shanghai, YYYY-MM-DD.");

export function apiInstant(value: Date): string;
export function apiInstant(value: Date | null): string | null;
export function apiInstant(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function apiDate(value: Date): string;
export function apiDate(value: Date | null): string | null;
export function apiDate(value: Date | null): string | null {
  return value ? toShanghaiDateString(value) : null;
}
