import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { type FigureDisplay, percent, type Segment } from "@/lib/dashboard/view-model";
import { Link } from "@/lib/i18n/navigation";
import type { BarDatum } from "./charts";

export type FallbackRow = { key: string; label: string; values: (string | number)[]; href: string | null };

/** A segment as a chart draws it, with its label (and nothing more for the client to carry). */
export function barOf({ key, value, color, href }: Segment, label: string): BarDatum {
  return { key, label, value, color, href };
}

/** The bars' labels and values in one line, for the summary screen readers hear. */
export function summaryOf(bars: { label: string; value: number }[], separator: string, asPercent = false) {
  return bars.map((bar) => `${bar.label} ${asPercent ? percent(bar.value) : bar.value}`).join(separator);
}

/**
 * A chart with its title and a one-sentence summary for screen readers; or, in the tables display, the
 * same data as a table with the links the chart's segments open, for keyboards, screen readers and
 * copying. Each figure links to itself in the other display. The tables are a display of their own
 * rather than hidden under every chart: the page then carries only what is shown.
 */
export async function ChartFigure({
  id,
  title,
  description,
  summary,
  columns,
  rows,
  display,
  switchHref,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  summary: string;
  columns: string[];
  rows: FallbackRow[];
  display: FigureDisplay;
  /** This figure in the other display. */
  switchHref: string;
  children: ReactNode;
}) {
  const t = await getTranslations("dashboard");
  return (
    // min-w-0: as a grid item the card would otherwise widen to its table instead of scrolling it.
    <Card className="min-w-0">
      <figure
        id={`figure-${id}`}
        className="scroll-mt-4"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-summary`}
        data-testid={`chart-${id}`}
      >
        <CardHeader>
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          {description && <p className="mt-0.5 text-xs text-slate-600">{description}</p>}
        </CardHeader>
        <CardContent className="space-y-3">
          <p id={`${id}-summary`} className="sr-only">
            {summary}
          </p>
          {display === "charts" ? (
            children
          ) : (
            <div className="scroll-cue overflow-x-auto">
              {/* Headers and figures never break inside a word or a date (平均进/度); the box scrolls instead. */}
              <table className="w-full border-collapse text-left text-sm [&_td]:whitespace-nowrap [&_td]:px-2 [&_td]:py-1 [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    {columns.map((column) => (
                      <th key={column} scope="col" className="whitespace-nowrap font-medium">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.key} className="border-b border-slate-100">
                      <th scope="row" className="font-normal">
                        {row.href ? (
                          <Link href={row.href} className="text-brand-700 underline-offset-2 hover:underline">
                            {row.label}
                          </Link>
                        ) : (
                          row.label
                        )}
                      </th>
                      {row.values.map((value, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
                        <td key={index}>{value}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Link href={switchHref} className="inline-block text-sm text-brand-700 hover:underline" data-switch>
            {display === "charts" ? t("showTable") : t("showChart")}
          </Link>
        </CardContent>
      </figure>
    </Card>
  );
}
