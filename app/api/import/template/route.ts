// GET /api/import/template?format=xlsx|csv&locale=…: the import's template of the items the signed-in
// user may update (lib/import/template.ts). A bad format is a 400 { error: { code, message } } in the
// user's language (?locale=, else Accept-Language).
import type { NextRequest } from "next/server";
import { canImport } from "@/lib/auth/permissions";
import { userOfSession } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import { attachment } from "@/lib/http/download";
import { type ErrorCode, jsonError } from "@/lib/http/errors";
import { requestLocale } from "@/lib/http/locale";
import { databaseBusyMessage } from "@/lib/i18n/database-busy";
import { MAX_ROWS } from "@/lib/import/file";
import { importTranslator } from "@/lib/import/messages";
import { getTemplateRows, TEMPLATE_FORMATS, templateCsv, templateXlsx } from "@/lib/import/template";

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
} as const;

export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const locale = requestLocale(request, params.get("locale"));
  const t = importTranslator(locale);
  const error = (status: number, code: ErrorCode, message: string, headers?: Record<string, string>) =>
    jsonError(status, code, message, { locale, headers });

  const user = await userOfSession(request.headers);
  if (!user) return error(401, "unauthorized", t("error.signedOut"));
  if (!canImport(user)) return error(403, "forbidden", t("error.forbidden"));
  const format = TEMPLATE_FORMATS.find((f) => f === params.get("format"));
  if (!format) return error(400, "invalid_parameter", t("templateFile.badFormat"));

  const rows = await unlessBusy(
    () => getTemplateRows(db, user, locale),
    () => null,
  );
  if (!rows)
    return error(503, "service_unavailable", databaseBusyMessage(locale, "retry"), { "Retry-After": "5" });
  if (rows === "tooMany")
    return error(413, "payload_too_large", t("templateFile.tooMany", { rows: MAX_ROWS }));
  const body = format === "xlsx" ? await templateXlsx(rows, locale) : templateCsv(rows, locale);
  const fileName = `${t("templateFile.fileName")}-${toShanghaiDateString(new Date())}.${format}`;
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": attachment(fileName, `import-template.${format}`),
      "Cache-Control": "no-store",
      "Content-Language": locale,
    },
  });
}
