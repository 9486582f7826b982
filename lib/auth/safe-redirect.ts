const BASE = "http://tracker.invalid";

/**
 * Where to go after signing in (or saving): only a path inside this app, normalised as a browser
 * would read it. Anything that a browser or a server on the way could take for another origin falls
 * back to the home page, so that the link cannot be turned into an open redirect: another origin or a
 * scheme ("https:evil", "javascript:"), a protocol-relative "//host" however it is reached ("/.//host",
 * "/%2F%2Fhost", "/..//host"), a backslash (read as "/"), and spaces and control characters (tabs and
 * newlines are dropped from URLs), raw or percent-encoded, in the path.
 */
export function safeNextPath(next: unknown, fallback = "/"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 2000) return fallback;
  // Links this app makes are percent-encoded: a raw space, control character or backslash is a trick.
  if (!next.startsWith("/") || /[\s\\\p{Cc}]/u.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = decodedPath(url.pathname);
  if (path === null || path.includes("//") || /[\s\\\p{Cc}]/u.test(path)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The path with percent-encoding undone, however often it was applied (null when malformed). */
function decodedPath(pathname: string): string | null {
  let path = pathname;
  for (let round = 0; round < 5; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    if (decoded === path) return path;
    path = decoded;
  }
  return null;
}
