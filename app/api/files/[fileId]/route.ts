// GET /api/files/<id>: a file, to whoever may read what it belongs to (lib/files/access.ts), streamed
// from its store. Always a download (Content-Disposition: attachment, nosniff), except ?inline=1 for
// images and PDFs, which are shown under a Content-Security-Policy that sandboxes them and lets them
// load nothing. Anything else is a 404, whether the file does not exist or the caller may not read it.
import type { NextRequest } from "next/server";
import { userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { readableFiles } from "@/lib/files/access";
import type { StorageKind } from "@/lib/files/config";
import { filesTranslator } from "@/lib/files/messages";
import { previewable } from "@/lib/files/preview";
import { fileStoreOf, webStreamOf } from "@/lib/files/store";
import { attachment } from "@/lib/http/download";
import { jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers";

/** A file shown inline runs nothing, loads nothing but itself, and may not be framed elsewhere. */
const PREVIEW_CONTENT_SECURITY_POLICY =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const FILE_ID = /^[a-z0-9]{1,64}$/i;

export async function GET(request: NextRequest, { params }: { params: Promise<{ fileId: string }> }) {
  const { fileId } = await params;
  const locale = requestLocale(request, request.nextUrl.searchParams.get("locale"));
  // An id is a cuid: anything else (a NUL byte PostgreSQL would refuse, a path) names no file.
  const file = FILE_ID.test(fileId)
    ? await db.storedFile.findFirst({
        where: { id: fileId, ...readableFiles(await userOfSession(request.headers)) },
        select: { name: true, mime: true, size: true, sha256: true, storage: true, storageKey: true },
      })
    : null;
  // next.config.ts leaves this route's policy to it: a 404 gets the API's.
  if (!file)
    return jsonError(404, "not_found", filesTranslator(locale)("problem.notFound"), {
      locale,
      headers: { "Content-Security-Policy": API_CONTENT_SECURITY_POLICY },
    });
  const inline = request.nextUrl.searchParams.get("inline") === "1" && previewable(file.mime);
  const disposition = attachment(file.name);
  const body = fileStoreOf(file.storage as StorageKind, db).read(file.storageKey);
  return new Response(webStreamOf(body), {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(file.size),
      "Content-Disposition": inline ? disposition.replace(/^attachment/, "inline") : disposition,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": PREVIEW_CONTENT_SECURITY_POLICY,
      "Cache-Control": "private, no-store",
      ETag: `"${file.sha256}"`,
      // RFC 9530: the SHA-256 of the bytes, as stored when the file was uploaded.
      "Repr-Digest": `sha-256=:${Buffer.from(file.sha256, "hex").toString("base64")}:`,
    },
  });
}
