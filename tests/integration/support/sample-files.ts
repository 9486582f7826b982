// Small real files of every kind the app takes, made here byte for byte (no fixtures to keep): a
// stored (uncompressed) zip for the OOXML and OFD kinds, a 1×1 PNG, and the first sector of an OLE
// compound file for the old Office and WPS kinds.
import { crc32, deflateSync } from "node:zlib";

/** A zip of `entries`, stored without compression. */
export function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, "utf8");
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/x" ContentType="${main}"/></Types>`;

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real PNG of `width` × `height` grey pixels. */
export function png(width = 1, height = 1): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 0;
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** A PDF's bytes with `text` in them, padded to at least `size` bytes by a comment. */
export function pdf(text = "sample", size = 0): Buffer {
  const body = `%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`;
  const padding = Math.max(0, size - Buffer.byteLength(body));
  return Buffer.concat([Buffer.from(body), Buffer.alloc(padding, 0x20)]);
}

/** The first sector of an OLE compound file (old .doc/.xls/.ppt, .wps/.et/.dps). */
export function compoundFile(): Buffer {
  const sector = Buffer.alloc(1536, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(sector);
  sector.writeUInt16LE(0x003e, 24);
  sector.writeUInt16LE(0x0003, 26);
  sector.writeUInt16LE(0xfffe, 28);
  sector.writeUInt16LE(0x0009, 30);
  return sector;
}

export const SAMPLE_FILES: Record<string, () => Buffer> = {
  "函件.pdf": () => pdf("letter"),
  "scan.png": () => png(2, 2),
  "scan.jpg": () =>
    Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), Buffer.from("JFIF\0"), Buffer.alloc(64)]),
  "scan.gif": () => Buffer.concat([Buffer.from("GIF89a"), Buffer.alloc(64)]),
  "scan.webp": () =>
    Buffer.concat([
      Buffer.from("RIFF"),
      Buffer.from([0x40, 0, 0, 0]),
      Buffer.from("WEBPVP8 "),
      Buffer.alloc(64),
    ]),
  "报告.docx": () =>
    storedZip({
      "[Content_Types].xml": contentTypes(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      ),
      "word/document.xml": "<w:document/>",
    }),
  "表格.xlsx": () =>
    storedZip({
      "[Content_Types].xml": contentTypes(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      ),
      "xl/workbook.xml": "<workbook/>",
    }),
  "汇报.pptx": () =>
    storedZip({
      "[Content_Types].xml": contentTypes(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
      ),
      "ppt/presentation.xml": "<p:presentation/>",
    }),
  "旧版.doc": compoundFile,
  "旧版.xls": compoundFile,
  "旧版.ppt": compoundFile,
  "金山.wps": compoundFile,
  "金山.et": compoundFile,
  "金山.dps": compoundFile,
  "版式.ofd": () =>
    storedZip({
      "OFD.xml": '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>',
      "Doc_0/Document.xml": "<ofd:Document/>",
    }),
};

/** An ELF executable's start and a Windows one's. */
export const EXECUTABLES = {
  elf: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]),
  pe: () => {
    const bytes = Buffer.alloc(256);
    bytes.write("MZ", 0, "latin1");
    bytes.writeUInt32LE(0x80, 0x3c);
    bytes.write("PE\0\0", 0x80, "latin1");
    return bytes;
  },
};
