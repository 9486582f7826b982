// Draws SVG charts as PNG images with resvg, in a process of its own that ends with the report:
// resvg-js 2.6 never frees the pixels of a render (about 7 MB a chart, github.com/thx/resvg-js
// issue 216), which a long-running app process would pile up. Plain JavaScript, so that Node runs it
// as it is, from the app's folder.
//   stdin:  {"svgs": [...], "scale": 3, "fontFile": "...ttf" or null, "fontFamily": "Noto Sans SC"}
//   stdout: {"pngs": ["<base64>", ...]}
import { crc32, deflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";

/**
 * An RGB PNG of RGBA pixels on white: resvg's own PNG keeps an alpha channel, which pdfkit would
 * separate pixel by pixel in JavaScript; an RGB PNG goes into the PDF as it is.
 * @param {Buffer} rgba
 * @param {number} width
 * @param {number} height
 */
function opaquePng(rgba, width, height) {
  const rows = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const out = y * (1 + width * 3);
    rows[out] = 0; // filter: none
    for (let x = 0, from = y * width * 4, to = out + 1; x < width; x++, from += 4, to += 3) {
      rows[to] = rgba[from];
      rows[to + 1] = rgba[from + 1];
      rows[to + 2] = rgba[from + 2];
    }
  }
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { svgs, scale, fontFile, fontFamily } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const pngs = svgs.map((/** @type {string} */ svg) => {
  const rendered = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    // The shipped font only: no system fonts, nothing fetched; none at all when the app has drawn
    // every label as outlines (loading the font was most of the time).
    font: { fontFiles: fontFile ? [fontFile] : [], loadSystemFonts: false, defaultFontFamily: fontFamily },
  }).render();
  return opaquePng(rendered.pixels, rendered.width, rendered.height).toString("base64");
});
process.stdout.write(JSON.stringify({ pngs }));
