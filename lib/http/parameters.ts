// Query and path parameters that failed their schema, in words: one shape for every route handler.
import type { z } from "zod";
import { type ErrorIssue, jsonError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/routing";
import type { RouteTranslator } from "./translator";

/** The 400 answer for query (or path) parameters that failed their schema. */
export function invalidParameters(error: z.ZodError, t: RouteTranslator, locale: Locale): Response {
  return jsonError(400, "invalid_parameter", t("error.invalidParameters"), {
    locale,
    issues: parameterIssues(error, t),
  });
}

/**
 * One entry per parameter and problem, in words. A schema's message that is a key of "api.issue"
 * (e.g. `{ error: "dateInvalid" }`) is used as is; otherwise the message follows the kind of problem.
 */
export function parameterIssues(error: z.ZodError, t: RouteTranslator): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const add = (parameter: string, message: string) => {
    if (!issues.some((issue) => issue.parameter === parameter && issue.message === message))
      issues.push({ parameter, message });
  };
  for (const issue of error.issues) {
    // The first path segment is the parameter; deeper ones are items of a list ("status.1").
    const parameter = String(issue.path[0] ?? "");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) add(parameter ? `${parameter}.${key}` : key, t("issue.unknownParameter"));
    } else {
      add(parameter, issueMessage(issue, t));
    }
  }
  return issues;
}

function issueMessage(issue: z.core.$ZodIssue, t: RouteTranslator): string {
  if (/^[a-zA-Z]+$/.test(issue.message) && t.has(`issue.${issue.message}`))
    return t(`issue.${issue.message}`);
  switch (issue.code) {
    case "invalid_type":
      return t("issue.invalidType", {
        expected: issue.expected === "int" ? "integer" : String(issue.expected),
      });
    case "too_small":
      return t("issue.tooSmall", { origin: issue.origin, minimum: Number(issue.minimum) });
    case "too_big":
      return t("issue.tooBig", { origin: issue.origin, maximum: Number(issue.maximum) });
    case "invalid_value":
      return t("issue.invalidValue", { values: issue.values.map(String).join(", ") });
    case "invalid_format":
      return t("issue.invalidFormat", { format: issue.format });
    default:
      return t("issue.invalid");
  }
}
