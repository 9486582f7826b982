// An item of a spec's own, in a proposal of its own: a copy of the sample's proposal under another
// code, so that specs running side by side never change the sample's counts (its 8 items) that others
// read. The item is led and co-handled as the sample's R3 (SHEITC, STCSM).
import Database from "better-sqlite3";

const DATABASE_FILE = "data/e2e.db";

/** A date as Prisma writes it into SQLite. */
export const stored = (instant: Date) => instant.toISOString().replace("Z", "+00:00");

export type DemoItem = {
  proposal: string;
  code: string;
  titleZh: string;
  /** Columns of the recommendation besides those copied from R3 (stage, dates, status). */
  values: Record<string, string | number | null>;
  /** When its agencies were given it and acknowledged it (default: as in R3). */
  assignedAt?: string;
  acknowledgedAt?: string | null;
  /** false: not assigned to any agency yet. */
  withAgencies?: boolean;
};

/** Adds the proposal (once) and the item, and returns the item's page in Chinese. */
export function addDemoItem(item: DemoItem): string {
  // Other specs write meanwhile, through the app: wait for their transactions rather than fail. The
  // transaction takes the write lock first (IMMEDIATE): one that read first and then wrote could not
  // wait, and would fail at once if another write had come in between.
  const database = new Database(DATABASE_FILE, { timeout: 30_000 });
  try {
    database
      .transaction(() => {
        const sample = database.prepare(`SELECT * FROM "Proposal" WHERE "code" = 'LLM-2024'`).get() as Record<
          string,
          unknown
        >;
        const proposalId = `e2e-${item.proposal.toLowerCase()}`;
        insert(database, "Proposal", {
          ...sample,
          id: proposalId,
          code: item.proposal,
          titleZh: `${item.proposal} 演示建议`,
          titleEn: `${item.proposal} demo proposal`,
        });
        const r3 = database
          .prepare(
            `SELECT r.* FROM "Recommendation" r JOIN "Proposal" p ON p."id" = r."proposalId"
           WHERE p."code" = 'LLM-2024' AND r."code" = 'R3'`,
          )
          .get() as Record<string, string | number | null>;
        const id = `${proposalId}-${item.code.toLowerCase()}`;
        insert(database, "Recommendation", {
          id,
          proposalId,
          code: item.code,
          sortOrder: 1,
          titleZh: item.titleZh,
          descriptionZh: r3.descriptionZh ?? "",
          sourceQuote: r3.sourceQuote ?? "",
          assignedAt: r3.assignedAt ?? null,
          createdAt: r3.createdAt ?? null,
          updatedAt: r3.updatedAt ?? null,
          ...item.values,
        });
        if (item.withAgencies === false) return;
        database
          .prepare(
            `INSERT OR IGNORE INTO "RecommendationAgency" ("recommendationId", "agencyId", "role", "acknowledgedAt", "createdAt")
           SELECT ?, "agencyId", "role", COALESCE(?, "createdAt"), COALESCE(?, "createdAt")
           FROM "RecommendationAgency" WHERE "recommendationId" = ?`,
          )
          .run(id, item.acknowledgedAt ?? null, item.assignedAt ?? null, r3.id);
      })
      .immediate();
  } finally {
    database.close();
  }
  return `/zh-CN/proposals/${item.proposal}/${item.code}`;
}

function insert(database: Database.Database, table: string, row: Record<string, unknown>) {
  const columns = Object.keys(row);
  database
    .prepare(
      `INSERT OR IGNORE INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")})
       VALUES (${columns.map(() => "?").join(", ")})`,
    )
    .run(...Object.values(row));
}
