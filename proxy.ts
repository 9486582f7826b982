import { getSessionCookie } from "better-auth/cookies";
import { NextRequest, NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import createMiddleware from "next-intl/middleware";
import { jsonError } from "./lib/http/errors";
import { requestIsHttps } from "./lib/http/forwarded";
import { preferredLocale } from "./lib/http/locale";
import {
  createNonce,
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from "./lib/http/security-headers";
import { routeTranslator } from "./lib/http/translator";
import { type Locale, routing } from "./lib/i18n/routing";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

const handleLocale = createMiddleware(routing);
const SIGN_IN = /^\/[^/]+\/sign-in\/?$/;
// The public progress pages are for everyone: their page checks publication itself.
const PUBLIC = /^\/[^/]+\/public\/[^/]+\/?$/;
// What the matcher's first entry leaves out: the API, Next's assets and static files.
const NOT_A_PAGE =
  /^\/(?:api|_next|_vercel)(?:\/|$)|\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|json|css|js|map|woff2?)$/;

/**
 * A malformed escape (`/api/v1/recommendations/%ff`, `/zh-CN/public/%E0%A4%A`), which Next.js itself
 * cannot decode: it would answer 500 before any page or route could say no. The API says what is
 * wrong (400, in its error shape); a page is a plain 404 in its language, as no code or id holds such
 * a thing. (Not a rewrite to the app's 404 page: Next.js may take that for another site's address.)
 */
function malformedPath(request: NextRequest, pathname: string, locale: Locale | undefined) {
  if (pathname.startsWith("/api/")) {
    const apiLanguage = preferredLocale(request.headers.get("accept-language"));
    return jsonError(400, "invalid_parameter", routeTranslator(apiLanguage)("error.malformedPath"), {
      locale: apiLanguage,
    });
  }
  const language = locale ?? routing.defaultLocale;
  const t = createTranslator({
    locale: language,
    messages: language === "en" ? en : zh,
    namespace: "notFound",
  });
  const html = `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><title>${t("title")}</title></head><body><h1>${t("title")}</h1><p>${t("body")}</p><p><a href="/${language}">${t("home")}</a></p></body></html>`;
  return new NextResponse(html, {
    status: 404,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Locale routing, the pages' Content-Security-Policy (a nonce per request), and a quick redirect to
 * sign in for visitors without a session cookie. The redirect only saves a round trip: pages and
 * server actions check the session themselves.
 */
export default function proxy(request: NextRequest) {
  const https = requestIsHttps(request.headers);
  const policy = pageContentSecurityPolicy(createNonce(), {
    development: process.env.NODE_ENV === "development",
    https,
  });
  const secure = <R extends Response>(response: R) => {
    response.headers.set("Content-Security-Policy", policy);
    if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  };

  const { pathname, search } = request.nextUrl;
  const locale = routing.locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
  if (!decodable(pathname)) return secure(malformedPath(request, pathname, locale));
  // Only paths with an escape, for the check above.
  if (NOT_A_PAGE.test(pathname)) return NextResponse.next();
  // A server action answers a signed-out caller itself ("sign in again"), keeping the form's input.
  const serverAction = request.method === "POST" && request.headers.has("next-action");
  if (
    locale &&
    !serverAction &&
    !SIGN_IN.test(pathname) &&
    !PUBLIC.test(pathname) &&
    !getSessionCookie(request, { cookiePrefix: "tracker" })
  ) {
    const signIn = new URL(`/${locale}/sign-in`, request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return secure(NextResponse.redirect(signIn));
  }
  // Next.js takes the nonce for its scripts from the policy on the request.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return secure(handleLocale(new NextRequest(request, { headers })));
}

export const config = {
  matcher: [
    // Pages only: not the API (its headers are in next.config.ts; a proxy in front of route handlers
    // would also cap the size of uploads), Next's assets or static files. Item codes contain dots
    // ("R3.2"), so only known file extensions mark a static file.
    "/((?!api|_next|_vercel|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|json|css|js|map|woff2?)$).*)",
    // Any path with a percent-escape, whose escapes are checked.
    "/(.*%.*)",
  ],
};
