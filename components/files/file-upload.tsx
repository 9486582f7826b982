"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { UploadLimits } from "@/lib/files/queries";
import type { ErrorBody } from "@/lib/http/errors";
import { useRouter } from "@/lib/i18n/navigation";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "done"; name: string }
  | { kind: "error"; message: string };

/**
 * Attaches a file to `owner` ("evidence:<id>" or "reply:<recommendationId>") through POST /api/files,
 * with XMLHttpRequest for the upload's progress; the owner goes before the file, as the route reads
 * them in order. The page is refreshed to list the new file.
 */
export function FileUpload({
  owner,
  limits: { accept, maxMegabytes },
}: {
  owner: string;
  limits: UploadLimits;
}) {
  const t = useTranslations("files");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const busy = phase.kind === "uploading";

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const chosen = new FormData(element).get("file");
    if (!(chosen instanceof File) || chosen.name === "") {
      setPhase({ kind: "error", message: t("problem.noFile") });
      return;
    }
    const form = new FormData();
    form.set("owner", owner);
    form.set("file", chosen);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/files?locale=${encodeURIComponent(locale)}`);
    request.responseType = "json";
    request.upload.onprogress = (progress) => {
      if (progress.lengthComputable)
        setPhase({ kind: "uploading", percent: Math.round((100 * progress.loaded) / progress.total) });
    };
    request.onerror = () => setPhase({ kind: "error", message: t("problem.badForm") });
    request.onload = () => {
      const body = request.response as ({ file?: { name: string } } & Partial<ErrorBody>) | null;
      if (request.status === 201 && body?.file) {
        setPhase({ kind: "done", name: body.file.name });
        element.reset();
        router.refresh();
      } else setPhase({ kind: "error", message: body?.error?.message ?? t("problem.badForm") });
    };
    setPhase({ kind: "uploading", percent: 0 });
    request.send(form);
  }

  return (
    <form onSubmit={submit} className="space-y-2" aria-busy={busy} data-testid="file-upload">
      <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
        {t("choose")}
      </label>
      <input
        id={`${id}-file`}
        name="file"
        type="file"
        accept={accept.map((extension) => `.${extension}`).join(",")}
        aria-describedby={`${id}-help`}
        className="block w-full min-w-0 text-sm file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
      />
      <p id={`${id}-help`} className="text-xs text-slate-600">
        {t("help", { megabytes: maxMegabytes })}
      </p>
      <Button type="submit" disabled={busy}>
        {t("attach")}
      </Button>
      <div aria-live="polite" className="space-y-1 text-sm">
        {phase.kind === "uploading" && <Progress value={phase.percent} label={t("uploading")} />}
        {phase.kind === "done" && <Alert tone="success">{t("uploaded", { name: phase.name })}</Alert>}
        {phase.kind === "error" && <Alert>{phase.message}</Alert>}
      </div>
    </form>
  );
}
