import type { Formats } from "next-intl";

/** The app's named date formats ("date", "dateTime"), shared by page renders and tests. */
export const FORMATS = {
  dateTime: {
    date: { year: "numeric", month: "short", day: "numeric" },
    dateTime: {
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    },
  },
} satisfies Formats;
