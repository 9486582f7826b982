// Which files are shown in the browser rather than only downloaded: images and PDFs that browsers
// display themselves. Apart from lib/files/types.ts so that client components can use it.
const PREVIEWED = ["application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp"];

/** Whether a file of this recorded MIME type may be shown inline (in a sandbox). */
export function previewable(mime: string): boolean {
  return PREVIEWED.includes(mime);
}
