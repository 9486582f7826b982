import { getSessionCookie } from "better-auth/cookies";
import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { requestIsHttps } from "./lib/http/forwarded";
import {
  createNonce,
  pageContentSecurityPolicy,
  STRICT_TRANSPORT_SECURITY,
} from "./lib/http/security-headers";
import { routing } from "./lib/i18n/routing";

const handleLocale = createMiddleware(routing);
const SIGN_IN = /^\/[^/]+\/sign-in\/?$/;
// The public progress pages are for everyone: their page checks publication itself.
const PUBLIC = /^\/[^/]+\/public\/[^/]+\/?$/;

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
  const secure = (response: NextResponse) => {
    response.headers.set("Content-Security-Policy", policy);
    if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    return response;
  };

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
    return secure(NextResponse.redirect(signIn));
  }
  // Next.js takes the nonce for its scripts from the policy on the request.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  return secure(handleLocale(new NextRequest(request, { headers })));
}

export const config = {
  // Pages only: not the API (its headers are in next.config.ts; a proxy in front of route handlers
  // would also cap the size of uploads), Next's assets or static files. Item codes contain dots
  // ("R3.2"), so only known file extensions mark a static file.
  matcher: "/((?!api|_next|_vercel|.*\\.(?:svg|png|jpe?g|gif|webp|ico|txt|xml|json|css|js|map|woff2?)$).*)",
};
