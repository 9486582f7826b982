// Spreadsheets run a cell whose text starts with one of these as a formula (CSV injection, OWASP):
// such text is exported with a leading apostrophe, which Excel and LibreOffice show as plain text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that a spreadsheet will show as text, never run: dangerous text gets a leading `'`. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
