import { useFormatter, useTranslations } from "next-intl";
import { previewable } from "@/lib/files/preview";
import type { FileSummary } from "@/lib/files/queries";
import { RemoveFileForm } from "./remove-file-form";

const sizeOf = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A thing's files: each a download, with its size and SHA-256; an image is previewed as an <img> of
 * its inline answer (sandboxed by its Content-Security-Policy), a PDF opened inline in a new tab. With
 * `removable` (for those who may attach files to the owner), each has its 移除 button.
 */
export function FileList({
  files,
  removable = false,
}: {
  files: readonly FileSummary[];
  removable?: boolean;
}) {
  const t = useTranslations("files");
  const format = useFormatter();
  if (files.length === 0) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="space-y-3" data-testid="file-list">
      {files.map((file) => {
        const url = `/api/files/${file.id}`;
        const preview = previewable(file.mime);
        return (
          <li key={file.id} className="min-w-0 space-y-1 text-sm" data-testid="file-item">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <a href={url} download={file.name} className="break-all font-medium text-brand-700 underline">
                {file.name}
              </a>
              <span className="text-xs text-slate-600">
                {sizeOf(file.size)} · {format.dateTime(file.createdAt, { dateStyle: "medium" })}
              </span>
              {preview && file.mime === "application/pdf" && (
                <a
                  href={`${url}?inline=1`}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-xs text-brand-700 underline"
                >
                  {t("preview")}
                </a>
              )}
            </div>
            <p className="break-all font-mono text-[11px] text-slate-500">
              {t("sha256", { hash: file.sha256 })}
            </p>
            {removable && <RemoveFileForm fileId={file.id} name={file.name} />}
            {preview && file.mime.startsWith("image/") && (
              // biome-ignore lint/performance/noImgElement: the file's own inline answer, not an optimizable asset
              <img
                src={`${url}?inline=1`}
                alt={t("previewOf", { name: file.name })}
                loading="lazy"
                className="max-h-64 max-w-full rounded border border-slate-200 bg-white object-contain"
                data-testid="file-preview"
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
