// `npm run reminders -- --as-of YYYY-MM-DD [--dry-run]`
// Runs the reminder scheduler once for that Shanghai day on DATABASE_URL and prints one line per
// reminder and recipient (rule, item code, recipient). Without --dry-run it also writes them and
// sends what is due (e-mails, bot posts). Running a day again writes nothing new.
import { parseArgs } from "node:util";
import { isIsoDate, toShanghaiDateString } from "../lib/dates";
import { createPrismaClient } from "../lib/db/client";
import { sendDueDeliveries } from "../lib/notifications/deliveries";
import { runReminders } from "../lib/notifications/scheduler";
import { channelSenders } from "../lib/notifications/senders";

const { values } = parseArgs({ options: { "as-of": { type: "string" }, "dry-run": { type: "boolean" } } });
const day = values["as-of"] ?? toShanghaiDateString(new Date());
if (!isIsoDate(day)) {
  console.error(`--as-of must be a day as YYYY-MM-DD, not ${day}`);
  process.exit(2);
}
const dryRun = values["dry-run"] === true;
const db = createPrismaClient();
try {
  const { plan, written } = await runReminders(db, day, { dryRun });
  const users = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(plan.events.flatMap((e) => e.recipientIds))] } },
        select: { id: true, email: true },
      })
    ).map((user) => [user.id, user.email]),
  );
  for (const { event, recipientIds } of plan.events) {
    const item = event.item
      ? [event.item.proposalCode, event.item.recommendationCode, event.item.actionCode]
          .filter(Boolean)
          .join("/")
      : "-";
    for (const id of recipientIds) console.log(`${event.rule}\t${item}\t${users.get(id) ?? id}`);
  }
  const people = plan.events.reduce((sum, e) => sum + e.recipientIds.length, 0);
  if (dryRun)
    console.error(
      `${day}: ${plan.events.length} reminders to ${people} recipients (dry run: nothing written).`,
    );
  else {
    let sent = 0;
    let failed = 0;
    for (;;) {
      const result = await sendDueDeliveries(db, channelSenders(), { limit: 100 });
      sent += result.sent;
      failed += result.failed + result.retried;
      if (result.sent + result.retried + result.failed === 0) break;
    }
    console.error(
      `${day}: ${written} reminders written; ${sent} messages sent, ${failed} not (see the delivery log).`,
    );
  }
} finally {
  await db.$disconnect();
}
