"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { ErrorBody } from "@/lib/http/errors";
import { useRouter } from "@/lib/i18n/navigation";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "checking" }
  | { kind: "error"; message: string };

/**
 * Uploads the file with XMLHttpRequest, whose upload events give the progress a fetch cannot, then
 * opens the dry run of the stored file.
 */
export function ImportUpload() {
  const t = useTranslations("import");
  const locale = useLocale();
  const router = useRouter();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading" || phase.kind === "checking";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/import?locale=${encodeURIComponent(locale)}`);
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setPhase({ kind: "uploading", percent: Math.round((100 * progress.loaded) / progress.total) });
    };
    request.upload.onload = () => setPhase({ kind: "checking" });
    request.onerror = () => setPhase({ kind: "error", message: t("uploadFailed") });
    request.onload = () => {
      const body = request.response as ({ batchId?: string } & Partial<ErrorBody>) | null;
      if (request.status === 201 && body?.batchId) router.push(`/import/${body.batchId}`);
      else setPhase({ kind: "error", message: body?.error?.message ?? t("uploadFailed") });
    };
    setPhase({ kind: "uploading", percent: 0 });
    request.send(form);
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-busy={busy}>
      <div className="space-y-1">
        <label htmlFor="import-file" className="block text-sm font-medium text-slate-700">
          {t("fileLabel")}
        </label>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
      </div>
      <Button type="submit" disabled={busy}>
        {t("upload")}
      </Button>
      <div aria-live="polite" className="space-y-1 text-sm">
        {phase.kind === "uploading" && <Progress value={phase.percent} label={t("uploading")} />}
        {phase.kind === "checking" && <p>{t("checking")}</p>}
        {phase.kind === "error" && <Alert>{phase.message}</Alert>}
      </div>
    </form>
  );
}
