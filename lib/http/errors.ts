// Every JSON answer of a route handler that is an error has one shape, the API's:
// { error: { code, message, issues? } }, never cached, in the language the message is in.
import type { Locale } from "@/lib/i18n/routing";

export const ERROR_CODES = [
  "unauthorized",
  "forbidden",
  "invalid_parameter",
  // An upload that is no readable file of the kind asked for (lib/import/file.ts says why).
  "invalid_file",
  "not_found",
  "payload_too_large",
  "too_many_requests",
  "internal_error",
  // The database was too busy to take a write in time (lib/db/busy.ts): try again after Retry-After.
  "service_unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What is wrong with one parameter. */
export type ErrorIssue = { parameter: string; message: string };

/** The body of every error answer, as a page's script reads it. */
export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: ErrorIssue[] } };

type AnswerOptions = { locale: Locale; headers?: Record<string, string> };

/** A JSON answer, never cached, that says which language its words are in. */
export function jsonAnswer(
  body: unknown,
  { status = 200, locale, headers }: AnswerOptions & { status?: number },
): Response {
  return Response.json(body, {
    status,
    headers: { "Cache-Control": "no-store", "Content-Language": locale, ...headers },
  });
}

/** An error answer: `message` is for people, in `locale`; `issues` say what is wrong with each parameter. */
export function jsonError(
  status: number,
  code: ErrorCode,
  message: string,
  { issues, ...options }: AnswerOptions & { issues?: ErrorIssue[] },
): Response {
  const error = issues ? { code, message, issues } : { code, message };
  return jsonAnswer({ error }, { status, ...options });
}
