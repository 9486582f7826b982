// The CJK font shipped with the app (Noto Sans SC, SIL Open Font License, from an npm package), so
// that reports render Chinese the same everywhere without fetching anything. Read from the installed
// package at run time (route handlers are bundled: a path relative to the module would not exist).
import { join } from "node:path";
import * as fontkit from "fontkit";

const FONT_DIR = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");

export const FONT_FAMILY = "Noto Sans SC";
export const REGULAR_FONT_PATH = join(FONT_DIR, "400Regular", "NotoSansSC_400Regular.ttf");
export const BOLD_FONT_PATH = join(FONT_DIR, "700Bold", "NotoSansSC_700Bold.ttf");

// Parsed once per process: a read-only file whose glyph tables (65,000 glyphs) take half a second to
// decode, which every document would otherwise pay again. pdfkit embeds a subset per document.
let regular: fontkit.Font | undefined;
let bold: fontkit.Font | undefined;

function open(path: string): fontkit.Font {
  const font = fontkit.openSync(path);
  if (!("layout" in font)) throw new Error(`${path} is a font collection, not a font`);
  return font;
}

export function regularFont(): fontkit.Font {
  regular ??= open(REGULAR_FONT_PATH);
  return regular;
}

export function boldFont(): fontkit.Font {
  bold ??= open(BOLD_FONT_PATH);
  return bold;
}
