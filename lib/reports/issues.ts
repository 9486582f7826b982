// What is wrong with a report's settings, in words: the download route answers them in a 400, the
// Reports page shows them beside its fields.
import { createTranslator } from "use-intl/core";
import type { z } from "zod";
import type { ErrorIssue } from "@/lib/http/errors";
import { parameterIssues } from "@/lib/http/parameters";
import { routeTranslator } from "@/lib/http/translator";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

/** The "reports" messages, falling back to the API's for the generic problems (bad date, bad value…). */
export function reportTranslator(locale: Locale) {
  const reports = createTranslator({ locale, messages: locale === "en" ? en : zh, namespace: "reports" });
  const api = routeTranslator(locale);
  const known = (key: string) => reports.has(key as "title");
  const t = (key: string, values?: Record<string, string | number>) =>
    known(key) ? reports(key as "title", values) : api(key, values);
  return Object.assign(t, { has: (key: string) => known(key) || api.has(key), reports });
}

export function reportIssues(error: z.ZodError, locale: Locale): ErrorIssue[] {
  return parameterIssues(error, reportTranslator(locale));
}

export function unknownProposalIssue(code: string, locale: Locale): ErrorIssue {
  return {
    parameter: "proposal",
    message: reportTranslator(locale).reports("issue.unknownProposal", { code }),
  };
}
