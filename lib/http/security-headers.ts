// The Content-Security-Policy of the app's pages, and Strict-Transport-Security. The proxy (proxy.ts)
// makes a fresh nonce for each page request and puts the policy on the request too: Next.js reads the
// nonce from it and puts it on its own script tags (every page renders per request, as it reads the
// session). Headers for everything, route handlers included, are in next.config.ts.

/** A nonce for one response: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts only with the nonce (and what they load: 'strict-dynamic'); everything else from this
 * origin only. Styles may be inline: React and recharts set style attributes, which no nonce covers,
 * and a style cannot run code. Development needs eval for React's debugging aids.
 */
export function pageContentSecurityPolicy(
  nonce: string,
  { development = false, https = false }: { development?: boolean; https?: boolean } = {},
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a local or test server) there is nothing to upgrade to.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Route handlers answer JSON and files, never a document that should run or load anything. */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Sent only on responses to https requests (over http a browser ignores it anyway). */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
