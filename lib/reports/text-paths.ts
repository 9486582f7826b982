// Vega's SVG text as outlines drawn with the app's already parsed CJK font (lib/reports/fonts.ts), so
// that resvg needs no font: loading the 10 MB Noto Sans SC file into resvg took about half a second a
// chart on an idle machine and two or three seconds on a busy one — most of a report's time.
import type { Font } from "fontkit";

const TEXT = /<text((?:\s+[a-z-]+="[^"]*")*)\s*>([^<]*)<\/text>/g;
const ATTRIBUTE = /([a-z-]+)="([^"]*)"/g;
/** What a text element may say for it to be drawn here; any other attribute leaves it to resvg. */
const KNOWN = new Set(["text-anchor", "transform", "font-family", "font-size", "fill", "opacity", "x", "y"]);

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, "&");

/** One text element as a path of its glyphs, or null when it says something not handled here. */
function textPath(attributes: string, content: string, font: Font): string | null {
  const values = new Map([...attributes.matchAll(ATTRIBUTE)].map((m) => [m[1] ?? "", m[2] ?? ""]));
  if ([...values.keys()].some((name) => !KNOWN.has(name))) return null;
  const size = Number.parseFloat(values.get("font-size") ?? "");
  if (!Number.isFinite(size)) return null;
  const text = unescapeXml(content);
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  let x = 0;
  const outlines: string[] = [];
  run.glyphs.forEach((glyph, index) => {
    const position = run.positions[index];
    const d = glyph.path.translate(x + (position?.xOffset ?? 0), position?.yOffset ?? 0).toSVG();
    if (d) outlines.push(d);
    x += position?.xAdvance ?? glyph.advanceWidth;
  });
  const anchor = values.get("text-anchor");
  const shift = anchor === "end" ? -x * scale : anchor === "middle" ? (-x * scale) / 2 : 0;
  const transform = [
    values.get("transform") ?? "",
    `translate(${Number(values.get("x") ?? 0) + shift},${Number(values.get("y") ?? 0)})`,
    // Font units have y upwards; SVG's go down.
    `scale(${scale},${-scale})`,
  ]
    .filter(Boolean)
    .join(" ");
  const paint = ["fill", "opacity"]
    .filter((name) => values.has(name))
    .map((name) => ` ${name}="${values.get(name)}"`)
    .join("");
  return `<path transform="${transform}"${paint} d="${outlines.join("")}"/>`;
}

/** The SVG with every text element it can draw as outlines; whether any text is left for resvg. */
export function textToPaths(svg: string, font: Font): { svg: string; textLeft: boolean } {
  let textLeft = false;
  const drawn = svg.replace(TEXT, (element, attributes: string, content: string) => {
    const path = textPath(attributes, content, font);
    if (path === null) textLeft = true;
    return path ?? element;
  });
  return { svg: drawn, textLeft: textLeft || drawn.includes("<text") };
}
