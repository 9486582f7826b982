// Timing summaries, targets and the printed tables of `npm run bench`.

export type Provider = "sqlite" | "postgresql";

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
}

/** A bound a case should stay within; `onlyOn` limits it to one database. */
export interface Target {
  /** app median / floor median */
  maxRatio?: number;
  maxMedianMs?: number;
  maxP95Ms?: number;
  onlyOn?: Provider;
}

export interface TargetResult {
  label: string;
  /** null: cannot be judged (no app function yet, or the case failed). */
  pass: boolean | null;
}

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

export function summarize(timesMs: readonly number[]): Timing {
  return {
    runs: timesMs.length,
    medianMs: round(percentile(timesMs, 50)),
    p95Ms: round(percentile(timesMs, 95)),
    meanMs: round(timesMs.reduce((sum, t) => sum + t, 0) / timesMs.length),
  };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function judgeTargets(
  targets: Target | readonly Target[] | undefined,
  provider: Provider,
  app: Timing | null,
  ratio: number | null,
): TargetResult[] {
  const list = targets === undefined ? [] : Array.isArray(targets) ? targets : [targets as Target];
  const results: TargetResult[] = [];
  for (const target of list) {
    if (target.onlyOn && target.onlyOn !== provider) continue;
    if (target.maxRatio !== undefined)
      results.push({
        label: `≤${target.maxRatio}× floor`,
        pass: ratio === null ? null : ratio <= target.maxRatio,
      });
    if (target.maxMedianMs !== undefined)
      results.push({
        label: `median ≤${target.maxMedianMs} ms`,
        pass: app === null ? null : app.medianMs <= target.maxMedianMs,
      });
    if (target.maxP95Ms !== undefined)
      results.push({
        label: `p95 ≤${target.maxP95Ms} ms`,
        pass: app === null ? null : app.p95Ms <= target.maxP95Ms,
      });
  }
  return results;
}

export function passMark(pass: boolean | null): string {
  return pass === null ? "n/a" : pass ? "PASS" : "FAIL";
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, i) => Math.max(width(title), ...rows.map((row) => width(row[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(Math.max(0, (widths[i] ?? 0) - width(cell)));
        return /^[\d.,×%-]+( ms| MB|×)?$/.test(cell) ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let columns = 0;
  for (const char of text)
    columns +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        char,
      )
        ? 2
        : 1;
  return columns;
}

export const ms = (value: number | undefined | null) =>
  value === undefined || value === null || Number.isNaN(value) ? "-" : value.toFixed(1);
