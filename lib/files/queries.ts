// What a list of files shows of each (the page's own query selects them with FILE_SUMMARY).
import type { Prisma } from "@/lib/db/client";
import { maxFileBytes } from "./config";
import { ACCEPTED_EXTENSIONS } from "./types";

export const FILE_SUMMARY = {
  where: { removedAt: null },
  orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  select: { id: true, name: true, mime: true, size: true, sha256: true, createdAt: true },
} satisfies Prisma.StoredFileFindManyArgs;

export type FileSummary = Prisma.StoredFileGetPayload<{ select: (typeof FILE_SUMMARY)["select"] }>;

/** What the upload form is told of the limits (it runs in the browser, which has no settings). */
export type UploadLimits = { accept: readonly string[]; maxMegabytes: number };

export function uploadLimits(): UploadLimits {
  return { accept: ACCEPTED_EXTENSIONS, maxMegabytes: Math.round(maxFileBytes() / 1024 / 1024) };
}
