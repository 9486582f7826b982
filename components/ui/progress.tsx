import { cn } from "@/lib/utils";

/** A determinate progress bar (0–100) with an accessible name; the number is shown beside it. */
export function Progress({ value, label, className }: { value: number; label: string; className?: string }) {
  const clamped = Math.min(100, Math.max(0, value));
  return (
    <div className={cn("flex items-center gap-2", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped}
        className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${clamped}%` }} />
      </div>
      <span className="w-10 text-right text-sm tabular-nums text-slate-700">{clamped}%</span>
    </div>
  );
}
