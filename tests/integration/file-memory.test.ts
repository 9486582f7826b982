// A 20 MB file goes up and down without the process holding it or copies of it: received as the upload
// route receives it (busboy into the database store) and read back as the download route sends it, in
// a process of its own with a young generation of 1 MB (tests/integration/support/file-memory-child.ts),
// the peaks of its heap and external memory stay far below the file's size. Memory, not time: the same
// on a busy machine. Through Prisma, each 256 KiB part went as base64 text (strings of 350 KB and more,
// which go straight to V8's old generation and stay until a full collection) and copies of its bytes:
// the heap rose by about 30 MB writing 20 MB, heap and external together by 50–60 MB.
//
// Not bounded here: the external memory of the read, the driver's Buffers handed on and dropped, which
// V8 collects at its own pace (a scavenge, or once the young generation's buffers reach 32 MB); the
// bench (`npm run bench -- --filter files`) measures what that costs the server's RSS.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const MB = 1024 * 1024;

type Peaks = {
  write: { heapUsed: number; external: number };
  read: { heapUsed: number; external: number };
  intact: boolean;
};

it("streams 20 MB up and down with the heap and external memory far below the file's size", async () => {
  const url = process.env.DATABASE_URL ?? "";
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      "--expose-gc",
      "--max-semi-space-size=1",
      "--conditions=react-server",
      "--import",
      "tsx",
      "tests/integration/support/file-memory-child.ts",
      url,
      "20",
    ],
    { env: { ...process.env, DATABASE_URL: url }, timeout: 120_000 },
  );
  const peaks = JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as Peaks;
  const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
  const seen = {
    writeHeap: mb(peaks.write.heapUsed),
    writeHeapAndExternal: mb(peaks.write.heapUsed + peaks.write.external),
    readHeap: mb(peaks.read.heapUsed),
  };
  expect(peaks.intact).toBe(true);
  // Measured: 1–2 MB, 1–8 MB and 1 MB; through Prisma 28–31 MB, 50–62 MB and 5–11 MB.
  expect(seen.writeHeap, JSON.stringify(seen)).toBeLessThanOrEqual(8);
  expect(seen.writeHeapAndExternal, JSON.stringify(seen)).toBeLessThanOrEqual(16);
  expect(seen.readHeap, JSON.stringify(seen)).toBeLessThanOrEqual(3);
}, 180_000);
