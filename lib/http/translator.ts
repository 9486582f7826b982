import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

const MESSAGES: Record<Locale, Record<string, unknown>> = { "zh-CN": zh, en };

/** Messages of the "api" namespace; keys may be dynamic (a schema's own message key), so they are strings. */
export type RouteTranslator = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** The messages of route handlers ("api" namespace) in a locale, outside of a page render (route handlers have no next-intl request). */
export function routeTranslator(locale: Locale): RouteTranslator {
  return createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace: "api",
  }) as unknown as RouteTranslator;
}

/** The messages of the "deputy" namespace, for the route handlers that refuse a deputy. */
export function deputyTranslator(locale: Locale): (key: string) => string {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "deputy" }) as unknown as (
    key: string,
  ) => string;
}
