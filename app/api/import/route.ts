// POST /api/import?locale=…: uploads a spreadsheet (multipart field "file") and keeps its rows for the
// dry run; answers { batchId } or an error { error: { code, message } } in the user's language (?locale=,
// else Accept-Language). A route handler rather than a
// server action so that the browser can show the upload's progress. The file is read in the import
// worker (lib/import/worker-process.ts), at most IMPORT_LIMITS at a time (job slots, lib/slots): past
// that, a 429. A database too busy to take the upload in time gets a 503 to try again (the form keeps
// the file chosen).
import type { NextRequest } from "next/server";
import { canImport } from "@/lib/auth/permissions";
import { userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import { type ErrorCode, jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { databaseBusyMessage } from "@/lib/i18n/database-busy";
import { createImportBatch } from "@/lib/import/batch";
import { MAX_FILE_BYTES } from "@/lib/import/file";
import { busyMessage, fileProblemMessage, importTranslator } from "@/lib/import/messages";

// Room for the multipart envelope around a file of the largest size.
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

export async function POST(request: NextRequest) {
  const locale = requestLocale(request, request.nextUrl.searchParams.get("locale"));
  const t = importTranslator(locale);
  const error = (status: number, code: ErrorCode, message: string, headers?: Record<string, string>) =>
    jsonError(status, code, message, { locale, headers });

  const user = await userOfSession(request.headers);
  if (!user) return error(401, "unauthorized", t("error.signedOut"));
  if (!canImport(user)) return error(403, "forbidden", t("error.forbidden"));
  // The session cookie is SameSite=Lax already; this refuses a cross-site upload outright.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && URL.parse(origin)?.host !== host) return error(403, "forbidden", t("error.forbidden"));
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES)
    return error(413, "payload_too_large", fileProblemMessage(locale, { problem: "tooLarge" }));

  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    file = null;
  }
  if (!(file instanceof File) || file.size === 0)
    return error(
      400,
      "invalid_file",
      fileProblemMessage(locale, { problem: file instanceof File ? "empty" : "noFile" }),
    );
  if (file.size > MAX_FILE_BYTES)
    return error(413, "payload_too_large", fileProblemMessage(locale, { problem: "tooLarge" }));

  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await unlessBusy(
    () =>
      createImportBatch(db, user, { name: file.name, bytes }, { signal: request.signal }).catch(
        (failure: unknown) => {
          // The browser went away while the file was read: its worker is stopped, and nobody is told.
          if (request.signal.aborted) return null;
          throw failure;
        },
      ),
    () => "databaseBusy" as const,
  );
  if (result === "databaseBusy")
    return error(503, "service_unavailable", databaseBusyMessage(locale, "importUpload"), {
      "Retry-After": "5",
    });
  if (!result) return new Response(null, { status: 499 });
  if (result.kind === "forbidden") return error(403, "forbidden", t("error.forbidden"));
  if (result.kind === "busy")
    return error(429, "too_many_requests", busyMessage(locale, result.limit), { "Retry-After": "10" });
  if (result.kind === "file") return error(400, "invalid_file", fileProblemMessage(locale, result));
  return Response.json(
    { batchId: result.batchId },
    { status: 201, headers: { "Cache-Control": "no-store" } },
  );
}
