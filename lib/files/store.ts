// Where a file's bytes are kept, behind one interface: in the database (FileChunk rows of 256 KiB, so
// that several app processes and a backup need nothing else) or in an S3-compatible bucket (MinIO,
// Aliyun OSS, Tencent COS). Both stream: a file is written and read a part at a time, never whole in
// memory. A file's row (StoredFile) is written only after its bytes, so a half-written file is never
// visible; bytes left behind by a write that failed are removed at once.
//
// In the database, the parts go through the driver itself (better-sqlite3, pg; lib/db/client.ts
// `driverOf`), not through Prisma, whose path carries Bytes as base64 text both ways: a 256 KiB part
// became strings of 350 KB and more and three copies of its bytes, garbage made faster than it was
// collected (a 20 MB upload took the server's RSS up by about 100 MB). Here a part is filled in one
// buffer used again for the next, handed to the driver, which copies it into its statement; read
// back, it is one Buffer from the driver (PostgreSQL: a few of 32 KiB, as its text form of a whole part
// would be one string of 512 KB) passed on as it is.
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type BetterSqlite3 from "better-sqlite3";
import { type Db, type Driver, driverOf } from "@/lib/db/client";
import { type Environment, type S3Settings, type StorageKind, s3Settings } from "./config";

export interface FileStore {
  readonly kind: StorageKind;
  /** Stores `content` under `key`, reading it as it comes; throws what `content` throws. */
  write(key: string, content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, mime: string): Promise<void>;
  /** The bytes stored under `key`, as a stream read a part at a time. */
  read(key: string): Readable;
  /** Removes what is stored under `key` (nothing if there is none). */
  remove(key: string): Promise<void>;
}

export const CHUNK_BYTES = 256 * 1024;

/**
 * Cuts a stream of pieces of any size into parts of `size` bytes (the last may be shorter). With
 * `reuse`, every part is the same buffer, filled again once the consumer asks for the next: for a
 * consumer done with a part before it asks (one that writes it and waits).
 */
export async function* inParts(
  content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
  { reuse = false }: { reuse?: boolean } = {},
): AsyncGenerator<Uint8Array> {
  let part = new Uint8Array(size);
  let filled = 0;
  for await (const piece of content) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(size - filled, piece.length - offset);
      part.set(piece.subarray(offset, offset + take), filled);
      filled += take;
      offset += take;
      if (filled === size) {
        yield part;
        if (!reuse) part = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield reuse ? part.subarray(0, filled) : part.slice(0, filled);
}

/** PostgreSQL sends bytea as hex text: a part is read in slices of this size, each a string of 64 KiB. */
const POSTGRES_SLICE_BYTES = 32 * 1024;
const POSTGRES_READ = `SELECT ${Array.from(
  { length: CHUNK_BYTES / POSTGRES_SLICE_BYTES },
  (_, i) => `substring("bytes" from ${i * POSTGRES_SLICE_BYTES + 1} for ${POSTGRES_SLICE_BYTES})`,
).join(", ")} FROM "FileChunk" WHERE "storageKey" = $1 AND "position" = $2`;
const INSERT = {
  sqlite: 'INSERT INTO "FileChunk" ("storageKey", "position", "bytes") VALUES (?, ?, ?)',
  postgresql: 'INSERT INTO "FileChunk" ("storageKey", "position", "bytes") VALUES ($1, $2, $3)',
};
const SQLITE_READ = 'SELECT "bytes" FROM "FileChunk" WHERE "storageKey" = ? AND "position" = ?';

/** SQLite's two statements, prepared once per connection. */
const sqliteStatements = new WeakMap<
  BetterSqlite3.Database,
  { insert: BetterSqlite3.Statement; read: BetterSqlite3.Statement }
>();
function statementsOf(database: BetterSqlite3.Database) {
  let statements = sqliteStatements.get(database);
  if (!statements) {
    statements = { insert: database.prepare(INSERT.sqlite), read: database.prepare(SQLITE_READ).pluck() };
    sqliteStatements.set(database, statements);
  }
  return statements;
}

/** Writes one part; the driver has copied `bytes` when this resolves. */
async function writePart(driver: Driver, key: string, position: number, bytes: Uint8Array): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (driver.provider === "sqlite") {
    await driver.run((database) => statementsOf(database).insert.run(key, position, buffer));
  } else {
    await driver.query({ text: INSERT.postgresql, values: [key, position, buffer], rowMode: "array" });
  }
}

/** The part at `position` as one or more pieces, or null past the last part. */
async function readPart(driver: Driver, key: string, position: number): Promise<Buffer[] | null> {
  if (driver.provider === "sqlite") {
    const bytes = await driver.run(
      (database) => statementsOf(database).read.get(key, position) as Buffer | undefined,
    );
    return bytes ? [bytes] : null;
  }
  const { rows } = await driver.query({ text: POSTGRES_READ, values: [key, position], rowMode: "array" });
  const slices = rows[0] as Buffer[] | undefined;
  return slices ? slices.filter((slice) => slice.length > 0) : null;
}

export class DatabaseFileStore implements FileStore {
  readonly kind = "database" as const;
  constructor(private readonly db: Db) {}

  async write(key: string, content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    let position = 0;
    try {
      const driver = await driverOf(this.db);
      // One statement per part: no transaction held open while the upload arrives.
      for await (const part of inParts(content, CHUNK_BYTES, { reuse: true })) {
        await writePart(driver, key, position, part);
        position++;
      }
    } catch (error) {
      await this.remove(key);
      throw error;
    }
  }

  read(key: string): Readable {
    const db = this.db;
    async function* parts() {
      const driver = await driverOf(db);
      for (let position = 0; ; position++) {
        const pieces = await readPart(driver, key, position);
        if (!pieces) return;
        yield* pieces;
      }
    }
    // One part buffered ahead at most: the next is read when the client has taken this one.
    return Readable.from(parts(), { highWaterMark: 1, objectMode: false });
  }

  async remove(key: string) {
    await this.db.fileChunk.deleteMany({ where: { storageKey: key } });
  }
}

export class S3FileStore implements FileStore {
  readonly kind = "s3" as const;
  private readonly client: S3Client;
  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials:
        settings.accessKeyId && settings.secretAccessKey
          ? { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }
          : undefined,
    });
  }

  async write(key: string, content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, mime: string) {
    // What the content itself threw (the size limit) is what the caller is told, not the failure of
    // the upload it caused.
    let contentError: unknown = null;
    async function* watched() {
      try {
        yield* content;
      } catch (error) {
        contentError = error;
        throw error;
      }
    }
    // lib-storage sends parts of 5 MiB as they fill (a multipart upload), never the whole file.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: key, Body: Readable.from(watched()), ContentType: mime },
      queueSize: 1,
      partSize: 5 * 1024 * 1024,
    });
    try {
      await upload.done();
    } catch (error) {
      await upload.abort().catch(() => undefined);
      await this.remove(key).catch(() => undefined);
      throw contentError ?? error;
    }
  }

  read(key: string): Readable {
    const client = this.client;
    const bucket = this.settings.bucket;
    async function* body() {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      if (!answer.Body) return;
      for await (const piece of answer.Body as Readable) yield piece as Buffer;
    }
    return Readable.from(body(), { highWaterMark: 1, objectMode: false });
  }

  async remove(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }
}

/**
 * A store's stream as a web stream (a Response's body) that reads a piece only when one is asked for:
 * the client's pace is the store's, and a piece is handed on as it is. Node 20's Readable.toWeb copies
 * every Buffer it passes (new Uint8Array(chunk)), twice the garbage for nothing.
 */
export function webStreamOf(readable: Readable): ReadableStream<Uint8Array> {
  const pieces = readable[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await pieces.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await pieces.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}

/** The store that holds files of `kind` (a file's own, for reading; the configured one, for writing). */
export function fileStoreOf(kind: StorageKind, db: Db, env: Environment = process.env): FileStore {
  return kind === "s3" ? new S3FileStore(s3Settings(env)) : new DatabaseFileStore(db);
}
