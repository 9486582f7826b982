// Runs once as each app server process starts (Next.js calls register() before the first request).
// Work left running by an earlier process of this host that was killed — its export workers, its
// reports, its uploads being read — stops counting against the limits at once, and its exports are
// marked failed, rather than after their slots' heartbeat has gone quiet (lib/slots). Then the
// notifications' background work starts (lib/notifications/worker.ts), and the link checks'
// (lib/link-checks/worker.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const [
    { db },
    { releaseDeadSlots },
    { failExportsWithoutSlot },
    { startNotificationWorker },
    { startLinkCheckWorker },
  ] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/slots/slots"),
    import("@/lib/export/jobs"),
    import("@/lib/notifications/worker"),
    import("@/lib/link-checks/worker"),
  ]);
  try {
    await releaseDeadSlots(db);
    await failExportsWithoutSlot(db);
  } catch (error) {
    // Not a reason to refuse to start: every claim clears such slots again, and the heartbeat ends the rest.
    console.error("Could not clear the work of ended app processes:", error);
  }
  // Today's reminders (catching up on days missed while no process ran) and the messages to send.
  startNotificationWorker(db);
  // New links checked within a minute of being added, then weekly.
  startLinkCheckWorker(db);
}
