// Cached dashboard figures live in the database: every app process (here, two clients) serves the
// same figures, and none serves figures that a change to the data has made stale.
import { beforeAll, describe, expect, it } from "vitest";
import { getDashboardCached } from "@/lib/dashboard/cache";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { seedSampleData } from "../../prisma/seed";

const other = createPrismaClient(process.env.DATABASE_URL);
const params = parseDashboardParams({});
const today = shanghaiToday();

beforeAll(async () => {
  await seedSampleData(db);
});

describe("dashboard cache", () => {
  it("stores the figures once and serves them to every process until the data changes", async () => {
    const first = await getDashboardCached(db, params, today);
    expect(first).toEqual(await getDashboard(db, params, today));
    expect(await db.dashboardCache.count()).toBe(1);
    const stored = await db.dashboardCache.findFirstOrThrow();

    // Another process reads the stored figures (the entry is not rewritten).
    expect(await getDashboardCached(other, params, today)).toEqual(first);
    expect((await db.dashboardCache.findFirstOrThrow()).createdAt).toEqual(stored.createdAt);

    // A change in one process moves the data version on; the other recomputes.
    const before = await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
    const stalled = await db.recommendation.findFirstOrThrow({ where: { status: "in_progress" } });
    await db.recommendation.update({ where: { id: stalled.id }, data: { status: "stalled" } });
    expect((await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version).toBeGreaterThan(
      before.version,
    );

    const after = await getDashboardCached(other, params, today);
    expect(after.headline.stalled).toBe(first.headline.stalled + 1);
    expect(after).toEqual(await getDashboard(db, params, today));
    expect(await getDashboardCached(db, params, today)).toEqual(after);
    // The stale entry is gone.
    expect(await db.dashboardCache.count()).toBe(1);
  });

  it("is not served once an author of a listed change is renamed", async () => {
    const first = await getDashboardCached(db, params, today);
    const author = first.changes.find((change) => change.author)?.author;
    expect(author).toBeDefined();
    const user = await db.user.findFirstOrThrow({ where: { name: author?.name } });
    await db.user.update({ where: { id: user.id }, data: { name: `${user.name}（改名）` } });
    const after = await getDashboardCached(other, params, today);
    expect(after.changes.some((change) => change.author?.name === `${user.name}（改名）`)).toBe(true);
  });

  it("keeps one entry per view and per day", async () => {
    await getDashboardCached(db, parseDashboardParams({ kind: "action" }), today);
    await getDashboardCached(db, params, new Date(today.getTime() + 86_400_000));
    expect(await db.dashboardCache.count()).toBe(3);
    // (the view of today, refreshed after the rename, and the two new ones)
  });
});
