import { notFound } from "next/navigation";
import { hasControlCharacters } from "./fields";

/**
 * A dynamic path segment as pages receive it (still percent-encoded), decoded; null when its escapes
 * are malformed (`%ff`, `%E0%A4%A`, a lone `%`) or it holds a control character (NUL), neither of
 * which any code, id or name of the app can contain.
 */
export function safeDecodeSegment(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return hasControlCharacters(decoded) ? null : decoded;
}

/** For pages: the decoded segment, or the page's 404 when there can be no such thing. */
export function decodedSegment(segment: string): string {
  const decoded = safeDecodeSegment(segment);
  if (decoded === null) notFound();
  return decoded;
}
