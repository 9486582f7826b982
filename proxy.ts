import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { apiTranslator } from "./lib/api/i18n";
import { apiLocale } from "./lib/api/locale";
import { apiError } from "./lib/api/responses";
import { routing } from "./lib/i18n/routing";

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
 * wrong (400, in its error shape); a page is the localized 404, as no code or id holds such a thing.
 */
function malformedPath(request: NextRequest, pathname: string, locale: string | undefined) {
  if (pathname.startsWith("/api/")) {
    const apiLanguage = apiLocale(request.headers.get("accept-language"));
    return apiError(400, "invalid_parameter", apiTranslator(apiLanguage)("error.malformedPath"), {
      locale: apiLanguage,
    });
  }
  const notFoundPage = new URL(`/${locale ?? routing.defaultLocale}/malformed-address`, request.url);
  notFoundPage.search = "";
  return NextResponse.rewrite(notFoundPage);
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
 * Locale routing, and a quick redirect to sign in for visitors without a session cookie. This only
 * saves a round trip: pages and server actions check the session itself.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const locale = routing.locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
  if (!decodable(pathname)) return malformedPath(request, pathname, locale);
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
    return NextResponse.redirect(signIn);
  }
  return handleLocale(request);
}

export const config = {
  matcher: [
    // Pages only: not the API, Next's assets or static files. Item codes contain dots ("R3.2"), so
    // only known file extensions mark a static file.
    "/((?!api|_next|_vercel|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|json|css|js|map|woff2?)$).*)",
    // Any path with a percent-escape, whose escapes are checked.
    "/(.*%.*)",
  ],
};
