// Run by tests/integration/file-memory.test.ts in a process of its own (node --expose-gc and a young
// generation of 1 MB, so that short-lived objects are collected soon after they are made): a file of
// MEGABYTES MB received as the upload route receives it (a multipart body, made as it is sent, through
// busboy into the database store, lib/files/upload.ts) and read back as the download route sends it
// (the store's stream as a web stream, webStreamOf), with the process's memory sampled at every piece
// that goes in or comes out. Prints one line of JSON: the rise of the peaks of heapUsed and external
// over the start (after a full collection), in bytes.
import { createHash } from "node:crypto";
import { createPrismaClient } from "@/lib/db/client";
import { DatabaseFileStore, type FileStore, webStreamOf } from "@/lib/files/store";
import { receiveUpload } from "@/lib/files/upload";

const [url, megabytes] = process.argv.slice(2);
if (!url || !megabytes) throw new Error("usage: file-memory-child.ts DATABASE_URL MEGABYTES");
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with --expose-gc");

const total = Number(megabytes) * 1024 * 1024;
const PIECE = 64 * 1024;
// The same piece again and again: the body made as it is sent costs no memory of its own.
const piece = Buffer.alloc(PIECE);
for (let i = 0; i < PIECE; i++) piece[i] = (i * 7919) % 256;
piece.write("%PDF-1.4\n", 0, "latin1");
const expected = createHash("sha256");
for (let sent = 0; sent < total; sent += PIECE) expected.update(piece);
const expectedHash = expected.digest("hex");

type Peak = { heapUsed: number; external: number };
function watch() {
  gc?.();
  const start = process.memoryUsage();
  const peak: Peak = { heapUsed: 0, external: 0 };
  return {
    sample() {
      const now = process.memoryUsage();
      peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed - start.heapUsed);
      peak.external = Math.max(peak.external, now.external - start.external);
    },
    peak,
  };
}

const BOUNDARY = "----file-memory-boundary";
function multipart(bytes: number, sample: () => void): ReadableStream<Uint8Array> {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="owner"\r\n\r\nevidence:x\r\n` +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="scan.pdf"\r\n` +
      "Content-Type: application/octet-stream\r\n\r\n",
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  let sent = -1;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      sample();
      if (sent < 0) {
        controller.enqueue(head);
        sent = 0;
      } else if (sent < bytes) {
        controller.enqueue(piece);
        sent += PIECE;
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
}

async function upload(store: FileStore, bytes: number, sample: () => void) {
  const result = await receiveUpload(multipart(bytes, sample), `multipart/form-data; boundary=${BOUNDARY}`, {
    store,
    maxBytes: total,
    admit: async () => ({ admitted: true }),
  });
  if (result.kind !== "stored") throw new Error(`not stored: ${JSON.stringify(result)}`);
  return result.file;
}

async function download(store: FileStore, key: string, sample: () => void) {
  const hash = createHash("sha256");
  let read = 0;
  const reader = webStreamOf(store.read(key)).getReader();
  for (;;) {
    sample();
    const { done, value } = await reader.read();
    if (done) break;
    hash.update(value);
    read += value.byteLength;
  }
  return { size: read, sha256: hash.digest("hex") };
}

const db = createPrismaClient(url);
const store = new DatabaseFileStore(db);
try {
  // Warm-up: the statements and the code paths, with a small file.
  const warm = await upload(store, PIECE, () => {});
  await download(store, warm.storageKey, () => {});
  await store.remove(warm.storageKey);

  const writing = watch();
  const file = await upload(store, total, writing.sample);
  writing.sample();
  const reading = watch();
  const back = await download(store, file.storageKey, reading.sample);
  reading.sample();
  await store.remove(file.storageKey);
  const intact =
    file.size === total &&
    file.sha256 === expectedHash &&
    back.size === total &&
    back.sha256 === expectedHash;
  console.log(JSON.stringify({ write: writing.peak, read: reading.peak, intact }));
} finally {
  await db.$disconnect();
}
