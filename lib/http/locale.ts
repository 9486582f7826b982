import { type Locale, routing } from "@/lib/i18n/routing";

/**
 * The language a route handler answers in: the one the request names (`?locale=`, or the parameter
 * an endpoint documents, e.g. the open data's `?lang=`) when it is one the app speaks, else the
 * caller's Accept-Language (preferredLocale).
 */
export function requestLocale(request: Request, named?: string | null): Locale {
  return (
    routing.locales.find((locale) => locale === named) ??
    preferredLocale(request.headers.get("accept-language"))
  );
}

/**
 * The language of an Accept-Language header: English when the caller prefers it to Chinese, Chinese
 * (the app's first language) otherwise.
 */
export function preferredLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";").map((piece) => piece.trim());
      const quality = params.find((param) => param.startsWith("q="));
      return { tag: tag.toLowerCase(), q: quality ? Number(quality.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return routing.defaultLocale;
}
