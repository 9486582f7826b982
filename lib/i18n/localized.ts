import type { Locale } from "./routing";

/** User-facing text is stored in Chinese with an optional English version; English falls back to Chinese. */
export function localized(locale: string, zh: string, en: string | null | undefined): string {
  return locale === "en" && en ? en : zh;
}

/** An agency's names as stored: the full name, and the short one lists and menus show. */
export type AgencyNames = {
  nameZh: string;
  nameEn: string | null;
  shortNameZh: string | null;
  shortNameEn: string | null;
};

/** An agency as lists and menus show it: its short name where it has one. */
export function agencyShortName(locale: string, agency: AgencyNames): string {
  return localized(locale, agency.shortNameZh ?? agency.nameZh, agency.shortNameEn ?? agency.nameEn);
}

export function isLocale(value: string): value is Locale {
  return value === "zh-CN" || value === "en";
}
