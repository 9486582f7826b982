// What a check keeps of a fetched page: its title, a hash of its text and a short snapshot. The text,
// not the bytes, is hashed, so that a changed script, style or markup does not flag the page as
// changed. Pages are decoded by their declared charset (header, then <meta>), GBK/GB2312/GB18030 too:
// Chinese government sites use them.
import { createHash } from "node:crypto";
import { Parser } from "htmlparser2";
import iconv from "iconv-lite";

export const SNAPSHOT_CHARS = 500;
const TITLE_CHARS = 300;

export type PageSummary = { title: string | null; textHash: string; snapshot: string | null };

/** The charset a response declares: its Content-Type first, then a <meta> near the start of the page. */
export function declaredCharset(contentType: string | null, body: Buffer): string | null {
  const fromHeader = contentType?.match(/charset\s*=\s*["']?([\w-]+)/i)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  // Meta tags are ASCII whatever the page's charset; the HTML standard looks in the first 1024 bytes.
  const head = body.subarray(0, 2048).toString("latin1");
  const fromMeta = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1];
  return fromMeta ? fromMeta.toLowerCase() : null;
}

export function decodeBody(body: Buffer, charset: string | null): string {
  // GB2312 pages use GBK's characters in practice; GB18030 is a superset of both.
  const name = charset && /^(gb2312|gbk|x-gbk|gb_2312-80|cp936)$/i.test(charset) ? "gb18030" : charset;
  if (name && name !== "utf-8" && name !== "utf8" && iconv.encodingExists(name))
    return iconv.decode(body, name);
  return body.toString("utf8").replace(/^\uFEFF/, "");
}

const SKIPPED = new Set(["script", "style", "noscript", "template", "svg"]);
// Block elements end a run of words: their text does not run into the next one's.
const BLOCKS = /^(p|div|br|li|tr|td|th|h[1-6]|section|article|header|footer|nav|ul|ol|table|dd|dt)$/;

/** The title and the visible text of an HTML page, whitespace collapsed. */
export function htmlText(html: string): { title: string | null; text: string } {
  let title = "";
  let inTitle = false;
  let skipping = 0;
  const parts: string[] = [];
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === "title") inTitle = true;
        else if (SKIPPED.has(name)) skipping += 1;
        if (BLOCKS.test(name)) parts.push(" ");
      },
      ontext(text) {
        if (inTitle) title += text;
        else if (skipping === 0) parts.push(text);
      },
      onclosetag(name) {
        if (name === "title") inTitle = false;
        else if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        if (BLOCKS.test(name)) parts.push(" ");
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  const collapsed = title.replace(/\s+/g, " ").trim();
  return { title: collapsed ? collapsed.slice(0, TITLE_CHARS) : null, text: collapse(parts.join("")) };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function sha256(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Title, text hash and snapshot of a response body by its Content-Type. */
export function summarizePage(contentType: string | null, body: Buffer): PageSummary {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  const looksHtml =
    type === "" ? /^\s*<(!doctype|html|head|body)/i.test(body.subarray(0, 512).toString("latin1")) : false;
  if (type === "text/html" || type === "application/xhtml+xml" || looksHtml) {
    const { title, text } = htmlText(decodeBody(body, declaredCharset(contentType, body)));
    return { title, textHash: sha256(text), snapshot: text ? text.slice(0, SNAPSHOT_CHARS) : null };
  }
  if (type.startsWith("text/")) {
    const text = collapse(decodeBody(body, declaredCharset(contentType, Buffer.alloc(0))));
    return { title: null, textHash: sha256(text), snapshot: text ? text.slice(0, SNAPSHOT_CHARS) : null };
  }
  // A PDF, an image, a document: its bytes are what it says.
  return { title: null, textHash: sha256(body), snapshot: null };
}
