"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useRouter } from "@/lib/i18n/navigation";
import { COMPLETED_COLOR, PROGRESS_COLOR } from "@/lib/tracking/status-palette";

/** One bar: its label, value and colour, and the table view of its items (none for "no theme" and the like). */
export type BarDatum = { key: string; label: string; value: number; color: string; href: string | null };

const percent = (value: number) => `${Math.round(value)}%`;

/**
 * Horizontal bars, one per category; clicking a bar opens its items in the tracking table. The chart is
 * drawn for sighted mouse users; ChartFigure's table carries the same data and links for everyone else.
 */
export function CategoryBars({
  data,
  valueLabel,
  asPercent = false,
  labelWidth = 96,
}: {
  data: BarDatum[];
  valueLabel: string;
  asPercent?: boolean;
  labelWidth?: number;
}) {
  const router = useRouter();
  const height = Math.max(120, data.length * 34 + 40);
  return (
    <div aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={data}
          layout="vertical"
          accessibilityLayer={false}
          margin={{ top: 4, right: 24, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis
            type="number"
            domain={asPercent ? [0, 100] : [0, "auto"]}
            allowDecimals={false}
            tickFormatter={asPercent ? percent : undefined}
            tick={{ fontSize: 12, fill: "#475569" }}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            tick={{ fontSize: 12, fill: "#334155" }}
            interval={0}
          />
          <Tooltip
            formatter={(value) => [asPercent ? percent(Number(value)) : value, valueLabel]}
            cursor={{ fill: "#f1f5f9" }}
          />
          <Bar
            dataKey="value"
            name={valueLabel}
            isAnimationActive={false}
            shape={(props: unknown) => {
              const bar = props as { x: number; y: number; width: number; height: number; payload: BarDatum };
              return (
                <Rectangle
                  x={bar.x}
                  y={bar.y}
                  width={bar.width}
                  height={bar.height}
                  fill={bar.payload.color}
                  className={bar.payload.href ? "cursor-pointer" : undefined}
                  data-segment={bar.payload.key}
                />
              );
            }}
            onClick={(item) => {
              const href = (item.payload as BarDatum | undefined)?.href;
              if (href) router.push(href);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type TimelinePoint = { month: string; completed: number; averageProgress: number };

/** Completed items (bars) and average progress (line) at the end of each month. */
export function TimelineChart({
  data,
  completedLabel,
  progressLabel,
}: {
  data: TimelinePoint[];
  completedLabel: string;
  progressLabel: string;
}) {
  return (
    <div aria-hidden="true" className="h-72">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={data}
          accessibilityLayer={false}
          margin={{ top: 8, right: 8, bottom: 4, left: 4 }}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="month" tick={{ fontSize: 12, fill: "#475569" }} minTickGap={16} />
          <YAxis yAxisId="items" allowDecimals={false} tick={{ fontSize: 12, fill: "#475569" }} width={40} />
          <YAxis
            yAxisId="progress"
            orientation="right"
            domain={[0, 100]}
            tickFormatter={percent}
            tick={{ fontSize: 12, fill: "#475569" }}
            width={44}
          />
          <Tooltip
            formatter={(value, name) => [name === progressLabel ? percent(Number(value)) : value, name]}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar
            yAxisId="items"
            dataKey="completed"
            name={completedLabel}
            fill={COMPLETED_COLOR}
            isAnimationActive={false}
          />
          <Line
            yAxisId="progress"
            dataKey="averageProgress"
            name={progressLabel}
            stroke={PROGRESS_COLOR}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
