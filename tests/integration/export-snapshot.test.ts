// An export is one snapshot on both databases, and holding it blocks no save: SQLite runs in WAL mode
// (lib/db/sqlite.ts) and the export worker reads inside one read transaction (lib/db/driver-reader.ts),
// as it reads inside one REPEATABLE READ transaction on PostgreSQL.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportView } from "@/app/api/export/route";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/client";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import { seedSampleData } from "../../prisma/seed";
import { createProposal, createRecommendation } from "./factories";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

// More actions than two batches on either database (500 on SQLite, 1,000 on PostgreSQL), so that the
// last one is read only after the worker has written the first batch and read the second ahead.
const ACTIONS = 2100;
const LAST = `A${String(ACTIONS - 1).padStart(4, "0")}`;
let official: string;
let staff: string;

beforeAll(async () => {
  await seedSampleData(db);
  official = await sessionCookie("official@tracker.example");
  staff = await sessionCookie("staff.jxw@tracker.example");
  const staffAgency = await db.user.findUniqueOrThrow({
    where: { email: "staff.jxw@tracker.example" },
    select: { agencyId: true },
  });
  const proposal = await createProposal({ code: "SNAP-1" });
  const recommendation = await createRecommendation(proposal.id, { code: "R1" });
  await db.recommendationAgency.create({
    data: { recommendationId: recommendation.id, agencyId: staffAgency.agencyId ?? "", role: "lead" },
  });
  await db.action.createMany({
    data: Array.from({ length: ACTIONS }, (_, i) => ({
      recommendationId: recommendation.id,
      code: `A${String(i).padStart(4, "0")}`,
      // Enough text that the first batch alone fills the pipe: the worker then waits for the reader.
      titleZh: `快照测试举措 ${i} ${"长".repeat(100)}`,
    })),
  });
}, 120_000);

/** Saves a status update of the action through the status form's action, as its agency's staff. */
async function saveProgress(code: string, progress: number) {
  const action = await db.action.findFirstOrThrow({ where: { code, recommendation: { code: "R1" } } });
  const form = new FormData();
  form.set("itemType", "action");
  form.set("itemId", action.id);
  form.set("version", String(action.version));
  form.set("status", "in_progress");
  form.set("progress", String(progress));
  form.set("effectiveDate", new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
  form.set("comment", "导出进行中保存");
  form.set("returnTo", "/zh-CN");
  request.headers = new Headers({ cookie: staff });
  return callAction(() => submitStatusUpdate({}, form));
}

describe("an export under way", () => {
  it("runs on SQLite in WAL mode", async () => {
    if (providerOf(db) !== "sqlite") return;
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
  });

  it("lets a save through at once, and holds the rows as they were when it started", async () => {
    const response = await exportView(
      new Request("http://127.0.0.1/api/export?format=csv&kind=action&proposal=SNAP-1&sort=code", {
        headers: { cookie: official },
      }),
    );
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const chunks: Uint8Array[] = [];
    const first = await reader.read();
    expect(first.done).toBe(false);
    if (first.value) chunks.push(first.value);

    // The worker is midway: it has read its view and its first batches and waits for the reader.
    const started = performance.now();
    expect(await saveProgress(LAST, 77)).toEqual({ redirectedTo: "/zh-CN" });
    // Without WAL the save would wait for the export's read lock (the busy timeout, 5 s), then fail.
    expect(performance.now() - started).toBeLessThan(2500);
    const saved = await db.action.findFirstOrThrow({ where: { code: LAST, recommendation: { code: "R1" } } });
    expect(saved.progress).toBe(77);

    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    const rows = parse(Buffer.concat(chunks), { bom: true }) as string[][];
    const header = rows[0] ?? [];
    const code = header.indexOf("编号");
    const progress = header.indexOf("进度（%）");
    expect(rows.length - 1).toBe(ACTIONS);
    const last = rows.at(-1) ?? [];
    expect(last[code]).toBe(LAST);
    // The row as it was when the export started, read from its snapshot after the save had committed.
    expect(last[progress]).toBe("0");
  });
});
