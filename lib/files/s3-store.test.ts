// The S3 store against a real S3-compatible server on 127.0.0.1 (s3rver, from npm): a file larger than
// one part goes up as a multipart upload and comes back byte for byte, read as a stream; a write that
// fails leaves nothing in the bucket.
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../tests/integration/support/app-server";
import { s3Settings } from "./config";
import { S3FileStore } from "./store";

let server: S3rver;
let store: S3FileStore;
const directory = mkdtempSync(join(tmpdir(), "s3rver-"));

beforeAll(async () => {
  const port = await freePort();
  server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: "tracker-files", configs: [] }],
  });
  await server.run();
  store = new S3FileStore(
    s3Settings({
      S3_BUCKET: "tracker-files",
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    }),
  );
});

afterAll(async () => {
  await server?.close();
  rmSync(directory, { recursive: true, force: true });
});

async function* pieces(bytes: Buffer, size = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function readAll(key: string) {
  const parts: Buffer[] = [];
  for await (const part of store.read(key)) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

describe("the S3 store", () => {
  it("writes a file of several parts and reads it back as it was", async () => {
    const bytes = randomBytes(12 * 1024 * 1024 + 17);
    await store.write("files/large", pieces(bytes), "application/pdf");
    expect(sha256(await readAll("files/large"))).toBe(sha256(bytes));
    await store.remove("files/large");
    await expect(readAll("files/large")).rejects.toThrow();
  }, 60_000);

  it("leaves nothing behind when the content fails midway", async () => {
    async function* failing() {
      yield randomBytes(6 * 1024 * 1024);
      throw new Error("too large");
    }
    await expect(store.write("files/failed", failing(), "application/pdf")).rejects.toThrow("too large");
    await expect(readAll("files/failed")).rejects.toThrow();
  }, 60_000);
});
