// Dashboard figures, computed once per view, day and data version, and kept in the database so that
// every app process serves the same figures and none serves figures the data has moved past:
// DataVersion moves on (by triggers) in the same transaction as any change to the tracked data.
import { createHash } from "node:crypto";
import superjson from "superjson";
import { DAY_MS, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import type { Db } from "@/lib/db/client";
import type { DashboardParams } from "./params";
import { type Dashboard, getDashboard } from "./queries";

// Bump when the shape of Dashboard changes, so that older entries are not read back.
const FORMAT = 4;

export async function getDashboardCached(
  db: Db,
  params: DashboardParams,
  today: Date = shanghaiToday(),
): Promise<Dashboard> {
  const key = createHash("sha256")
    .update(JSON.stringify({ FORMAT, day: toShanghaiDateString(today), params: sortedEntries(params) }))
    .digest("base64url");
  const [current, cached] = await Promise.all([
    db.dataVersion.findUnique({ where: { id: 1 } }),
    db.dashboardCache.findUnique({ where: { key } }),
  ]);
  const version = current?.version ?? 0n;
  if (cached && cached.version === version) return superjson.parse<Dashboard>(cached.payload);

  const dashboard = await getDashboard(db, params, today);
  const payload = superjson.stringify(dashboard);
  // Two processes missing at once both compute and both store: the same figures, so either may win.
  await db.$transaction([
    db.dashboardCache.upsert({
      where: { key },
      create: { key, version, payload },
      update: { version, payload, createdAt: new Date() },
    }),
    db.dashboardCache.deleteMany({
      where: { OR: [{ version: { lt: version } }, { createdAt: { lt: new Date(Date.now() - 2 * DAY_MS) } }] },
    }),
  ]);
  return dashboard;
}

/** The params with their keys in order, so that equal views hash equally. */
function sortedEntries(params: DashboardParams) {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}
