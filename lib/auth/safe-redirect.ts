/**
 * Where to go after signing in: only a path inside this app. Anything else — another origin,
 * a protocol-relative "//host" or "/\host", a scheme — falls back to the home page, so the
 * sign-in link cannot be turned into an open redirect.
 */
export function safeNextPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  try {
    const url = new URL(next, "http://tracker.invalid");
    if (url.origin !== "http://tracker.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
