// What a file is, read from its first bytes (file-type), never from its name: the kinds of file the
// app takes, and whether a name's extension agrees with the content. Old Office and WPS files
// (.doc/.xls/.ppt, .wps/.et/.dps) are OLE compound files, which file-type names "cfb" without telling
// them apart: for them the extension chooses among the compound types, and the MIME type recorded is
// that extension's. OFD (GB/T 33190, 版式文档) is a zip whose entries include OFD.xml at its root.
import { type Detector, FileTypeParser } from "file-type";

/** How many of a file's first bytes detection reads (a zip's first entries' names are in them). */
export const SNIFF_BYTES = 64 * 1024;

type Family = "pdf" | "image" | "word" | "excel" | "powerpoint" | "wps" | "ofd";

type Allowed = {
  family: Family;
  /** The extensions a file of this content may be named with, and the MIME type to record for each. */
  extensions: Record<string, string>;
  /** Shown in the browser (in a sandbox) rather than only downloaded. */
  preview?: boolean;
};

const COMPOUND: Record<string, string> = {
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  wps: "application/vnd.ms-works",
  et: "application/vnd.ms-excel",
  dps: "application/vnd.ms-powerpoint",
};

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

/** By the type file-type (or the OFD detector) reads from the content. */
const ALLOWED: Record<string, Allowed> = {
  pdf: { family: "pdf", extensions: { pdf: "application/pdf" }, preview: true },
  jpg: { family: "image", extensions: { jpg: "image/jpeg", jpeg: "image/jpeg" }, preview: true },
  png: { family: "image", extensions: { png: "image/png" }, preview: true },
  gif: { family: "image", extensions: { gif: "image/gif" }, preview: true },
  webp: { family: "image", extensions: { webp: "image/webp" }, preview: true },
  tif: { family: "image", extensions: { tif: "image/tiff", tiff: "image/tiff" } },
  bmp: { family: "image", extensions: { bmp: "image/bmp" } },
  // Newer WPS files are OOXML under their own extensions.
  docx: { family: "word", extensions: { docx: DOCX, wps: DOCX } },
  xlsx: { family: "excel", extensions: { xlsx: XLSX, et: XLSX } },
  pptx: { family: "powerpoint", extensions: { pptx: PPTX, dps: PPTX } },
  cfb: { family: "wps", extensions: COMPOUND },
  ofd: { family: "ofd", extensions: { ofd: "application/ofd" } },
};

/** The extensions a file may have, for the file picker's `accept` and the help text. */
export const ACCEPTED_EXTENSIONS = [
  ...new Set(Object.values(ALLOWED).flatMap((a) => Object.keys(a.extensions))),
];

const LOCAL_FILE_HEADER = [0x50, 0x4b, 0x03, 0x04];
const OFD_ROOT = new TextEncoder().encode("OFD.xml");

/** OFD: a zip with a local file header for "OFD.xml" among its first bytes. */
const detectOfd: Detector = {
  id: "ofd",
  async detect(tokenizer) {
    const sample = new Uint8Array(SNIFF_BYTES);
    const length = await tokenizer.peekBuffer(sample, { length: SNIFF_BYTES, mayBeLess: true });
    if (!LOCAL_FILE_HEADER.every((byte, i) => sample[i] === byte)) return undefined;
    for (let at = 0; at + 30 + OFD_ROOT.length <= length; at++) {
      if (!LOCAL_FILE_HEADER.every((byte, i) => sample[at + i] === byte)) continue;
      const nameLength = (sample[at + 26] ?? 0) | ((sample[at + 27] ?? 0) << 8);
      const name = sample.subarray(at + 30, at + 30 + nameLength);
      if (nameLength === OFD_ROOT.length && OFD_ROOT.every((byte, i) => name[i] === byte))
        return { ext: "ofd", mime: "application/ofd" };
    }
    return undefined;
  },
};

export type FileKind = { mime: string; extension: string; preview: boolean };

export type TypeProblem = "empty" | "typeNotAllowed" | "extensionMismatch";

/** The extension of a name, lower case, without its dot ("" when it has none). */
export function extensionOf(name: string): string {
  const match = /\.([^./\\]+)$/.exec(name.trim());
  return match?.[1]?.toLowerCase() ?? "";
}

/**
 * What the file that starts with `head` (its first SNIFF_BYTES, or all of it) is, if the app takes it
 * under `name`: the content must be of an allowed type, and the name's extension one of that type's.
 */
export async function detectFileKind(
  head: Uint8Array,
  name: string,
): Promise<FileKind | { problem: TypeProblem }> {
  if (head.length === 0) return { problem: "empty" };
  const parser = new FileTypeParser({ customDetectors: [detectOfd] });
  const detected = await parser.fromBuffer(head);
  const allowed = detected ? ALLOWED[detected.ext] : undefined;
  if (!allowed) return { problem: "typeNotAllowed" };
  const extension = extensionOf(name);
  const mime = allowed.extensions[extension];
  if (!mime) return { problem: "extensionMismatch" };
  return { mime, extension, preview: allowed.preview === true };
}
