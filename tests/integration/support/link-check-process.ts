// An app process's background link checks alone, for tests that run several at once: the pass of
// lib/link-checks/worker.ts on DATABASE_URL, again and again (the app waits a minute between passes;
// this only a moment), starting on the same ticks of the clock in every such process so that they race
// for each due link. Run as
//   node --import tsx --conditions=react-server tests/integration/support/link-check-process.ts <leaseMs>
// Prints "ready" once its first pass is done.
import { createPrismaClient } from "@/lib/db/client";
import { linkCheckPass } from "@/lib/link-checks/worker";

const leaseMs = Number(process.argv[2]);
if (!Number.isSafeInteger(leaseMs) || leaseMs < 1) throw new Error(`A lease in ms, not ${process.argv[2]}`);
const TICK_MS = 50;

const db = createPrismaClient();
let stopping = false;
process.once("SIGTERM", () => {
  stopping = true;
});

for (let pass = 0; !stopping; pass += 1) {
  const done = await linkCheckPass(db, { leaseMs });
  if (done.checked > 0) console.log(`checked ${done.checked}`);
  if (pass === 0) console.log("ready");
  await new Promise((resolve) => setTimeout(resolve, TICK_MS - (Date.now() % TICK_MS)));
}
await db.$disconnect();
