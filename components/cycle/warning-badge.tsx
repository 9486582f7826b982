import { useTranslations } from "next-intl";
import type { WarningLevel } from "@/lib/db/enums";
import { cn } from "@/lib/utils";

const TONE: Record<WarningLevel, string> = {
  red: "bg-red-100 text-red-800 ring-red-300",
  yellow: "bg-amber-100 text-amber-900 ring-amber-300",
  blue: "bg-sky-100 text-sky-900 ring-sky-300",
};

/** A 三色预警 level or a 督办单's level: its colour and its name (never the colour alone). */
export function WarningBadge({ level, className }: { level: WarningLevel | null; className?: string }) {
  const t = useTranslations("supervision.level");
  if (level === null) return <span className="text-slate-500">—</span>;
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset",
        TONE[level],
        className,
      )}
      data-warning={level}
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-current" />
      {t(level)}
    </span>
  );
}
