import type { Locale } from "./routing";

/** User-facing text is stored in Chinese with an optional English version; English falls back to Chinese. */
export function localized(locale: string, zh: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : zh;
}

export function isLocale(value: string): value is Locale {
  return value === "zh-CN" || value === "en";
}
