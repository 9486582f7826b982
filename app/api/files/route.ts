// POST /api/files?locale=…: attaches one file to a piece of evidence, a reply draft or a contact record,
// or adds a piece of evidence that is that file. Multipart, the field "owner" ("evidence:<id>",
// "reply:<recommendationId>", "contact:<id>", or "new-evidence:<recommendation|action>:<id>" with the
// evidence form's fields, lib/evidence/file-evidence.ts) and any fields before the field "file". The file is
// streamed to the store as it arrives (lib/files/upload.ts); answers 201 { file } (and { evidence } for a
// new piece) or an error { error: { code, message, issues? } } in the user's language (issues: the
// form's fields that are wrong, { parameter, message }). A route handler rather than a server action, as
// server actions read the whole body into memory.
import type { NextRequest } from "next/server";
import { userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import {
  checkNewFileEvidence,
  type NewFileEvidence,
  newEvidenceTarget,
  writeFileEvidence,
} from "@/lib/evidence/file-evidence";
import { attachAccess, parseFileOwner } from "@/lib/files/access";
import { recordStoredFile } from "@/lib/files/attach";
import { maxFileBytes, storageKind } from "@/lib/files/config";
import { filesTranslator, uploadProblemMessage } from "@/lib/files/messages";
import { fileStoreOf } from "@/lib/files/store";
import { receiveUpload } from "@/lib/files/upload";
import { type ErrorCode, jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { databaseBusyMessage } from "@/lib/i18n/database-busy";
import { revalidateApp } from "@/lib/revalidate";

// Room for the multipart envelope around a file of the largest size.
const ENVELOPE_BYTES = 64 * 1024;

export async function POST(request: NextRequest) {
  const locale = requestLocale(request, request.nextUrl.searchParams.get("locale"));
  const t = filesTranslator(locale);
  const error = (status: number, code: ErrorCode, message: string) =>
    jsonError(status, code, message, { locale });

  const user = await userOfSession(request.headers);
  if (!user) return error(401, "unauthorized", t("problem.signedOut"));
  // The session cookie is SameSite=Lax already; this refuses a cross-site upload outright.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && URL.parse(origin)?.host !== host) return error(403, "forbidden", t("problem.forbidden"));
  const maxBytes = maxFileBytes();
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes + ENVELOPE_BYTES)
    return error(413, "payload_too_large", uploadProblemMessage(locale, "tooLarge"));

  const store = fileStoreOf(storageKind(), db);
  // A new piece of evidence's fields, once checked (before the file is stored).
  let newEvidence: NewFileEvidence | null = null;
  const result = await unlessBusy(
    () =>
      receiveUpload(request.body, request.headers.get("content-type"), {
        store,
        maxBytes,
        admit: async (fields) => {
          const target = newEvidenceTarget(fields.owner);
          if (target) {
            const checked = await checkNewFileEvidence(db, user, target, fields, locale);
            if (!checked.ok) return { admitted: false, refusal: checked.refusal };
            newEvidence = checked.evidence;
            return { admitted: true };
          }
          const owner = parseFileOwner(fields.owner);
          if (!owner) return { admitted: false, refusal: "notFound" as const };
          const access = await attachAccess(db, user, owner);
          return access === "allowed" ? { admitted: true } : { admitted: false, refusal: access };
        },
      }),
    () => ({ kind: "busy" as const }),
  );
  if (result.kind === "busy")
    return jsonError(503, "service_unavailable", databaseBusyMessage(locale, "form"), {
      locale,
      headers: { "Retry-After": "5" },
    });
  if (result.kind === "refused" && typeof result.refusal === "object") {
    const issues = Object.entries(result.refusal.fieldErrors).flatMap(([parameter, messages]) =>
      messages.map((message) => ({ parameter, message })),
    );
    return jsonError(400, "invalid_parameter", issues[0]?.message ?? t("problem.badForm"), {
      locale,
      issues,
    });
  }
  if (result.kind === "refused")
    return result.refusal === "notFound"
      ? error(404, "not_found", t("problem.notFound"))
      : error(403, "forbidden", t("problem.forbidden"));
  if (result.kind === "problem")
    return error(
      result.problem === "tooLarge" ? 413 : 400,
      result.problem === "tooLarge" ? "payload_too_large" : "invalid_file",
      uploadProblemMessage(locale, result.problem),
    );

  const { file } = result;
  if (newEvidence) {
    const checked: NewFileEvidence = newEvidence;
    try {
      const written = await db.$transaction((tx) =>
        writeFileEvidence(tx, user, checked, { ...file, storage: store.kind }),
      );
      revalidateApp();
      return Response.json(written, { status: 201, headers: { "Cache-Control": "no-store" } });
    } catch (failure) {
      await store.remove(file.storageKey);
      throw failure;
    }
  }
  const owner = parseFileOwner(result.fields.owner);
  if (!owner) throw new Error("unreachable: the owner was admitted");
  try {
    const stored = await db.$transaction((tx) => recordStoredFile(tx, user.id, owner, file, store.kind));
    revalidateApp();
    return Response.json({ file: stored }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (failure) {
    await store.remove(file.storageKey);
    throw failure;
  }
}
