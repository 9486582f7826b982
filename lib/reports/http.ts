// GET /api/reports?proposal=…&asOf=…&compareTo=…&locale=zh-CN|en&format=pdf|docx: the report file for
// a signed-in official, staff member or admin. Bad input is a 400 in JSON that says what is wrong, and
// no file; past the limits on reports drawn at once, a 429; a database too busy to record the claim, a 503.
// POST /api/reports takes the same settings as a form (application/x-www-form-urlencoded) and, with
// them, the narratives edited on the Reports page ("narrative.R1" = …): too long for an address, and
// never stored.
import "server-only";
import { canMakeReports } from "@/lib/auth/permissions";
import { type CurrentUser, userOfSession } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import { attachment } from "@/lib/http/download";
import { type ErrorIssue, jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { queryValues } from "@/lib/http/query";
import { databaseBusyMessage } from "@/lib/i18n/database-busy";
import type { Locale } from "@/lib/i18n/routing";
import { claimSlot } from "@/lib/slots/slots";
import { getReportData } from "./data";
import { renderReportDocx } from "./docx";
import { reportIssues, reportTranslator, unknownProposalIssue } from "./issues";
import { MAX_REPORT_BODY_BYTES, NARRATIVE_PREFIX, type Narratives, narrativeSchema } from "./narrative";
import { renderReportPdf } from "./pdf";
import { type ReportRequest, reportRequest } from "./schema";

/**
 * At most this many reports are drawn at once for one person, and in all: a report takes the app
 * process's CPU for about half a second on an idle machine, and a dozen at once took 16–22 s each and
 * slowed every other request down.
 */
export const REPORT_LIMITS = { perOwner: 2, total: 4 } as const;

const CONTENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

function invalid(locale: Locale, issues: ErrorIssue[]) {
  const t = reportTranslator(locale);
  const summary = issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; ");
  return jsonError(400, "invalid_parameter", t.reports("error.invalid", { issues: summary }), {
    locale,
    issues,
  });
}

/** The report's file, or null for an unknown proposal. */
async function makeReport(
  params: ReportRequest & { narrative?: Narratives },
): Promise<{ code: string; file: Buffer } | null> {
  const data = await getReportData(db, params);
  if (!data) return null;
  const file =
    params.format === "pdf" ? await renderReportPdf(data, params) : await renderReportDocx(data, params);
  return { code: data.proposal.code, file };
}

/** The signed-in user who may make reports, or the error response. */
async function reportMaker(request: Request, locale: Locale) {
  const t = reportTranslator(locale);
  const user = await userOfSession(request.headers);
  if (!user) return jsonError(401, "unauthorized", t.reports("error.unauthorized"), { locale });
  if (!canMakeReports(user)) return jsonError(403, "unauthorized", t.reports("error.forbidden"), { locale });
  return user;
}

export async function handleReportRequest(request: Request): Promise<Response> {
  const values = queryValues(new URL(request.url));
  const locale = requestLocale(request, values.locale);
  const user = await reportMaker(request, locale);
  if (user instanceof Response) return user;
  const parsed = reportRequest.safeParse(values);
  if (!parsed.success) return invalid(locale, reportIssues(parsed.error, locale));
  return respond(user, locale, parsed.data);
}

/** The body's text, or null past `maxBytes` (read no further) or when it is no text. */
async function bodyText(request: Request, maxBytes: number): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return null;
  }
}

export async function handleReportPost(request: Request): Promise<Response> {
  const query = queryValues(new URL(request.url));
  const user = await reportMaker(request, requestLocale(request, query.locale));
  if (user instanceof Response) return user;
  // The session cookie is SameSite=Lax already; this refuses a cross-site form outright.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && URL.parse(origin)?.host !== host) {
    const locale = requestLocale(request, query.locale);
    return jsonError(403, "unauthorized", reportTranslator(locale).reports("error.forbidden"), { locale });
  }
  const type = request.headers.get("content-type") ?? "";
  const text = await bodyText(request, MAX_REPORT_BODY_BYTES);
  if (text === null || (text !== "" && !type.startsWith("application/x-www-form-urlencoded"))) {
    const locale = requestLocale(request, query.locale);
    const key = text === null ? "error.bodyTooLarge" : "error.badBody";
    return jsonError(text === null ? 413 : 400, "invalid_parameter", reportTranslator(locale).reports(key), {
      locale,
    });
  }
  // The settings from the address and the form (the form's win); the narratives apart.
  const values: Record<string, string> = { ...query };
  const narratives: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (key.startsWith(NARRATIVE_PREFIX)) narratives[key.slice(NARRATIVE_PREFIX.length)] = value;
    else if (value !== "") values[key] = value;
  }
  const locale = requestLocale(request, values.locale);
  const parsed = reportRequest.safeParse(values);
  const narrative = narrativeSchema.safeParse(narratives);
  const issues = [
    ...(parsed.success ? [] : reportIssues(parsed.error, locale)),
    ...(narrative.success
      ? []
      : reportIssues(narrative.error, locale).map((issue) => ({
          ...issue,
          parameter: issue.parameter ? `${NARRATIVE_PREFIX}${issue.parameter}` : "narrative",
        }))),
  ];
  if (!parsed.success || !narrative.success) return invalid(locale, issues);
  return respond(user, locale, { ...parsed.data, narrative: narrative.data });
}

async function respond(
  user: CurrentUser,
  locale: Locale,
  params: ReportRequest & { narrative?: Narratives },
): Promise<Response> {
  const t = reportTranslator(locale);
  const claim = await unlessBusy(
    () => claimSlot(db, { kind: "report", owner: `user:${user.id}`, ...REPORT_LIMITS }),
    () => null,
  );
  if (!claim)
    return jsonError(503, "service_unavailable", databaseBusyMessage(locale, "retry"), {
      locale,
      headers: { "Retry-After": "5" },
    });
  const { slot, refused } = claim;
  if (!slot) {
    const key = refused === "perOwner" ? "error.tooManyReportsOfYours" : "error.tooManyReports";
    return jsonError(429, "too_many_requests", t.reports(key, { count: REPORT_LIMITS.perOwner }), {
      locale,
      headers: { "Retry-After": "10" },
    });
  }
  let report: Awaited<ReturnType<typeof makeReport>>;
  try {
    report = await makeReport(params);
  } finally {
    await slot.release();
  }
  if (!report) return invalid(locale, [unknownProposalIssue(params.proposal, locale)]);
  const { code, file } = report;
  const fileName = `${t.reports("document.fileName", { code, asOf: params.asOf })}.${params.format}`;
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": CONTENT_TYPES[params.format],
      "Content-Disposition": attachment(fileName),
      "Content-Length": String(file.length),
      "Cache-Control": "no-store",
    },
  });
}
