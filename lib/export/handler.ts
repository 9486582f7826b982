// GET /api/export: the tracking table's view (or its selected rows) as CSV, a workbook or JSON. Checks
// the caller and every parameter before the first byte (a bad request gets a 400 and no file), then
// streams what the export worker writes: the rows are loaded a batch at a time, in the worker's
// process, as the download reads them.
import "server-only";
import { authenticateApiRequest } from "@/lib/api/auth";
import type { ApiTranslator } from "@/lib/api/i18n";
import { apiTranslator } from "@/lib/api/i18n";
import { apiLocale } from "@/lib/api/locale";
import { queryValues } from "@/lib/api/params";
import { apiError, invalidParameters } from "@/lib/api/responses";
import { shanghaiDate, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { isDatabaseBusy } from "@/lib/db/busy";
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
function exportApiTranslator(locale: Locale): ApiTranslator {
  const api = apiTranslator(locale);
  const all = exportTranslator(locale);
  const translate = (key: string, values?: Record<string, string | number>) =>
    all.has(`export.${key}`) ? all(`export.${key}`) : api(key, values);
  return Object.assign(translate, { has: (key: string) => all.has(`export.${key}`) || api.has(key) });
}

/** e.g. 建议落实追踪-recommendations-2026-11-29.csv, or …-actions-evidence-… for one part. */
export function exportFileName(query: ExportQuery, parts: ExportPart[], day: Date, appName: string): string {
  const kind = query.kind === "action" ? "actions" : "recommendations";
  const part = query.format !== "xlsx" && parts[0] !== "items" ? `-${parts[0]}` : "";
  const selected = query.ids ? "-selected" : "";
  return `${appName}-${kind}${part}${selected}-${toShanghaiDateString(day)}.${query.format}`;
}

function contentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

export async function handleExport(request: Request, today: Date = shanghaiToday()): Promise<Response> {
  const values = queryValues(new URL(request.url));
  const locale: Locale =
    values.locale === "en" || values.locale === "zh-CN"
      ? values.locale
      : apiLocale(request.headers.get("accept-language"));
  const t = exportApiTranslator(locale);
  try {
    // Any signed-in person (official, staff, admin) or an admin-made API token may export.
    const caller = await authenticateApiRequest(request);
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
      return apiError(429, "too_many_requests", t(key, { count: EXPORT_LIMITS.perOwner }), {
        locale,
        headers: { "Retry-After": "30" },
      });
    }
    const running = await startExport(
      { values, locale, today: today.toISOString() },
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
        "Content-Disposition": contentDisposition(
          exportFileName(query, parts, day, messages("export.fileName")),
          exportFileName(query, parts, day, "proposal-tracker"),
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
      return apiError(503, "service_unavailable", databaseBusyMessage(locale, "retry"), {
        locale,
        headers: { "Retry-After": "5" },
      });
    console.error("GET /api/export", error);
    return apiError(500, "internal_error", t("error.internal"), { locale });
  }
}
