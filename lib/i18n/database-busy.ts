// "Busy, try again" for route handlers, which have no next-intl request (server actions use
// getTranslations("databaseBusy")). See lib/db/busy.ts.
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import type { Locale } from "./routing";

const MESSAGES = { "zh-CN": zh, en } as const;

export function databaseBusyMessage(locale: Locale, key: keyof (typeof en)["databaseBusy"]): string {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "databaseBusy" })(key);
}
