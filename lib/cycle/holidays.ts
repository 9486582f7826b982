// The published 法定节假日 and 调休 working days (the State Council's notices, as the chinese-days package
// carries them), for a fresh database's calendar; admins keep the table from then on.
import published from "chinese-days/dist/chinese-days.json" with { type: "json" };
import { shanghaiDate } from "@/lib/dates";

export type CalendarDayRow = { day: Date; workday: boolean; nameZh: string; nameEn: string };

/** Each exception of the years `from`–`to`: the package names a day "English,中文,n". */
export function publishedCalendar(from: number, to: number): CalendarDayRow[] {
  const rows = (entries: Record<string, string>, workday: boolean) =>
    Object.entries(entries)
      .filter(([day]) => Number(day.slice(0, 4)) >= from && Number(day.slice(0, 4)) <= to)
      .map(([day, name]) => {
        const [nameEn = name, nameZh = name] = name.split(",");
        return { day: shanghaiDate(day), workday, nameZh, nameEn };
      });
  return [...rows(published.holidays, false), ...rows(published.workdays, true)].sort(
    (a, b) => a.day.getTime() - b.day.getTime(),
  );
}
