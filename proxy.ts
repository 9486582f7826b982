import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

const handleLocale = createMiddleware(routing);
const SIGN_IN = /^\/[^/]+\/sign-in\/?$/;
// The public progress pages are for everyone: their page checks publication itself.
const PUBLIC = /^\/[^/]+\/public\/[^/]+\/?$/;

/**
 * Locale routing, and a quick redirect to sign in for visitors without a session cookie. This only
 * saves a round trip: pages and server actions check the session itself.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const locale = routing.locales.find((l) => pathname === `/${l}` || pathname.startsWith(`/${l}/`));
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
  // Pages only: not the API, Next's assets or static files. Item codes contain dots ("R3.2"), so
  // only known file extensions mark a static file.
  matcher: "/((?!api|_next|_vercel|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|json|css|js|map|woff2?)$).*)",
};
