// An app process's background notification work alone, for tests that run several of them at once:
// lib/notifications/worker.ts's pass, with the real senders, on DATABASE_URL, again and again (the app
// waits a minute between passes; this only a moment, so that a test need not). The passes start on
// the same ticks of the clock in every such process, so that they race for each row queued. Run as
//   node --import tsx --conditions=react-server tests/integration/support/notification-process.ts <leaseMs>
// (node itself, not the tsx command, which would run the script in a child process of its own: a
// SIGKILL must reach the process that sends). Prints "ready" once its first pass is done.
import { createPrismaClient } from "@/lib/db/client";
import { notificationPass } from "@/lib/notifications/worker";

const leaseMs = Number(process.argv[2]);
if (!Number.isSafeInteger(leaseMs) || leaseMs < 1) throw new Error(`A lease in ms, not ${process.argv[2]}`);
const TICK_MS = 50;

const db = createPrismaClient();
let stopping = false;
process.once("SIGTERM", () => {
  stopping = true;
});

for (let pass = 0; !stopping; pass += 1) {
  await notificationPass(db, new Date(), { leaseMs });
  if (pass === 0) console.log("ready");
  await new Promise((resolve) => setTimeout(resolve, TICK_MS - (Date.now() % TICK_MS)));
}
await db.$disconnect();
