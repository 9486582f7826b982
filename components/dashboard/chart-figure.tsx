import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Link } from "@/lib/i18n/navigation";

export type FallbackRow = { key: string; label: string; values: (string | number)[]; href: string | null };

/**
 * A chart with its title, a one-sentence summary for screen readers, and the same data as a table
 * (with the links the chart's segments open), for keyboards, screen readers and copying.
 */
export async function ChartFigure({
  id,
  title,
  description,
  summary,
  columns,
  rows,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  summary: string;
  columns: string[];
  rows: FallbackRow[];
  children: ReactNode;
}) {
  const t = await getTranslations("dashboard");
  return (
    <Card>
      <figure aria-labelledby={`${id}-title`} aria-describedby={`${id}-summary`} data-testid={`chart-${id}`}>
        <CardHeader>
          <CardTitle id={`${id}-title`}>{title}</CardTitle>
          {description && <p className="mt-0.5 text-xs text-slate-600">{description}</p>}
        </CardHeader>
        <CardContent className="space-y-3">
          <p id={`${id}-summary`} className="sr-only">
            {summary}
          </p>
          {children}
          <details className="text-sm">
            <summary className="cursor-pointer text-brand-700 hover:underline">{t("chartTable")}</summary>
            <div className="mt-2 overflow-x-auto">
              <table className="w-full border-collapse text-left [&_td]:px-2 [&_td]:py-1 [&_td]:tabular-nums [&_th]:px-2 [&_th]:py-1">
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr className="border-b border-slate-200 text-slate-600">
                    {columns.map((column) => (
                      <th key={column} scope="col" className="font-medium">
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
          </details>
        </CardContent>
      </figure>
    </Card>
  );
}
