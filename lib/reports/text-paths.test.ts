import { describe, expect, it } from "vitest";
import { regularFont } from "./fonts";
import { textToPaths } from "./text-paths";

const label = (attributes: string, text: string) =>
  `<svg><text${attributes} font-family="Noto Sans SC" font-size="11px" fill="#334155" opacity="1">${text}</text></svg>`;

describe("chart labels as outlines", () => {
  it("draws a Chinese label as a path in its place, right-aligned at its anchor", () => {
    const font = regularFont();
    const { svg, textLeft } = textToPaths(
      label(' text-anchor="end" transform="translate(-2,14.4)"', "推进中"),
      font,
    );
    expect(textLeft).toBe(false);
    expect(svg).not.toContain("<text");
    const path = svg.match(/<path transform="([^"]+)" fill="#334155" opacity="1" d="([^"]+)"\/>/);
    expect(path?.[2]).toMatch(/^M/);
    // Three em-wide characters of 11 px end at the anchor: shifted left by 33 px.
    const [, shift] = path?.[1]?.match(/translate\(-2,14\.4\) translate\((-?[\d.]+),0\)/) ?? [];
    expect(Number(shift)).toBeCloseTo(-33, 0);
    expect(path?.[1]).toContain(`scale(${11 / font.unitsPerEm},${-11 / font.unitsPerEm})`);
  });

  it("reads entities, and leaves to resvg a text it cannot draw", () => {
    const font = regularFont();
    expect(textToPaths(label("", "R&amp;D"), font).textLeft).toBe(false);
    const odd = textToPaths(label(' font-weight="bold"', "受阻"), font);
    expect(odd.textLeft).toBe(true);
    expect(odd.svg).toContain("受阻</text>");
  });
});
