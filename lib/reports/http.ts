import "server-only";
import { createTranslator } from "use-intl/core";
// GET /api/reports?proposal=…&asOf=…&compareTo=…&locale=zh-CN|en&format=pdf|docx: the report file for
// a signed-in official, staff member or admin. Bad input is a 400 in JSON that says what is wrong, and
// no file.
import { apiTranslator } from "@/lib/api/i18n";
import { apiLocale } from "@/lib/api/locale";
import { queryValues } from "@/lib/api/params";
import { type ApiIssue, apiError, parameterIssues } from "@/lib/api/responses";
import { canMakeReports } from "@/lib/auth/permissions";
import { userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { getReportData } from "./data";
import { renderReportDocx } from "./docx";
import { renderReportPdf } from "./pdf";
import { reportRequest } from "./schema";

const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** The report's messages, falling back to the API's for the generic problems (bad date, bad value…). */
function reportTranslator(locale: Locale) {
  const reports = createTranslator({ locale, messages: locale === "en" ? en : zh, namespace: "reports" });
  const api = apiTranslator(locale);
  const has = (key: string) => reports.has(key as "title") || api.has(key);
  const t = (key: string, values?: Record<string, string | number>) =>
    reports.has(key as "title") ? reports(key as "title", values) : api(key, values);
  return Object.assign(t, { has, reports });
}

function invalid(locale: Locale, issues: ApiIssue[]) {
  const t = reportTranslator(locale);
  const summary = issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; ");
  return apiError(400, "invalid_parameter", t.reports("error.invalid", { issues: summary }), {
    locale,
    issues,
  });
}

/** "filename" for old clients (ASCII only) and RFC 5987's "filename*" with the real, Chinese name. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function handleReportRequest(request: Request): Promise<Response> {
  const values = queryValues(new URL(request.url));
  // Messages in the report's language when it is a valid one, else as the browser prefers.
  const locale: Locale =
    values.locale === "en" || values.locale === "zh-CN"
      ? values.locale
      : apiLocale(request.headers.get("accept-language"));
  const t = reportTranslator(locale);
  const user = await userOfSession(request.headers);
  if (!user) return apiError(401, "unauthorized", t.reports("error.unauthorized"), { locale });
  if (!canMakeReports(user)) return apiError(403, "unauthorized", t.reports("error.forbidden"), { locale });

  const parsed = reportRequest.safeParse(values);
  if (!parsed.success) return invalid(locale, parameterIssues(parsed.error, t));
  const params = parsed.data;
  const data = await getReportData(db, params);
  if (!data) {
    return invalid(locale, [
      { parameter: "proposal", message: t.reports("issue.unknownProposal", { code: params.proposal }) },
    ]);
  }
  const file =
    params.format === "pdf" ? await renderReportPdf(data, params) : await renderReportDocx(data, params);
  const fileName = `${t.reports("document.fileName", { code: data.proposal.code, asOf: params.asOf })}.${params.format}`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": CONTENT_TYPES[params.format],
      "Content-Disposition": contentDisposition(fileName),
      "Content-Length": String(file.length),
      "Cache-Control": "no-store",
    },
  });
}
