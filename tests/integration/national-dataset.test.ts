// The national-scale generator at a tiny scale, checked with SQL on both databases: proportional
// counts, the constraints, the history chain the app relies on, and that the app reads it back.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { addMonths, shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { describeReport } from "@/lib/history-chain/describe";
import { verifyHistory } from "@/lib/history-chain/verify";
import { rollUp } from "@/lib/recommendations/roll-up";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { openBulkWriter } from "../../scripts/national/bulk-writer";
import {
  type GenerateResult,
  generateNationalDataset,
  NATIONAL_DATASET_TODAY,
  NATIONAL_GENERATOR_VERSION,
  NATIONAL_SIZES,
  readDatasetInfo,
} from "../../scripts/national/generate";
import { createPostgresDatabase, createSqliteDatabase } from "./databases";

const SCALE = 0.005;
let result: GenerateResult;

/** The one number a `SELECT COUNT(*) AS n …` returns (a bigint on PostgreSQL). */
async function count(sql: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number | bigint }[]>(sql);
  return Number(rows[0]?.n ?? Number.NaN);
}

beforeAll(async () => {
  // Before the app's client opens the database: the SQLite writer switches its journal mode.
  result = await generateNationalDataset(process.env.DATABASE_URL ?? "", { scale: SCALE });
}, 120_000);

describe("national dataset generator", () => {
  it("writes counts in proportion to the national sizes", async () => {
    expect(await db.proposal.count()).toBe(Math.round(NATIONAL_SIZES.proposals * SCALE));
    expect(await db.recommendation.count()).toBe(Math.round(NATIONAL_SIZES.recommendations * SCALE));
    expect(await db.action.count()).toBe(Math.round(NATIONAL_SIZES.actions * SCALE));
    expect(await db.evidence.count()).toBe(Math.round(NATIONAL_SIZES.evidence * SCALE));
    expect(await db.statusUpdate.count()).toBe(Math.round(NATIONAL_SIZES.statusUpdates * SCALE));
    expect(await db.theme.count()).toBe(15);
    expect(await db.agency.count()).toBe(60);
    expect(result.counts.statusUpdates).toBe(await db.statusUpdate.count());
    expect(await db.statusUpdateEvidence.count()).toBe(result.counts.statusUpdateEvidence);
  });

  it("writes an unbroken history chain (lib/history-chain), as the app would have", async () => {
    const reports = await verifyHistory(sqlReader(db));
    expect(reports.map(describeReport).join("\n")).not.toContain("BROKEN");
    expect(reports[0]).toMatchObject({ ok: true, rows: result.counts.statusUpdates });
    expect(reports[1]).toMatchObject({ ok: true, rows: 1 });
  });

  it("records itself in the audit log, which the benchmark reads to reuse a dataset", async () => {
    const writer = openBulkWriter(process.env.DATABASE_URL ?? "");
    try {
      const info = await readDatasetInfo(writer);
      expect(info).toMatchObject({
        generator: "national",
        version: NATIONAL_GENERATOR_VERSION,
        scale: SCALE,
      });
      expect(info?.counts).toEqual(result.counts);
    } finally {
      await writer.close();
    }
  });

  it("is deterministic: the same seed writes the same rows into another database", async () => {
    const template = inject("templateDatabaseUrl");
    const other = template.startsWith("file:")
      ? createSqliteDatabase(template)
      : await createPostgresDatabase(template);
    await generateNationalDataset(other, { scale: SCALE });
    const [here, there] = await Promise.all(
      [process.env.DATABASE_URL ?? "", other].map(async (url) => {
        const reader = openBulkWriter(url);
        try {
          const hash = createHash("sha256");
          for (const table of ["Proposal", "Recommendation", "Action", "Evidence", "StatusUpdate"])
            hash.update(JSON.stringify(await reader.query(`SELECT * FROM "${table}" ORDER BY "id"`)));
          return hash.digest("hex");
        } finally {
          await reader.close();
        }
      }),
    );
    expect(there).toBe(here);
  });

  it("appends each item's history in order, each update starting from the previous one", async () => {
    const broken = await count(`
      SELECT COUNT(*) AS n FROM (
        SELECT su."statusBefore", su."progressBefore", su."effectiveDate", su."createdAt",
               LAG(su."statusAfter") OVER w AS "previousStatus",
               LAG(su."progressAfter") OVER w AS "previousProgress",
               LAG(su."effectiveDate") OVER w AS "previousEffective",
               LAG(su."createdAt") OVER w AS "previousCreated"
        FROM "StatusUpdate" su
        WINDOW w AS (PARTITION BY COALESCE(su."recommendationId", su."actionId") ORDER BY su."createdAt", su."id")
      ) chain
      WHERE "statusBefore" IS DISTINCT FROM "previousStatus"
         OR "progressBefore" IS DISTINCT FROM "previousProgress"
         OR "effectiveDate" < "previousEffective"
         OR "createdAt" <= "previousCreated"`);
    expect(broken).toBe(0);
  });

  it.each(["Recommendation", "Action"])(
    "gives each %s the state of its last update, or not started",
    async (table) => {
      const parent = table === "Recommendation" ? "recommendationId" : "actionId";
      const wrong = await count(`
      SELECT COUNT(*) AS n FROM "${table}" item
      LEFT JOIN (
        SELECT "${parent}" AS "itemId", "statusAfter", "progressAfter",
               ROW_NUMBER() OVER (PARTITION BY "${parent}" ORDER BY "createdAt" DESC, "id" DESC) AS "rank"
        FROM "StatusUpdate" WHERE "${parent}" IS NOT NULL
      ) last ON last."itemId" = item."id" AND last."rank" = 1
      WHERE (last."itemId" IS NULL AND (item."status" <> 'not_started' OR item."progress" <> 0))
         OR (last."itemId" IS NOT NULL
             AND (item."status" <> last."statusAfter" OR item."progress" <> last."progressAfter"))`);
      expect(wrong).toBe(0);
      // Progress agrees with the status, in the items and in every update.
      expect(
        await count(`SELECT COUNT(*) AS n FROM "${table}" WHERE ("status" = 'completed' AND "progress" <> 100)
                   OR ("status" = 'not_started' AND "progress" <> 0)`),
      ).toBe(0);
      expect(
        await count(
          `SELECT COUNT(*) AS n FROM "StatusUpdate" WHERE "statusAfter" = 'completed' AND "progressAfter" <> 100`,
        ),
      ).toBe(0);
    },
  );

  it("links every roll-up to an update of one of the recommendation's actions, on the same day, after it", async () => {
    expect(result.counts.rollUps).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM "StatusUpdate" WHERE "rollUpOfId" IS NOT NULL`)).toBe(
      result.counts.rollUps,
    );
    const wrong = await count(`
      SELECT COUNT(*) AS n FROM "StatusUpdate" ru
      JOIN "StatusUpdate" cause ON cause."id" = ru."rollUpOfId"
      LEFT JOIN "Action" a ON a."id" = cause."actionId"
      WHERE a."id" IS NULL
         OR ru."recommendationId" IS DISTINCT FROM a."recommendationId"
         OR ru."effectiveDate" <> cause."effectiveDate"
         OR ru."createdAt" <= cause."createdAt"
         OR ru."rollUpActionCode" IS DISTINCT FROM a."code"
         OR ru."rollUpCause" IS DISTINCT FROM 'action_update'
         OR (ru."statusBefore" IS NOT NULL AND ru."statusBefore" <> ru."statusAfter")`);
    expect(wrong).toBe(0);
  });

  it("keeps each recommendation with actions at its actions' roll-up", async () => {
    const recs = await db.recommendation.findMany({
      where: { actions: { some: {} } },
      select: {
        status: true,
        progress: true,
        actions: { select: { status: true, progress: true, weight: true } },
      },
    });
    expect(recs.length).toBeGreaterThan(0);
    for (const rec of recs)
      expect({ status: rec.status, progress: rec.progress }).toEqual(rollUp(rec.actions));
  });

  it("gives every item exactly one lead agency and at most two co-handlers", async () => {
    for (const [table, link, key] of [
      ["Recommendation", "RecommendationAgency", "recommendationId"],
      ["Action", "ActionAgency", "actionId"],
    ]) {
      const wrong = await count(`
        SELECT COUNT(*) AS n FROM "${table}" item
        WHERE (SELECT COUNT(*) FROM "${link}" l WHERE l."${key}" = item."id" AND l."role" = 'lead') <> 1
           OR (SELECT COUNT(*) FROM "${link}" l WHERE l."${key}" = item."id" AND l."role" = 'co_handler') > 2`);
      expect(wrong, table).toBe(0);
    }
  });

  it("writes evidence with one parent and an http(s) link, cited only by its own item's updates made after it", async () => {
    expect(
      await count(`SELECT COUNT(*) AS n FROM "Evidence"
        WHERE ("recommendationId" IS NULL) = ("actionId" IS NULL)
           OR ("url" NOT LIKE 'http://%' AND "url" NOT LIKE 'https://%') OR length("url") > 2000`),
    ).toBe(0);
    expect(
      await count(`SELECT COUNT(*) AS n FROM "StatusUpdateEvidence" l
        JOIN "StatusUpdate" su ON su."id" = l."statusUpdateId"
        JOIN "Evidence" e ON e."id" = l."evidenceId"
        WHERE su."recommendationId" IS DISTINCT FROM e."recommendationId"
           OR su."actionId" IS DISTINCT FROM e."actionId"
           OR e."createdAt" > su."createdAt"`),
    ).toBe(0);
  });

  it("spreads the statuses, with some items overdue", async () => {
    const statuses = await db.$queryRawUnsafe<{ status: string; n: number | bigint }[]>(`
      SELECT "status", COUNT(*) AS n FROM (
        SELECT CAST("status" AS TEXT) AS "status" FROM "Recommendation"
        UNION ALL SELECT CAST("status" AS TEXT) FROM "Action") items
      GROUP BY "status"`);
    const byStatus = Object.fromEntries(statuses.map((row) => [row.status, Number(row.n)]));
    const items = Object.values(byStatus).reduce((sum, n) => sum + n, 0);
    for (const status of ["not_started", "in_progress", "completed", "stalled", "not_adopted"])
      expect(byStatus[status] ?? 0, status).toBeGreaterThan(items * 0.02);
    const overdue = await db.action.count({
      where: { dueDate: { lt: shanghaiToday() }, status: { notIn: ["completed", "not_adopted"] } },
    });
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan((await db.action.count()) / 2);
  });

  it("stores calendar dates as midnight in Shanghai, readable by the app, within the dataset's years", async () => {
    const recs = await db.recommendation.findMany();
    for (const rec of recs) {
      for (const date of [rec.startDate, rec.dueDate, rec.assignedAt, rec.replyDueAt, rec.repliedAt]) {
        if (date) expect(new Date(date.getTime() + 8 * 3600_000).getUTCHours()).toBe(0);
      }
      if (!rec.assignedAt || !rec.replyDueAt) throw new Error(`${rec.id} has no assignment`);
      const months = rec.replyExtensionReason ? 6 : 3;
      expect(toShanghaiDateString(rec.replyDueAt)).toBe(
        addMonths(toShanghaiDateString(rec.assignedAt), months),
      );
      if (rec.satisfaction)
        expect(["satisfied", "basically_satisfied", "dissatisfied"]).toContain(rec.satisfaction);
      if (rec.dueDate && rec.startDate) expect(rec.dueDate >= rec.startDate).toBe(true);
    }
    const span = await db.statusUpdate.aggregate({
      _min: { effectiveDate: true, createdAt: true },
      _max: { effectiveDate: true, createdAt: true },
    });
    expect(span._min.effectiveDate?.getUTCFullYear()).toBeGreaterThanOrEqual(2019);
    expect(toShanghaiDateString(span._max.createdAt ?? new Date(0)) <= NATIONAL_DATASET_TODAY).toBe(true);
  });

  it("reads back through the app: the as-of state of today is the current one, and search finds Chinese words", async () => {
    const proposal = await db.proposal.findFirstOrThrow({
      where: { recommendations: { some: { actions: { some: { status: { not: "not_started" } } } } } },
      select: { id: true, code: true },
    });
    const today = toShanghaiDateString(shanghaiToday());
    for (const kind of ["recommendation", "action"] as const) {
      const page = await getTrackingPage(
        db,
        parseTrackingParams({ kind, proposal: proposal.code, asOf: today, perPage: "100" }),
      );
      const items =
        kind === "action"
          ? await db.action.findMany({ where: { recommendation: { proposalId: proposal.id } } })
          : await db.recommendation.findMany({ where: { proposalId: proposal.id } });
      expect(page.total).toBe(items.length);
      for (const item of items) {
        const row = page.rows.find((r) => r.id === item.id);
        expect(row && { status: row.status, progress: row.progress }, item.id).toEqual({
          status: item.status,
          progress: item.progress,
        });
      }
    }

    const q = "人工智能";
    const recs = await db.recommendation.findMany({
      select: { titleZh: true, descriptionZh: true, evidence: { select: { titleZh: true } } },
    });
    const matching = recs.filter(
      (r) =>
        r.titleZh.includes(q) || r.descriptionZh.includes(q) || r.evidence.some((e) => e.titleZh.includes(q)),
    ).length;
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(recs.length * 0.3);
    const page = await getTrackingPage(db, parseTrackingParams({ q, perPage: "25" }));
    expect(page.total).toBe(matching);
  });
});
