// Where a file's bytes are kept, behind one interface: in the database (FileChunk rows of 256 KiB, so
// that several app processes and a backup need nothing else) or in an S3-compatible bucket (MinIO,
// Aliyun OSS, Tencent COS). Both stream: a file is written and read a part at a time, never whole in
// memory. A file's row (StoredFile) is written only after its bytes, so a half-written file is never
// visible; bytes left behind by a write that failed are removed at once.
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { DbClient } from "@/lib/db/client";
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
/** Parts read from the database at a time: 1 MiB. */
const READ_AHEAD = 4;

/** Cuts a stream of pieces of any size into parts of `size` bytes (the last may be shorter). */
export async function* inParts(
  content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
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
        part = new Uint8Array(size);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield part.slice(0, filled);
}

export class DatabaseFileStore implements FileStore {
  readonly kind = "database" as const;
  constructor(private readonly db: DbClient) {}

  async write(key: string, content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
    let position = 0;
    try {
      // One statement per part: no transaction held open while the upload arrives.
      for await (const part of inParts(content, CHUNK_BYTES)) {
        await this.db.fileChunk.create({
          data: { storageKey: key, position, bytes: part as Uint8Array<ArrayBuffer> },
        });
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
      let next = 0;
      for (;;) {
        const rows = await db.fileChunk.findMany({
          where: { storageKey: key, position: { gte: next } },
          orderBy: { position: "asc" },
          take: READ_AHEAD,
          select: { position: true, bytes: true },
        });
        for (const row of rows) yield Buffer.from(row.bytes);
        if (rows.length < READ_AHEAD) return;
        next = (rows[rows.length - 1]?.position ?? next) + 1;
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

/** The store that holds files of `kind` (a file's own, for reading; the configured one, for writing). */
export function fileStoreOf(kind: StorageKind, db: DbClient, env: Environment = process.env): FileStore {
  return kind === "s3" ? new S3FileStore(s3Settings(env)) : new DatabaseFileStore(db);
}
