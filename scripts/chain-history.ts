// Chains the history rows that have no place in the chain yet (lib/history-chain/backfill.ts): after
// the migration that added the chain, the rows written before it. Run by `npm run db:migrate`
// (scripts/db.mjs) after the migrations; a second run finds nothing to do.
import { createPrismaClient } from "../lib/db/client";
import { chainUnchainedHistory } from "../lib/history-chain/backfill";

const db = createPrismaClient();
try {
  const counts = await chainUnchainedHistory(db);
  const chained = Object.entries(counts).filter(([, count]) => count > 0);
  if (chained.length > 0)
    console.log(
      `History chain: chained ${chained.map(([table, count]) => `${count} ${table}`).join(", ")} rows`,
    );
} finally {
  await db.$disconnect();
}
