// The report's three charts as PNG images: a Vega specification drawn to SVG without a browser, then
// rasterised by resvg with the shipped CJK font (no system fonts, no network) in a child process.
import { spawn } from "node:child_process";
import { join } from "node:path";
import * as vega from "vega";
import { COMPLETED_COLOR, PROGRESS_COLOR, STATUS_COLORS, STATUS_ORDER } from "@/lib/tracking/status-palette";
import type { ReportData } from "./data";
import { FONT_FAMILY, REGULAR_FONT_PATH, regularFont } from "./fonts";
import type { ReportLabels } from "./labels";
import { textToPaths } from "./text-paths";

// About the PDF's text width (1 px = 0.75 pt).
const WIDTH = 640;
// Rasterised at 3× so that print stays sharp.
export const CHART_SCALE = 3;

const config = {
  font: FONT_FAMILY,
  axis: {
    labelFont: FONT_FAMILY,
    titleFont: FONT_FAMILY,
    labelFontSize: 11,
    titleFontSize: 11,
    labelColor: "#334155",
  },
  legend: { labelFont: FONT_FAMILY, labelFontSize: 11 },
  text: { font: FONT_FAMILY },
};

async function toSvg(spec: vega.Spec): Promise<string> {
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

const RASTERIZE_SCRIPT = join(process.cwd(), "lib", "reports", "rasterize.mjs");
const RASTERIZE_TIMEOUT_MS = 30_000;

/** The SVGs as PNGs, drawn by rasterize.mjs in a child process (see there why). */
function toPngs(svgs: string[]): Promise<Buffer[]> {
  // The labels as outlines, so that the child loads no font unless some text is left to draw.
  const drawn = svgs.map((svg) => textToPaths(svg, regularFont()));
  const fontFile = drawn.some((chart) => chart.textLeft) ? REGULAR_FONT_PATH : null;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RASTERIZE_SCRIPT], {
      stdio: ["pipe", "pipe", "pipe"],
      timeout: RASTERIZE_TIMEOUT_MS,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code !== 0) {
        reject(new Error(`rasterize.mjs ended with ${signal ?? code}: ${Buffer.concat(err).toString()}`));
        return;
      }
      const { pngs } = JSON.parse(Buffer.concat(out).toString("utf8")) as { pngs: string[] };
      resolve(pngs.map((png) => Buffer.from(png, "base64")));
    });
    child.stdin.end(
      JSON.stringify({
        svgs: drawn.map((chart) => chart.svg),
        scale: CHART_SCALE,
        fontFile,
        fontFamily: FONT_FAMILY,
      }),
    );
  });
}

const LABEL_SIZE = 11;

/**
 * The width of a label, in pixels. Vega without a browser guesses text widths from Latin letters and
 * would clip Chinese labels; with autosize "none" the charts' margins come from this instead.
 */
function labelWidth(text: string): number {
  return [...text].reduce(
    (sum, char) => sum + ((char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6) * LABEL_SIZE,
    0,
  );
}

/** Horizontal bars: one per category, with its value written at the end. */
function barSpec(
  rows: { label: string; value: number; color: string }[],
  options: { max?: number; suffix?: string },
): vega.Spec {
  const left = Math.ceil(Math.max(0, ...rows.map((row) => labelWidth(row.label)))) + 12;
  return {
    width: WIDTH - left,
    height: Math.max(1, rows.length) * 20,
    autosize: { type: "none" },
    padding: { left, right: 40, top: 6, bottom: 26 },
    config,
    data: [{ name: "rows", values: rows }],
    scales: [
      { name: "y", type: "band", domain: { data: "rows", field: "label" }, range: "height", padding: 0.25 },
      {
        name: "x",
        type: "linear",
        domain: options.max ? [0, options.max] : { data: "rows", field: "value" },
        range: "width",
        nice: true,
        zero: true,
      },
    ],
    axes: [
      { orient: "left", scale: "y", ticks: false, domain: false, labelLimit: 0 },
      { orient: "bottom", scale: "x", tickCount: 5, grid: true, gridColor: "#e2e8f0", format: "d" },
    ],
    marks: [
      {
        type: "rect",
        from: { data: "rows" },
        encode: {
          enter: {
            y: { scale: "y", field: "label" },
            height: { scale: "y", band: 1 },
            x: { scale: "x", value: 0 },
            x2: { scale: "x", field: "value" },
            fill: { field: "color" },
          },
        },
      },
      {
        type: "text",
        from: { data: "rows" },
        encode: {
          enter: {
            y: { scale: "y", field: "label", band: 0.5 },
            x: { scale: "x", field: "value", offset: 4 },
            baseline: { value: "middle" },
            fontSize: { value: 11 },
            fill: { value: "#0f172a" },
            text: { signal: `format(datum.value, 'd') + '${options.suffix ?? ""}'` },
          },
        },
      },
    ],
  };
}

/** Completed items (bars) and average progress (line) month by month. */
function timelineSpec(data: ReportData, labels: ReportLabels): vega.Spec {
  const rows = data.timeline.map((point) => ({
    month: point.month,
    completed: point.completed,
    progress: Math.round(point.averageProgress * 10) / 10,
  }));
  const completedLabel = labels.doc("timelineCompleted");
  const progressLabel = labels.doc("timelineProgress");
  return {
    width: WIDTH - 60,
    height: 150,
    autosize: { type: "none" },
    padding: { left: 50, right: 50, top: 8, bottom: 52 },
    config,
    data: [{ name: "rows", values: rows }],
    scales: [
      { name: "x", type: "band", domain: { data: "rows", field: "month" }, range: "width", padding: 0.2 },
      {
        name: "items",
        type: "linear",
        domain: [0, Math.max(1, data.headline.items)],
        range: "height",
        nice: true,
      },
      { name: "progress", type: "linear", domain: [0, 100], range: "height" },
    ],
    axes: [
      {
        orient: "bottom",
        scale: "x",
        labelAngle: -45,
        labelAlign: "right",
        // Every month would crowd the axis: label about a dozen.
        values: rows
          .filter((_, index) => index % Math.max(1, Math.ceil(rows.length / 12)) === 0)
          .map((row) => row.month),
      },
      // Each axis title in its series' colour stands in for a legend.
      {
        orient: "left",
        scale: "items",
        title: completedLabel,
        titleColor: "#15803d",
        tickCount: 5,
        format: "d",
      },
      {
        orient: "right",
        scale: "progress",
        title: progressLabel,
        tickCount: 5,
        grid: true,
        gridColor: "#e2e8f0",
      },
    ],
    marks: [
      {
        type: "rect",
        from: { data: "rows" },
        encode: {
          enter: {
            x: { scale: "x", field: "month" },
            width: { scale: "x", band: 1 },
            y: { scale: "items", field: "completed" },
            y2: { scale: "items", value: 0 },
            fill: { value: COMPLETED_COLOR },
            opacity: { value: 0.7 },
          },
        },
      },
      {
        type: "line",
        from: { data: "rows" },
        encode: {
          enter: {
            x: { scale: "x", field: "month", band: 0.5 },
            y: { scale: "progress", field: "progress" },
            stroke: { value: PROGRESS_COLOR },
            strokeWidth: { value: 2 },
          },
        },
      },
    ],
  };
}

export type ReportCharts = { status: Buffer; progress: Buffer; timeline: Buffer } | null;

/** The three charts, or null when the proposal has no items to chart. */
export async function renderReportCharts(data: ReportData, labels: ReportLabels): Promise<ReportCharts> {
  if (data.headline.items === 0) return null;
  const statusItems = new Map(data.status.map((row) => [row.status, row.items]));
  const svgs = await Promise.all([
    toSvg(
      barSpec(
        STATUS_ORDER.map((status) => ({
          label: labels.status(status),
          value: statusItems.get(status) ?? 0,
          // The dashboard's colours, so that a status looks the same on screen and on paper.
          color: STATUS_COLORS[status],
        })),
        {},
      ),
    ),
    toSvg(
      barSpec(
        data.progressByRecommendation.map((row) => ({
          label: `${row.code} ${truncate(labels.title(row), labels.locale === "en" ? 32 : 18)}`,
          value: Math.round(row.averageProgress),
          color: "#2563eb",
        })),
        { max: 100, suffix: "%" },
      ),
    ),
    toSvg(timelineSpec(data, labels)),
  ]);
  const [status, progress, timeline] = await toPngs(svgs);
  if (!status || !progress || !timeline) throw new Error("rasterize.mjs returned too few images");
  return { status, progress, timeline };
}

const truncate = (text: string, length: number) =>
  [...text].length > length ? `${[...text].slice(0, length).join("")}…` : text;
