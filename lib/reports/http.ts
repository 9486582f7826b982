// GET /api/reports?proposal=…&asOf=…&compareTo=…&locale=zh-CN|en&format=pdf|docx: the report file for
// a signed-in official, staff member or admin. Bad input is a 400 in JSON that says what is wrong, and
// no file.
import "server-only";
import { apiLocale } from "@/lib/api/locale";
import { queryValues } from "@/lib/api/params";
import { type ApiIssue, apiError } from "@/lib/api/responses";
import { canMakeReports } from "@/lib/auth/permissions";
import { userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { getReportData } from "./data";
import { renderReportDocx } from "./docx";
import { reportIssues, reportTranslator, unknownProposalIssue } from "./issues";
import { renderReportPdf } from "./pdf";
import { reportRequest } from "./schema";

const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

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
  if (!parsed.success) return invalid(locale, reportIssues(parsed.error, locale));
  const params = parsed.data;
  const data = await getReportData(db, params);
  if (!data) {
    return invalid(locale, [unknownProposalIssue(params.proposal, locale)]);
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
