import { shortHash } from "./heads-format";
import type { ChainReport } from "./verify";

const PROBLEMS = {
  missing: "the rows before it are missing (deleted, or it was moved)",
  content: "its content does not match its contentHash (edited)",
  link: "its chainHash does not follow from the row before (reordered, or a row before it replaced)",
  unchained: "it has no place in the chain (written past the app, or `npm run db:migrate` not run)",
} as const;

/** One line for the terminal: OK with the head, or the first broken row and what is wrong. */
export function describeReport(report: ChainReport): string {
  if (report.ok)
    return `OK     ${report.table}: ${report.rows} rows, head #${report.head.chainSeq} ${shortHash(report.head.chainHash)} (${report.head.chainHash})`;
  const { broken } = report;
  const place = broken.chainSeq === null ? "no chainSeq" : `chainSeq ${broken.chainSeq}`;
  const expected = broken.expectedSeq === undefined ? "" : `, expected chainSeq ${broken.expectedSeq}`;
  return `BROKEN ${report.table}: row ${place}, id ${broken.id}: ${PROBLEMS[broken.problem]}${expected} (after ${report.rows} good rows)`;
}
