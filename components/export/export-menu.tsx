"use client";

import { Download } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useRef, useState } from "react";
import type { ExportFormat } from "@/lib/export/params";
import { downloadFileName } from "@/lib/http/download";
import type { ErrorBody } from "@/lib/http/errors";

const FORMATS: ExportFormat[] = ["csv", "xlsx", "json"];

type Status =
  | { state: "idle" }
  | {
      state: "running";
      format: ExportFormat;
      items: number | null;
      bytes: number;
      /** From the export's record (GET /api/export/jobs/[id]), once it has one. */
      rows: number | null;
      percent: number | null;
    }
  | { state: "done"; fileName: string }
  /** `message` is the whole line, in the user's language. */
  | { state: "failed"; message: string }
  | { state: "cancelled" };

const PROGRESS_EVERY_MS = 1000;

type ExportProgress = { rows: number; percent: number };

/** The export's progress as its record says, or null if it cannot be read now. */
async function readProgress(jobId: string): Promise<ExportProgress | null> {
  const response = await fetch(`/api/export/jobs/${encodeURIComponent(jobId)}`).catch(() => null);
  if (!response?.ok) return null;
  const job = (await response.json()) as { rows: number; batches: number; batchesDone: number };
  return { rows: job.rows, percent: job.batches ? Math.floor((100 * job.batchesDone) / job.batches) : 100 };
}

/**
 * Exports the table's view (its filters and sort), or only the selected rows, as CSV, a workbook or
 * JSON. The file streams from GET /api/export; meanwhile a status line says how far the export has got
 * (its record, read every second) and how much has arrived, and the export can be cancelled.
 */
export function ExportMenu({
  query,
  total,
  selectedIds,
}: {
  /** The view's query string: filters and sort. */
  query: string;
  total: number;
  selectedIds: string[];
}) {
  const t = useTranslations("export");
  const locale = useLocale();
  const [scope, setScope] = useState<"view" | "selected">("view");
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const abort = useRef<AbortController | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const exportsSelection = scope === "selected" && selectedIds.length > 0;

  async function download(format: ExportFormat) {
    const params = new URLSearchParams(query);
    params.set("format", format);
    params.set("locale", locale);
    if (exportsSelection) params.set("ids", selectedIds.join(","));
    const controller = new AbortController();
    abort.current = controller;
    // The menu closes so that the status line beside it, and the table, are in view.
    if (menu.current) {
      menu.current.open = false;
      menu.current.querySelector("summary")?.focus();
    }
    setStatus({ state: "running", format, items: null, bytes: 0, rows: null, percent: null });
    // Polls while the file arrives; a read still under way when it has arrived is dropped.
    let poll: ReturnType<typeof setInterval> | undefined;
    let arriving = true;
    // Set once the file has begun to arrive: a failure after that cut it short.
    let receiving = false;
    try {
      const response = await fetch(`/api/export?${params}`, { signal: controller.signal });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
        const issues = body?.error?.issues?.map((issue) => issue.message).join(" ") ?? "";
        setStatus({
          state: "failed",
          message: t("failed", {
            message: `${body?.error?.message ?? response.statusText} ${issues}`.trim(),
          }),
        });
        return;
      }
      receiving = true;
      const header = Number(response.headers.get("x-export-items") ?? Number.NaN);
      const items = Number.isNaN(header) ? null : header;
      const jobId = response.headers.get("x-export-job");
      let bytes = 0;
      let progress: ExportProgress | null = null;
      const show = () =>
        setStatus({
          state: "running",
          format,
          items,
          bytes,
          rows: progress?.rows ?? null,
          percent: progress?.percent ?? null,
        });
      if (jobId) {
        poll = setInterval(async () => {
          const read = await readProgress(jobId);
          if (read && arriving) {
            progress = read;
            show();
          }
        }, PROGRESS_EVERY_MS);
      }
      const reader = response.body.getReader();
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        bytes += value.byteLength;
        show();
      }
      arriving = false;
      clearInterval(poll);
      const fileName = downloadFileName(response.headers.get("content-disposition"), `export.${format}`);
      const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has the file once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ state: "done", fileName });
    } catch {
      // The browser's own words for a failed fetch are not the user's language: say what happened.
      if (controller.signal.aborted) setStatus({ state: "cancelled" });
      else if (receiving) setStatus({ state: "failed", message: t("interrupted") });
      else setStatus({ state: "failed", message: t("networkError") });
    } finally {
      arriving = false;
      clearInterval(poll);
      abort.current = null;
    }
  }

  const running = status.state === "running";
  const size = (bytes: number) =>
    bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

  return (
    <div className="flex flex-wrap items-center gap-3">
      <details ref={menu} className="relative">
        <summary className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5">
          <Download aria-hidden="true" className="size-4" />
          {t("menu")}
        </summary>
        <div className="absolute left-0 z-10 mt-1 w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-md sm:right-0 sm:left-auto border border-slate-200 bg-white p-3 shadow-lg">
          <fieldset className="space-y-1">
            <legend className="sr-only">{t("menu")}</legend>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="export-scope"
                checked={!exportsSelection}
                onChange={() => setScope("view")}
                className="accent-brand-600"
              />
              {t("view", { total })}
            </label>
            <label className="flex items-center gap-2">
              <input
                type="radio"
                name="export-scope"
                checked={exportsSelection}
                disabled={selectedIds.length === 0}
                onChange={() => setScope("selected")}
                className="accent-brand-600"
              />
              {t("selected", { count: selectedIds.length })}
            </label>
            {selectedIds.length === 0 && <p className="text-xs text-slate-600">{t("selectedNone")}</p>}
          </fieldset>
          <fieldset className="space-y-1">
            <legend className="text-xs font-medium text-slate-600">{t("formats")}</legend>
            {FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                disabled={running}
                onClick={() => download(format)}
                className="flex w-full flex-col items-start rounded-md border border-slate-200 px-3 py-1.5 text-left hover:bg-slate-50 disabled:opacity-50"
              >
                <span className="font-medium">{t(format)}</span>
                <span className="text-xs text-slate-600">{t(`${format}Hint`)}</span>
              </button>
            ))}
          </fieldset>
        </div>
      </details>
      <p role="status" aria-live="polite" data-testid="export-status" className="text-slate-700">
        {status.state === "running" &&
          t(status.percent === null ? "running" : "runningRows", {
            items: status.items ?? (exportsSelection ? selectedIds.length : total),
            format: t(status.format),
            size: size(status.bytes),
            percent: status.percent ?? 0,
            rows: status.rows ?? 0,
          })}
        {status.state === "done" && t("done", { fileName: status.fileName })}
        {status.state === "failed" && <span className="text-red-700">{status.message}</span>}
        {status.state === "cancelled" && t("cancelled")}
      </p>
      {running && (
        <button
          type="button"
          onClick={() => abort.current?.abort()}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5"
        >
          {t("cancel")}
        </button>
      )}
    </div>
  );
}
