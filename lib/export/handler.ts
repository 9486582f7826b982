// GET /api/export: the tracking table's view (or its selected rows) as CSV, a workbook or JSON. Checks
// the caller and every parameter before the first byte (a bad request gets a 400 and no file), then
// streams what the export worker writes: the rows are loaded a batch at a time, in the worker's
// process, as the download reads them.
import "server-only";
import { shanghaiDate, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { isDatabaseBusy } from "@/lib/db/busy";
import { authenticateRequest } from "@/lib/http/caller";
import { attachment } from "@/lib/http/download";
import { jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { invalidParameters } from "@/lib/http/parameters";
import { queryValues } from "@/lib/http/query";
import type { RouteTranslator } from "@/lib/http/translator";
import { routeTranslator } from "@/lib/http/translator";
import { databaseBusyMessage } from "@/lib/i18n/database-busy";
import type { Locale } from "@/lib/i18n/routing";
import { exportTranslator } from "./i18n";
import { claimExportSlot, EXPORT_LIMITS, trackExport } from "./jobs";
import { type ExportFormat, type ExportPart, type ExportQuery, exportParts, exportQuery } from "./params";
import { startExport } from "./worker-process";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
};

/** The API's messages, with the export's own parameter problems ("export.issue.*") among them. */
function exportApiTranslator(locale: Locale): RouteTranslator {
  const api = routeTranslator(locale);
  const all = exportTranslator(locale);
  const translate = (key: string, values?: Record<string, string | number>) =>
    all.has(`export.${key}`) ? all(`export.${key}`) : api(key, values);
  return Object.assign(translate, { has: (key: string) => all.has(`export.${key}`) || api.has(key) });
}

/** e.g. 建议落实追踪-recommendations-2026-11-29.csv, or …-actions-evidence-… for one part. */
/** The words of an export's file name: the app, what it holds, and "selected". */
export type FileNameWords = {
  app: string;
  recommendations: string;
  actions: string;
  evidence: string;
  history: string;
  selected: string;
};

/** The file name's words in ASCII, for the header's fallback name (filename="…"). */
export const ASCII_FILE_NAME_WORDS: FileNameWords = {
  app: "proposal-tracker",
  recommendations: "recommendations",
  actions: "actions",
  evidence: "evidence",
  history: "history",
  selected: "selected",
};

/** E.g. 建议落实追踪-建议条目-2026-12-02.xlsx, or proposal-tracker-actions-selected-2026-12-02.csv. */
export function exportFileName(
  query: ExportQuery,
  parts: ExportPart[],
  day: Date,
  words: FileNameWords,
): string {
  const word = (text: string) => text.toLowerCase().replace(/\s+/g, "-");
  const kind = word(query.kind === "action" ? words.actions : words.recommendations);
  const shown = parts[0];
  const part =
    query.format !== "xlsx" && shown && shown !== "items"
      ? `-${word(words[shown as "actions" | "evidence" | "history"])}`
      : "";
  const selected = query.ids ? `-${word(words.selected)}` : "";
  return `${word(words.app)}-${kind}${part}${selected}-${toShanghaiDateString(day)}.${query.format}`;
}

export async function handleExport(request: Request, today: Date = shanghaiToday()): Promise<Response> {
  const values = queryValues(new URL(request.url));
  const locale = requestLocale(request, values.locale);
  const t = exportApiTranslator(locale);
  try {
    // Any signed-in person (official, staff, admin) or an admin-made API token may export.
    const caller = await authenticateRequest(request);
    if (caller instanceof Response) return caller;
    const parsed = exportQuery.safeParse(values);
    if (!parsed.success) return invalidParameters(parsed.error, t, locale);
    const query = parsed.data;

    const parts = exportParts(query);
    const messages = exportTranslator(locale);
    const day = query.asOf ? shanghaiDate(query.asOf) : today;
    // The slot is claimed before the worker starts, and held until it ends (trackExport lets it go).
    const { slot, refused } = await claimExportSlot(db, caller);
    if (!slot) {
      const key = refused === "perOwner" ? "error.tooManyExportsOfYours" : "error.tooManyExports";
      return jsonError(429, "too_many_requests", t(key, { count: EXPORT_LIMITS.perOwner }), {
        locale,
        headers: { "Retry-After": "30" },
      });
    }
    const running = await startExport(
      {
        values,
        locale,
        today: today.toISOString(),
        author:
          caller.kind === "session"
            ? { kind: "user", userId: caller.userId }
            : { kind: "token", tokenName: caller.tokenName },
        exportedAt: new Date().toISOString(),
      },
      { signal: request.signal },
    ).catch(async (error: unknown) => {
      await slot.release();
      throw error;
    });
    const jobId = await trackExport(db, running, {
      caller,
      format: query.format,
      query: new URL(request.url).search.slice(1),
      slot,
    }).catch(async (error: unknown) => {
      // Nobody will read the file: the worker must not wait on its pipe for ever.
      await running.body.cancel();
      await slot.release();
      throw error;
    });
    return new Response(running.body, {
      headers: {
        "Content-Type": CONTENT_TYPES[query.format],
        "Content-Disposition": attachment(
          exportFileName(query, parts, day, {
            app: messages("export.fileName"),
            recommendations: messages("export.part.items"),
            actions: messages("export.part.actions"),
            evidence: messages("export.part.evidence"),
            history: messages("export.part.history"),
            selected: messages("export.fileSelected"),
          }),
          exportFileName(query, parts, day, ASCII_FILE_NAME_WORDS),
        ),
        "Cache-Control": "no-store",
        "Content-Language": locale,
        // How many of the view's items the export holds, for the page's progress line.
        "X-Export-Items": String(running.items),
        // Where the page reads the export's progress: GET /api/export/jobs/<id>.
        "X-Export-Job": jobId,
      },
    });
  } catch (error) {
    // The browser went away while the export started: its worker is stopped, and nobody is told.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    // Claiming the slot or recording the job met a busy database: nothing is held, try again.
    if (isDatabaseBusy(error))
      return jsonError(503, "service_unavailable", databaseBusyMessage(locale, "retry"), {
        locale,
        headers: { "Retry-After": "5" },
      });
    console.error("GET /api/export", error);
    return jsonError(500, "internal_error", t("error.internal"), { locale });
  }
}
