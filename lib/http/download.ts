// The Content-Disposition of a download: `filename` in ASCII for old clients and RFC 8187's
// `filename*` with the real name, Chinese included; and the name back out of it in the browser.
import { encodeExtended, parse } from "content-disposition";

/** What cannot stand in a quoted ASCII file name, each replaced by "_". */
const NOT_ASCII = /[^\x20-\x7e]|["\\]/g;

/** An attachment named `fileName`; `asciiFallback` (default: the name with "_" for what is not ASCII). */
export function attachment(fileName: string, asciiFallback: string = fileName): string {
  return `attachment; filename="${asciiFallback.replace(NOT_ASCII, "_")}"; filename*=${encodeExtended(fileName)}`;
}

/** The file name a download's Content-Disposition gives, or `fallback` when it gives none. */
export function downloadFileName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  try {
    return parse(disposition).parameters.filename || fallback;
  } catch {
    return fallback;
  }
}
