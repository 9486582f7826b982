"use client";

import { Download, LoaderCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonVariants } from "@/components/ui/button";
import { downloadFileName } from "@/lib/http/download";
import type { ErrorBody } from "@/lib/http/errors";
import type { ReportFormat } from "@/lib/reports/schema";

type Status =
  | { state: "idle" }
  | { state: "running"; format: ReportFormat; seconds: number }
  | { state: "done"; fileName: string; seconds: number }
  /** `message` is the whole line, in the user's language. */
  | { state: "failed"; message: string };

/**
 * The download buttons of the report form `formId` (settings and edited narratives). Without
 * JavaScript they submit the form and the browser saves the answer; with it, the file is fetched
 * here so that the page says it is being made, for how long, and what went wrong if it failed.
 */
export function ReportDownload({ formId }: { formId: string }) {
  const t = useTranslations("reports");
  const [status, setStatus] = useState<Status>({ state: "idle" });
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  useEffect(() => () => void (timer.current && clearInterval(timer.current)), []);

  async function download(event: React.MouseEvent<HTMLButtonElement>, format: ReportFormat) {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    event.preventDefault();
    const body = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === "string") body.append(name, value);
    body.set("format", format);
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    setStatus({ state: "running", format, seconds: 0 });
    timer.current = setInterval(() => setStatus({ state: "running", format, seconds: seconds() }), 500);
    try {
      const response = await fetch("/api/reports", { method: "POST", body });
      if (!response.ok) {
        const answer = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
        setStatus({ state: "failed", message: answer?.error?.message ?? t("progress.failed") });
        return;
      }
      const blob = await response.blob();
      const fileName = downloadFileName(response.headers.get("content-disposition"), `report.${format}`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has the file once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ state: "done", fileName, seconds: seconds() });
    } catch {
      // The browser's own words for a failed fetch are not the user's language.
      setStatus({ state: "failed", message: t("progress.failed") });
    } finally {
      if (timer.current) clearInterval(timer.current);
      timer.current = null;
    }
  }

  const running = status.state === "running";
  const button = (format: ReportFormat, label: string, variant?: "outline") => (
    <button
      type="submit"
      form={formId}
      name="format"
      value={format}
      disabled={running}
      aria-busy={running && status.format === format}
      onClick={(event) => download(event, format)}
      className={buttonVariants(variant ? { variant } : undefined)}
    >
      {running && status.format === format ? (
        <LoaderCircle aria-hidden className="size-4 animate-spin" />
      ) : (
        <Download aria-hidden className="size-4" />
      )}
      {label}
    </button>
  );
  return (
    <>
      <div className="flex gap-2">
        {button("pdf", t("form.downloadPdf"))}
        {button("docx", t("form.downloadDocx"), "outline")}
      </div>
      <p
        role="status"
        aria-live="polite"
        data-testid="report-download-status"
        className="text-sm text-slate-700"
      >
        {status.state === "running" &&
          t("progress.running", {
            format: status.format === "pdf" ? "PDF" : "Word",
            seconds: Math.floor(status.seconds),
          })}
        {status.state === "done" &&
          t("progress.done", { fileName: status.fileName, seconds: status.seconds.toFixed(1) })}
        {status.state === "failed" && <span className="text-red-700">{status.message}</span>}
      </p>
    </>
  );
}
