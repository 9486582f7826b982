// GET /api/public/<code>.json and /api/public/<code>.csv: a published proposal's progress as open
// data, for anyone, no sign-in. An unpublished or unknown proposal answers 404, the moment it is
// unpublished: answers may be stored by caches but must be revalidated (ETag) before each reuse.
import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { readChainHeads } from "@/lib/history-chain/heads";
import { attachment } from "@/lib/http/download";
import { jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { routeTranslator } from "@/lib/http/translator";
import { hasControlCharacters } from "@/lib/validation/fields";
import { publicCsv, publicJson } from "./open-data";
import { getPublicProgress } from "./queries";

const FILE = /^(.+)\.(csv|json)$/;

export async function handlePublicData(request: Request, file: string): Promise<Response> {
  const locale = requestLocale(request, new URL(request.url).searchParams.get("lang"));
  // Route handlers get their segments decoded already (a malformed escape never gets this far).
  const match = hasControlCharacters(file) ? null : FILE.exec(file);
  const progress = match?.[1] ? await getPublicProgress(match[1]) : null;
  if (!match || !progress) {
    return jsonError(404, "not_found", routeTranslator(locale)("error.notFound"), {
      locale,
      headers: { "Access-Control-Allow-Origin": "*" },
    });
  }
  const format = match[2] as "csv" | "json";
  const heads = await readChainHeads(sqlReader(db));
  const body =
    format === "json"
      ? `${JSON.stringify(publicJson(progress, heads), null, 2)}\n`
      : publicCsv(progress, locale, heads);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  const headers: Record<string, string> = {
    "Content-Type": format === "json" ? "application/json; charset=utf-8" : "text/csv; charset=utf-8",
    // Open data: any site may read it. Stored copies are checked with the ETag before reuse, so an
    // unpublished proposal disappears at once and an unchanged one costs no download.
    "Access-Control-Allow-Origin": "*",
    "Cache-Control": "public, no-cache",
    ETag: etag,
    // The CSV's headers and labels follow ?lang= or else Accept-Language; the JSON holds both languages.
    Vary: "Accept-Language",
  };
  if (format === "csv") {
    headers["Content-Disposition"] = attachment(`${progress.proposal.code}.csv`);
    headers["Content-Language"] = locale;
  }
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
