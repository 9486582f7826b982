// The files' messages for route handlers, which have no next-intl request.
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { maxFileBytes } from "./config";
import { ACCEPTED_EXTENSIONS } from "./types";
import type { UploadProblem } from "./upload";

const MESSAGES = { "zh-CN": zh, en } as const;

export function filesTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "files" });
}

/** Why an upload was refused, in the user's language. */
export function uploadProblemMessage(locale: Locale, problem: UploadProblem): string {
  return filesTranslator(locale)(`problem.${problem}`, {
    megabytes: Math.round(maxFileBytes() / 1024 / 1024),
    extensions: ACCEPTED_EXTENSIONS.join(", "),
  });
}
