// `npm run verify-history`: recomputes the StatusUpdate and AuditEvent chains of DATABASE_URL's
// database (lib/history-chain) and prints each chain's head, or the first broken row, exiting 1.
import { createPrismaClient, sqlReader } from "../lib/db/client";
import { describeReport } from "../lib/history-chain/describe";
import { verifyHistory } from "../lib/history-chain/verify";

const db = createPrismaClient();
try {
  const reports = await verifyHistory(sqlReader(db));
  for (const report of reports) console.log(describeReport(report));
  if (reports.some((report) => !report.ok)) process.exitCode = 1;
} finally {
  await db.$disconnect();
}
