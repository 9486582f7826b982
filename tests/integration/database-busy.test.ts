// A busy database, for real on each database: another connection holds the lock a write needs. Each
// error a write then gets from Prisma 7 and its driver adapter is recognised as "busy" (lib/db/busy.ts),
// ordinary errors are not, and the forms answer "busy, try again" with nothing written, instead of a 500.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportView } from "@/app/api/export/route";
import { POST as uploadFile } from "@/app/api/files/route";
import { POST as uploadImport } from "@/app/api/import/route";
import { GET as getReport } from "@/app/api/reports/route";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { PrismaClient as SqliteClient } from "@/generated/sqlite/client";
import { updateTheme } from "@/lib/admin/actions";
import { signIn } from "@/lib/auth/actions";
import { db } from "@/lib/db";
import { isDatabaseBusy, unlessBusy } from "@/lib/db/busy";
import { type Db, providerOf } from "@/lib/db/client";
import { applyImportBatch } from "@/lib/import/actions";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

// The app's lock timeout, shortened for this file alone (before lib/db makes its client), so that each
// refusal takes two seconds rather than five; put back for the files that run after it in this worker.
// (Above PostgreSQL's deadlock_timeout, 1 s, so that a deadlock is still found before the wait ends.)
const LOCK_TIMEOUT_MS = vi.hoisted(() => {
  process.env.DATABASE_LOCK_TIMEOUT_MS = "2000";
  return 2000;
});
afterAll(() => {
  delete process.env.DATABASE_LOCK_TIMEOUT_MS;
});

const url = process.env.DATABASE_URL ?? "";
const provider = providerOf(db);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The error a write fails with (the test fails if it does not). */
async function failure(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error("The write was expected to fail");
}

/** What the error carries that recognition reads: Prisma's code and the driver's own code. */
function shape(error: unknown) {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } } };
  const cause = e.meta?.driverAdapterError?.cause;
  return { code: e.code, originalCode: cause?.originalCode, kind: cause?.kind };
}

// Rows of a table without the data-version trigger, so that two connections meet only where meant.
const expiresAt = new Date("2030-01-01T00:00:00Z");
async function verificationRows(...ids: string[]) {
  await db.verification.deleteMany({ where: { id: { in: ids } } });
  await db.verification.createMany({
    data: ids.map((id) => ({ id, identifier: id, value: "0", expiresAt })),
  });
}
const setValue = (client: Pick<Db, "verification">, id: string, value: string) =>
  client.verification.update({ where: { id }, data: { value } });

// Competing connections, each closed after its test.
const opened: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

/** A plain PostgreSQL connection in an open transaction (nothing of the app's pool). */
async function postgresTransaction(): Promise<pg.Client> {
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  opened.push(() => other.end());
  await other.query("BEGIN");
  return other;
}

/** A second SQLite connection to the same file, holding the write lock (BEGIN IMMEDIATE) until released. */
function sqliteWriteLock() {
  const other = new Database(url.slice("file:".length));
  opened.push(() => other.close());
  other.prepare("BEGIN IMMEDIATE").run();
  return { other, release: () => other.inTransaction && other.prepare("ROLLBACK").run() };
}

describe.runIf(provider === "postgresql")("PostgreSQL, busy", () => {
  it("a transaction that waits for a row lock past its timeout: P2028, expired", async () => {
    await verificationRows("pg-a");
    const other = await postgresTransaction();
    await other.query(`SELECT 1 FROM "Verification" WHERE id = 'pg-a' FOR UPDATE`);
    setTimeout(() => other.query("ROLLBACK"), 1000);
    const error = await failure(() => db.$transaction((tx) => setValue(tx, "pg-a", "1"), { timeout: 300 }));
    expect(shape(error)).toMatchObject({ code: "P2028" });
    expect((error as Error).message).toContain("expired transaction");
    expect(isDatabaseBusy(error)).toBe(true);
    // Rolled back: the update that got the lock at last was not kept.
    expect((await db.verification.findUniqueOrThrow({ where: { id: "pg-a" } })).value).toBe("0");
  });

  it("a transaction that cannot get a connection in time: P2028, unable to start", async () => {
    const small = new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) });
    opened.push(() => small.$disconnect());
    let release = () => {};
    let started = () => {};
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = small.$transaction(async (tx) => {
      await tx.verification.count();
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await holding;
    const error = await failure(() => small.$transaction((tx) => tx.verification.count(), { maxWait: 200 }));
    release();
    await first;
    expect(shape(error)).toMatchObject({ code: "P2028" });
    expect((error as Error).message).toContain("Unable to start a transaction in the given time");
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("lock_timeout (55P03) and statement_timeout (57014)", async () => {
    await verificationRows("pg-b");
    const other = await postgresTransaction();
    await other.query(`SELECT 1 FROM "Verification" WHERE id = 'pg-b' FOR UPDATE`);
    const lockTimeout = await failure(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL lock_timeout = '100ms'");
        await setValue(tx, "pg-b", "1");
      }),
    );
    expect(shape(lockTimeout)).toEqual({ code: "P2039", originalCode: "55P03", kind: "postgres" });
    const statementTimeout = await failure(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = '100ms'");
        await setValue(tx, "pg-b", "1");
      }),
    );
    expect(shape(statementTimeout)).toEqual({ code: "P2039", originalCode: "57014", kind: "postgres" });
    // The same, from a statement written in SQL.
    const rawTimeout = await failure(() =>
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL statement_timeout = '100ms'");
        await tx.$queryRawUnsafe("SELECT pg_sleep(1)");
      }),
    );
    expect(shape(rawTimeout)).toEqual({ code: "P2010", originalCode: "57014", kind: "postgres" });
    for (const error of [lockTimeout, statementTimeout, rawTimeout]) expect(isDatabaseBusy(error)).toBe(true);
  });

  it("a deadlock (40P01): P2034", async () => {
    await verificationRows("pg-c", "pg-d");
    const other = await postgresTransaction();
    await other.query(`UPDATE "Verification" SET value = '5' WHERE id = 'pg-d'`);
    let theirs: Promise<unknown> = Promise.resolve();
    const error = await failure(() =>
      db.$transaction(async (tx) => {
        await setValue(tx, "pg-c", "1");
        // This transaction waits first, so its deadlock check runs first and it is the one cancelled.
        setTimeout(() => {
          theirs = other.query(`UPDATE "Verification" SET value = '6' WHERE id = 'pg-c'`);
        }, 200);
        await setValue(tx, "pg-d", "2");
      }),
    );
    await theirs;
    expect(shape(error)).toEqual({ code: "P2034", originalCode: "40P01", kind: "TransactionWriteConflict" });
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("a serialization failure (40001): P2034", async () => {
    await verificationRows("pg-e");
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    opened.push(() => other.end());
    const error = await failure(() =>
      db.$transaction(
        async (tx) => {
          await tx.verification.findUnique({ where: { id: "pg-e" } });
          await other.query(`UPDATE "Verification" SET value = '7' WHERE id = 'pg-e'`);
          await setValue(tx, "pg-e", "1");
        },
        { isolationLevel: "Serializable" },
      ),
    );
    expect(shape(error)).toEqual({ code: "P2034", originalCode: "40001", kind: "TransactionWriteConflict" });
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("not busy: a unique violation, a syntax error", async () => {
    await verificationRows("pg-f");
    const duplicate = await failure(() =>
      db.verification.create({ data: { id: "pg-f", identifier: "x", value: "x", expiresAt } }),
    );
    expect(shape(duplicate)).toMatchObject({ code: "P2002", originalCode: "23505" });
    const syntax = await failure(() => db.$queryRawUnsafe("SELEC 1"));
    expect(shape(syntax)).toEqual({ code: "P2010", originalCode: "42601", kind: "postgres" });
    for (const error of [duplicate, syntax]) expect(isDatabaseBusy(error)).toBe(false);
  });
});

/** A client on Prisma's own SQLite adapter, as it ships (lib/db/client.ts wraps it), waiting 200 ms. */
function stockSqliteClient() {
  const client = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 200 }) });
  opened.push(() => client.$disconnect());
  return client;
}

describe.runIf(provider === "sqlite")("SQLite, busy", () => {
  it("a write waiting for another connection's write lock past the busy timeout: SQLITE_BUSY", async () => {
    await verificationRows("sq-a");
    // The app waits its lock timeout (lib/db/client.ts); this client of Prisma's own adapter waits
    // 200 ms, the same way, for a statement outside a transaction.
    const quick = stockSqliteClient();
    await quick.verification.count();
    const { release } = sqliteWriteLock();
    const started = performance.now();
    const error = await failure(() => setValue(quick, "sq-a", "1"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    release();
    expect(shape(error)).toEqual({ code: "P1008", originalCode: "SQLITE_BUSY", kind: "SocketTimeout" });
    expect((error as Error).message).toContain("Operation has timed out");
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("the app's transaction, which begins IMMEDIATE, waiting past the busy timeout: SQLITE_BUSY", async () => {
    await verificationRows("sq-b");
    const { release } = sqliteWriteLock();
    const started = performance.now();
    const error = await failure(() =>
      db.$transaction(async (tx) => {
        await tx.verification.findUnique({ where: { id: "sq-b" } });
        await setValue(tx, "sq-b", "1");
      }),
    );
    // The app's busy timeout (lib/db/client.ts), spent on BEGIN IMMEDIATE (lib/db/sqlite-connection.ts).
    expect(performance.now() - started).toBeGreaterThanOrEqual(LOCK_TIMEOUT_MS - 100);
    release();
    expect(shape(error)).toEqual({ code: "P1008", originalCode: "SQLITE_BUSY", kind: "SocketTimeout" });
    expect(isDatabaseBusy(error)).toBe(true);
  });

  // Prisma's own adapter begins transactions DEFERRED (the app's begin IMMEDIATE, and so meet neither).
  it("a deferred transaction that has read, then needs another's write lock: SQLITE_BUSY at once", async () => {
    await verificationRows("sq-e");
    const stock = stockSqliteClient();
    const { release } = sqliteWriteLock();
    const error = await failure(() =>
      stock.$transaction(async (tx) => {
        await tx.verification.findUnique({ where: { id: "sq-e" } });
        await setValue(tx, "sq-e", "1");
      }),
    );
    release();
    expect(shape(error)).toEqual({ code: "P1008", originalCode: "SQLITE_BUSY", kind: "SocketTimeout" });
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("a deferred transaction whose snapshot another connection wrote past: SQLITE_BUSY_SNAPSHOT", async () => {
    await verificationRows("sq-c");
    const stock = stockSqliteClient();
    const other = new Database(url.slice("file:".length));
    opened.push(() => other.close());
    const error = await failure(() =>
      stock.$transaction(async (tx) => {
        await tx.verification.findUnique({ where: { id: "sq-c" } });
        other.prepare(`UPDATE "Verification" SET value = '9' WHERE id = 'sq-c'`).run();
        await setValue(tx, "sq-c", "1");
      }),
    );
    expect(shape(error)).toEqual({
      code: "P1008",
      originalCode: "SQLITE_BUSY_SNAPSHOT",
      kind: "SocketTimeout",
    });
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("a transaction that cannot start while another holds the connection: P2028, unable to start", async () => {
    // The app runs one transaction at a time on its one connection (lib/db/sqlite-connection.ts).
    let release = () => {};
    let started = () => {};
    const holding = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = db.$transaction(async (tx) => {
      await tx.verification.count();
      started();
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await holding;
    const error = await failure(() => db.$transaction((tx) => tx.verification.count(), { maxWait: 200 }));
    release();
    await first;
    expect(shape(error)).toMatchObject({ code: "P2028" });
    expect((error as Error).message).toContain("Unable to start a transaction in the given time");
    expect(isDatabaseBusy(error)).toBe(true);
  });

  it("not busy: a unique violation", async () => {
    await verificationRows("sq-d");
    const duplicate = await failure(() =>
      db.verification.create({ data: { id: "sq-d", identifier: "x", value: "x", expiresAt } }),
    );
    expect(shape(duplicate)).toMatchObject({ code: "P2002", originalCode: "SQLITE_CONSTRAINT_PRIMARYKEY" });
    expect(isDatabaseBusy(duplicate)).toBe(false);
  });
});

describe("busy or not, on either database", () => {
  it("a transaction that ran out of time: P2028, expired", async () => {
    await verificationRows("any-a");
    const error = await failure(() =>
      db.$transaction(
        async (tx) => {
          await tx.verification.count();
          await sleep(400);
          await setValue(tx, "any-a", "1");
        },
        { timeout: 200 },
      ),
    );
    expect(shape(error)).toMatchObject({ code: "P2028" });
    expect(isDatabaseBusy(error)).toBe(true);
    expect((await db.verification.findUniqueOrThrow({ where: { id: "any-a" } })).value).toBe("0");
  });

  it("not busy: a transaction used after it closed (P2028 too), a bug, anything else", async () => {
    let leaked: Pick<Db, "verification"> | undefined;
    await db.$transaction(async (tx) => {
      leaked = tx;
    });
    const closed = await failure(async () => leaked?.verification.count());
    expect(shape(closed)).toMatchObject({ code: "P2028" });
    expect((closed as Error).message).toContain("Transaction already closed");
    expect(isDatabaseBusy(closed)).toBe(false);
    const bug = await failure(() =>
      db.$transaction(async () => {
        (undefined as unknown as { x: () => void }).x();
      }),
    );
    expect(bug).toBeInstanceOf(TypeError);
    for (const other of [bug, new Error("database is locked"), "P2034", null, undefined, { code: 55 }])
      expect(isDatabaseBusy(other)).toBe(false);
  });

  it("unlessBusy answers a busy write with its fallback and throws anything else", async () => {
    const busy = await failure(() =>
      db.$transaction(
        async (tx) => {
          await sleep(300);
          await tx.verification.count();
        },
        { timeout: 100 },
      ),
    );
    expect(
      await unlessBusy(
        () => Promise.reject(busy),
        () => "try again",
      ),
    ).toBe("try again");
    expect(
      await unlessBusy(
        async () => "saved",
        () => "try again",
      ),
    ).toBe("saved");
    const bug = new TypeError("a bug");
    await expect(
      unlessBusy(
        () => Promise.reject(bug),
        () => "try again",
      ),
    ).rejects.toBe(bug);
  });
});

// The forms ---------------------------------------------------------------------------------------

const BUSY = "databaseBusy.form";
let staff: string;
let admin: string;

beforeAll(async () => {
  await seedSampleData(db);
  staff = await sessionCookie("staff.jxw@tracker.example");
  admin = await sessionCookie("admin@tracker.example");
}, 60_000);

/**
 * Holds the lock a write to `table`'s row `id` needs, from another connection, until `release`: the
 * row's lock on PostgreSQL, the database's write lock on SQLite.
 */
async function holdLock(table: "Action" | "Theme", id: string): Promise<() => Promise<void>> {
  if (provider === "sqlite") {
    const { release } = sqliteWriteLock();
    return async () => {
      release();
    };
  }
  const other = await postgresTransaction();
  await other.query(`SELECT 1 FROM "${table}" WHERE id = $1 FOR UPDATE`, [id]);
  return async () => {
    await other.query("ROLLBACK");
  };
}

/** The audit trail, the history and the item: what a refused save must leave as it was. */
async function written(actionId: string) {
  const [audit, history, action] = await Promise.all([
    db.auditEvent.count(),
    db.statusUpdate.count(),
    db.action.findUniqueOrThrow({ where: { id: actionId }, select: { version: true, progress: true } }),
  ]);
  return { audit, history, action };
}

describe("the status form, while another connection holds the lock", () => {
  it("says the system is busy in both languages", () => {
    expect(zh.databaseBusy.form).toBe("系统繁忙，请稍后重试。您填写的内容已保留。");
    expect(en.databaseBusy.form).toBe(
      "The system is busy. Please try again in a moment; what you entered is kept.",
    );
  });

  it("answers busy, writes nothing, and saves once the lock is released", async () => {
    // R4.2 is led by 市经济信息化委 (staff.jxw) in the sample.
    const action = await db.action.findFirstOrThrow({ where: { code: "R4.2" } });
    const form = new FormData();
    form.set("itemType", "action");
    form.set("itemId", action.id);
    form.set("version", String(action.version));
    form.set("status", "in_progress");
    form.set("progress", "65");
    form.set("effectiveDate", new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    form.set("comment", "数据库繁忙时保存");
    form.set("returnTo", "/zh-CN");
    request.headers = new Headers({ cookie: staff });
    const before = await written(action.id);

    const release = await holdLock("Action", action.id);
    // On PostgreSQL the save waits for the row its lock timeout (lib/db/client.ts) and is refused it
    // while the lock is still held; on SQLite its transaction waits for the write lock the busy
    // timeout, then is refused it.
    const busy = await callAction(() => submitStatusUpdate({}, form));
    expect(busy).toEqual({ returned: { formError: BUSY } });
    await release();
    expect(await written(action.id)).toEqual(before);

    // The same form, sent again.
    expect(await callAction(() => submitStatusUpdate({}, form))).toEqual({ redirectedTo: "/zh-CN" });
    const after = await written(action.id);
    expect(after.action).toEqual({ version: before.action.version + 1, progress: 65 });
    expect(after.history).toBeGreaterThan(before.history);
  }, 30_000);
});

describe("a form of the common form action (an admin's theme), while another connection holds the lock", () => {
  it("answers busy, writes nothing, and saves once the lock is released", async () => {
    const theme = await db.theme.findFirstOrThrow({ orderBy: { code: "asc" } });
    const form = new FormData();
    form.set("themeId", theme.id);
    form.set("code", theme.code);
    form.set("nameZh", theme.nameZh);
    form.set("nameEn", "Busy test theme");
    form.set("sortOrder", "7");
    request.headers = new Headers({ cookie: admin });
    const auditBefore = await db.auditEvent.count();

    const release = await holdLock("Theme", theme.id);
    const releasing =
      provider === "postgresql" ? sleep(LOCK_TIMEOUT_MS + 2000).then(release) : Promise.resolve();
    expect(await updateTheme({}, form)).toEqual({ formError: BUSY });
    await releasing;
    if (provider === "sqlite") await release();
    expect(await db.auditEvent.count()).toBe(auditBefore);
    expect(await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).toEqual(theme);

    expect(await updateTheme({}, form)).toEqual({ notice: "validation.saved" });
    expect(await db.theme.findUniqueOrThrow({ where: { id: theme.id } })).toMatchObject({
      nameEn: "Busy test theme",
      sortOrder: 7,
    });
  }, 30_000);
});

// Sign-in writes outside a transaction, one statement at a time: on PostgreSQL those wait for a lock
// as long as it is held (no timeout applies), so only SQLite's busy timeout makes them fail.
describe.runIf(provider === "sqlite")(
  "the sign-in form, while another connection holds the write lock",
  () => {
    it("answers busy after the busy timeout, keeping the e-mail, and records no attempt", async () => {
      const form = new FormData();
      form.set("email", "staff.kw@tracker.example");
      form.set("password", "wrong password");
      request.headers = new Headers();
      const attempts = await db.signInAttempt.count();
      const { release } = sqliteWriteLock();
      const answer = await callAction(() => signIn({}, form));
      release();
      expect(answer).toEqual({
        returned: { error: "databaseBusy.retry", email: "staff.kw@tracker.example" },
      });
      expect(await db.signInAttempt.count()).toBe(attempts);
    }, 30_000);
  },
);

// The upload claims a job slot and stores the batch, each one statement: as with sign-in, only SQLite's
// busy timeout makes them fail (on PostgreSQL they wait for the lock as long as it is held).
describe.runIf(provider === "sqlite")(
  "the import upload, while another connection holds the write lock",
  () => {
    it("answers a translated 503 to try again and stores nothing", async () => {
      const form = new FormData();
      form.set("file", new File(["编号,状态\n"], "进展.csv", { type: "text/csv" }));
      const batches = await db.importBatch.count();
      const slots = await db.jobSlot.count();
      const { release } = sqliteWriteLock();
      const response = await uploadImport(
        new NextRequest("http://127.0.0.1/api/import?locale=zh-CN", {
          method: "POST",
          body: form,
          headers: { cookie: staff },
        }),
      );
      release();
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toEqual({
        error: { code: "service_unavailable", message: zh.databaseBusy.importUpload },
      });
      expect(await db.importBatch.count()).toBe(batches);
      expect(await db.jobSlot.count()).toBe(slots);
    }, 30_000);
  },
);

// A file's parts are written one statement each, through better-sqlite3 itself (lib/files/store.ts):
// its SQLITE_BUSY is reported as the driver adapter reports it, so that the route answers busy too.
describe.runIf(provider === "sqlite")("a file upload, while another connection holds the write lock", () => {
  it("answers a translated 503 to try again and stores nothing", async () => {
    const evidence = await db.evidence.findFirstOrThrow({ where: { withdrawnAt: null } });
    const form = new FormData();
    form.set("owner", `evidence:${evidence.id}`);
    form.set("file", new File(["%PDF-1.4\n%%EOF\n"], "函.pdf"));
    const [files, chunks] = [await db.storedFile.count(), await db.fileChunk.count()];
    const { release } = sqliteWriteLock();
    const response = await uploadFile(
      new NextRequest("http://127.0.0.1/api/files?locale=zh-CN", {
        method: "POST",
        body: form,
        headers: { cookie: admin },
      }),
    );
    release();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toEqual({
      error: { code: "service_unavailable", message: zh.databaseBusy.form },
    });
    expect([await db.storedFile.count(), await db.fileChunk.count()]).toEqual([files, chunks]);
  }, 30_000);
});

// The import's apply runs in one transaction with a timeout of minutes: on PostgreSQL it waits that
// long for a row lock, so the write lock of SQLite, refused after the busy timeout, is where it meets
// a busy database.
describe.runIf(provider === "sqlite")(
  "applying an import, while another connection holds the write lock",
  () => {
    it("answers busy and applies nothing; applying again works", async () => {
      const action = await db.action.findFirstOrThrow({
        where: { code: "R4.2" },
        include: { recommendation: { include: { proposal: true } } },
      });
      const user = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
      const values = {
        proposal: action.recommendation.proposal.code,
        recommendation: action.recommendation.code,
        code: action.code,
        status: zh.status.in_progress,
        progress: String(action.progress === 42 ? 43 : 42),
        comment: "导入时数据库繁忙",
        version: String(action.version),
      };
      const batch = await db.importBatch.create({
        data: { fileName: "繁忙.csv", createdById: user.id, rows: [{ sheet: null, row: 2, values }] },
      });
      const form = new FormData();
      form.set("batchId", batch.id);
      request.headers = new Headers({ cookie: staff });
      const before = await written(action.id);

      const { release } = sqliteWriteLock();
      const busy = await callAction(() => applyImportBatch({}, form));
      release();
      expect(busy).toEqual({ returned: { formError: "databaseBusy.importApply" } });
      expect(await written(action.id)).toEqual(before);
      expect((await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).appliedAt).toBeNull();

      expect(await callAction(() => applyImportBatch({}, form))).toEqual({ returned: {} });
      expect((await written(action.id)).action.version).toBe(before.action.version + 1);
    }, 30_000);
  },
);

// Downloads claim a job slot first (lib/slots): on SQLite that write waits the busy timeout, then fails.
describe.runIf(provider === "sqlite")(
  "an export or a report, while another connection holds the write lock",
  () => {
    it("answers a translated 503 to try again, and holds no slot", async () => {
      const slots = await db.jobSlot.count();
      const jobs = await db.exportJob.count();
      const { release } = sqliteWriteLock();
      const exported = await exportView(
        new Request("http://127.0.0.1/api/export?format=csv&kind=action&locale=en", {
          headers: { cookie: staff },
        }),
      );
      const reported = await getReport(
        new Request(
          "http://127.0.0.1/api/reports?proposal=LLM-2024&asOf=2025-06-30&locale=zh-CN&format=pdf",
          { headers: { cookie: staff } },
        ),
      );
      release();
      expect(exported.status).toBe(503);
      expect(exported.headers.get("retry-after")).toBe("5");
      expect(await exported.json()).toEqual({
        error: { code: "service_unavailable", message: en.databaseBusy.retry },
      });
      expect(reported.status).toBe(503);
      expect(await reported.json()).toEqual({
        error: { code: "service_unavailable", message: zh.databaseBusy.retry },
      });
      expect(await db.jobSlot.count()).toBe(slots);
      expect(await db.exportJob.count()).toBe(jobs);
    }, 30_000);
  },
);
