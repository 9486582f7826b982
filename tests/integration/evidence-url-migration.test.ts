// The migration that makes Evidence.url optional (20261206100000_evidence_url_optional), run last on a
// database holding the sample data with files and link checks:
// every row survives as it was, every CHECK, index and trigger of Evidence is still there and in
// force (on SQLite the table is rebuilt: its schema differs from before in the url column's
// nullability only), and evidence without a link can be stored.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { createPrismaClient } from "@/lib/db/client";
import { migrationsOnDisk } from "@/lib/db/migrations";
import { seedSampleData } from "../../prisma/seed";
import { createEmptyDatabase, removeEmptyDatabase } from "./databases";

const provider = databaseProvider(databaseUrl());
const MIGRATION = "20261206100000_evidence_url_optional";
const script = (name: string) =>
  readFileSync(join("prisma", provider, "migrations", name, "migration.sql"), "utf8");

/** A plain connection that runs scripts and reads rows, on either database. */
type Plain = {
  exec(script: string): Promise<void>;
  rows<T>(query: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
};

async function plainConnection(url: string): Promise<Plain> {
  if (provider === "sqlite") {
    const database = new Database(url.slice("file:".length));
    database.pragma("foreign_keys = ON");
    return {
      exec: async (sql) => void database.exec(sql),
      rows: async <T>(query: string, values: unknown[] = []) => database.prepare(query).all(...values) as T[],
      close: async () => void database.close(),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    exec: async (sql) => void (await client.query(sql)),
    rows: async <T>(query: string, values: unknown[] = []) =>
      (
        await client.query(
          query.replace(
            /\?/g,
            (() => {
              let n = 0;
              return () => `$${++n}`;
            })(),
          ),
          values,
        )
      ).rows as T[],
    close: () => client.end(),
  };
}

let url: string;
let connection: Plain;
let before: { evidence: unknown[]; files: unknown[]; checks: unknown[]; search: number; schema: SchemaRow[] };
type SchemaRow = { type: string; name: string; sql: string | null };

const schemaOf = async (c: Plain): Promise<SchemaRow[]> =>
  provider === "sqlite"
    ? c.rows<SchemaRow>(
        `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`,
      )
    : c.rows<SchemaRow>(
        `SELECT 'constraint' AS type, conname AS name, pg_get_constraintdef(oid) AS sql FROM pg_constraint
           WHERE conrelid = '"Evidence"'::regclass
         UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE tablename = 'Evidence'
         UNION ALL SELECT 'trigger', tgname, pg_get_triggerdef(oid) FROM pg_trigger
           WHERE tgrelid = '"Evidence"'::regclass AND NOT tgisinternal
         UNION ALL SELECT 'column', column_name, data_type || ' ' || is_nullable FROM information_schema.columns
           WHERE table_name = 'Evidence'
         ORDER BY 1, 2`,
      );

const snapshot = async (c: Plain) => ({
  evidence: await c.rows(`SELECT * FROM "Evidence" ORDER BY "id"`),
  files: await c.rows(`SELECT "id", "evidenceId", "name", "sha256" FROM "StoredFile" ORDER BY "id"`),
  checks: await c.rows(`SELECT "id", "evidenceId", "url" FROM "LinkCheck" ORDER BY "id"`),
  search: Number(
    (
      await c.rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM "SearchDocument" WHERE "sourceId" IN (SELECT "id" FROM "Evidence")`,
      )
    )[0]?.n,
  ),
  schema: await schemaOf(c),
});

beforeAll(async () => {
  url = await createEmptyDatabase(provider);
  expect(migrationsOnDisk(provider)).toContain(MIGRATION);
  // Every other migration first, so that the app's seed (written for the current model) can write:
  // those after this one touch other tables (checked here), so their order against it does not matter.
  const others = migrationsOnDisk(provider).filter((name) => name !== MIGRATION);
  const laterOnEvidence = others.filter((name) => name > MIGRATION && /"Evidence"/.test(script(name)));
  expect(laterOnEvidence, "a later migration changes Evidence: run it after this one here").toEqual([]);
  connection = await plainConnection(url);
  for (const name of others) await connection.exec(script(name));
  // The sample data, written by the app's own seed, then a file and a link check on its evidence.
  const client = createPrismaClient(url);
  try {
    await seedSampleData(client);
  } finally {
    await client.$disconnect();
  }
  const [evidence] = await connection.rows<{ id: string; url: string }>(
    `SELECT "id", "url" FROM "Evidence" ORDER BY "id" LIMIT 1`,
  );
  const [user] = await connection.rows<{ id: string }>(`SELECT "id" FROM "User" ORDER BY "id" LIMIT 1`);
  await connection.exec(`
    INSERT INTO "StoredFile" ("id", "evidenceId", "name", "mime", "size", "sha256", "storage", "storageKey", "uploadedById")
      VALUES ('migration-file', '${evidence?.id}', '答复函.pdf', 'application/pdf', 10, '${"a".repeat(64)}', 'database', 'files/migration', '${user?.id}');
    INSERT INTO "LinkCheck" ("id", "evidenceId", "url", "dueAt", "updatedAt")
      VALUES ('ev:${evidence?.id}', '${evidence?.id}', '${evidence?.url}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);`);
  before = await snapshot(connection);
  expect(before.evidence.length).toBeGreaterThan(5);
  await connection.exec(script(MIGRATION));
}, 120_000);

afterAll(async () => {
  await connection?.close();
  if (url) await removeEmptyDatabase(url);
});

describe(`the migration that makes an evidence link optional (${provider})`, () => {
  it("keeps every row of Evidence and of the tables that refer to it as it was", async () => {
    const after = await snapshot(connection);
    expect(after.evidence).toEqual(before.evidence);
    expect(after.files).toEqual(before.files);
    expect(after.checks).toEqual(before.checks);
    expect(after.search).toBe(before.search);
  });

  it("changes the schema in the url column's nullability only", async () => {
    const after = await schemaOf(connection);
    const changed = after.filter(
      (row, index) => JSON.stringify(row) !== JSON.stringify(before.schema[index]),
    );
    expect(after.map((row) => row.name)).toEqual(before.schema.map((row) => row.name));
    expect(changed.map((row) => row.name)).toEqual(provider === "sqlite" ? ["Evidence"] : ["url"]);
    const [was, is] = [before.schema, after].map(
      (rows) => rows.find((row) => row.name === changed[0]?.name)?.sql,
    );
    if (provider === "sqlite") expect(is).toBe(was?.replace(`"url" TEXT NOT NULL,`, `"url" TEXT,`));
    else expect([was, is]).toEqual(["text NO", "text YES"]);
  });

  it("stores evidence without a link, and refuses what it refused before", async () => {
    const [rec] = await connection.rows<{ id: string }>(
      `SELECT "id" FROM "Recommendation" ORDER BY "id" LIMIT 1`,
    );
    const insert = (id: string, columns: string, values: string) =>
      connection.exec(
        `INSERT INTO "Evidence" ("id", "recommendationId", ${columns}, "updatedAt") VALUES ('${id}', '${rec?.id}', ${values}, CURRENT_TIMESTAMP)`,
      );
    await insert("no-link", `"url", "titleZh"`, `NULL, '答复函扫描件'`);
    expect(await connection.rows(`SELECT "url" FROM "Evidence" WHERE "id" = 'no-link'`)).toEqual([
      { url: null },
    ]);
    // The search trigger indexed it; the data version trigger counted it.
    expect(
      await connection.rows(`SELECT "sourceId" FROM "SearchDocument" WHERE "sourceId" = 'no-link'`),
    ).toHaveLength(1);
    await expect(insert("ftp", `"url", "titleZh"`, `'ftp://example.org/x', '非网页链接'`)).rejects.toThrow(
      /Evidence_url_http|check/i,
    );
    await expect(
      insert("long", `"url", "titleZh"`, `'https://example.org/${"a".repeat(2000)}', '过长'`),
    ).rejects.toThrow(/Evidence_url_length|check/i);
    await expect(insert("blank", `"url", "titleZh"`, `NULL, '  '`)).rejects.toThrow(
      /Evidence_title_not_blank|check/i,
    );
    await expect(insert("kind", `"url", "titleZh", "kind"`, `NULL, '种类', 'letter'`)).rejects.toThrow(
      /Evidence_kind_enum|check|enum/i,
    );
    await expect(
      insert("public-internal", `"url", "titleZh", "isPublic", "isInternal"`, `NULL, '内部', true, true`),
    ).rejects.toThrow(/Evidence_internal_not_public|check/i);
    await expect(
      connection.exec(
        `INSERT INTO "Evidence" ("id", "url", "titleZh", "updatedAt") VALUES ('orphan', NULL, '无归属', CURRENT_TIMESTAMP)`,
      ),
    ).rejects.toThrow(/Evidence_one_parent|check/i);
    await expect(connection.exec(`DELETE FROM "Evidence" WHERE "id" = 'no-link'`)).rejects.toThrow(
      /never deleted/,
    );
    // Its foreign keys hold: no piece of an unknown recommendation.
    await expect(
      connection.exec(
        `INSERT INTO "Evidence" ("id", "recommendationId", "titleZh", "updatedAt") VALUES ('fk', 'none', '外键', CURRENT_TIMESTAMP)`,
      ),
    ).rejects.toThrow(/foreign key/i);
  });
});
