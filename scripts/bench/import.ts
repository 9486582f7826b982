// The import at scale: a workbook of 10,000 action rows (each one's next progress) read and stored, its
// dry run, and its apply in one transaction, on a national-style dataset of its own (scale 0.2, which
// has 12,000 actions). The apply writes, so it runs on a throwaway copy of that dataset: every run
// starts from the same data, and the dataset the other cases measure is never touched.
import ExcelJS from "exceljs";
import { toShanghaiDateString } from "../../lib/dates";
import { createPrismaClient } from "../../lib/db/client";
import { applyImport } from "../../lib/import/apply";
import { createImportBatch, getImportBatch } from "../../lib/import/batch";
import zh from "../../messages/zh-CN.json";
import { ensureBenchDatabase, scratchCopy } from "./datasets";
import type { Provider } from "./stats";

export const IMPORT_ROWS = 10_000;
/** Issue 14: a file of 10,000 rows applied within 3 s on SQLite, 5 s on PostgreSQL. */
export const IMPORT_APPLY_TARGET_MS: Record<Provider, number> = { sqlite: 3000, postgresql: 5000 };
const IMPORT_SCALE = 0.2;

export interface ImportBenchResult {
  provider: Provider;
  rows: number;
  fileMb: number;
  /** Reading the file and storing its rows; the dry run of the stored rows; the apply. */
  uploadMs: number;
  dryRunMs: number;
  applyMs: number;
  recorded: number;
  problems: number;
}

export async function benchImport(
  provider: Provider,
  seed: number,
  log: (message: string) => void,
): Promise<ImportBenchResult> {
  const database = await ensureBenchDatabase(provider, { scale: IMPORT_SCALE, seed, regenerate: false, log });
  const copy = await scratchCopy(database);
  const db = createPrismaClient(copy.url);
  try {
    const admin = await db.user.upsert({
      where: { email: "bench-import@national.example" },
      update: {},
      create: { email: "bench-import@national.example", name: "导入基准", role: "admin" },
      select: { id: true, role: true, agencyId: true },
    });
    const actions = await db.action.findMany({
      take: IMPORT_ROWS,
      orderBy: { id: "asc" },
      select: {
        code: true,
        progress: true,
        version: true,
        recommendation: { select: { code: true, proposal: { select: { code: true } } } },
      },
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("举措");
    const columns = zh.import.column;
    sheet.addRow([
      columns.proposal,
      columns.recommendation,
      columns.code,
      columns.status,
      columns.progress,
      columns.effectiveDate,
      columns.comment,
      columns.version,
    ]);
    const today = toShanghaiDateString(new Date());
    for (const action of actions)
      sheet.addRow([
        action.recommendation.proposal.code,
        action.recommendation.code,
        action.code,
        zh.status.in_progress,
        action.progress < 100 ? action.progress + 1 : 99,
        today,
        "基准测试导入",
        action.version,
      ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    log(`  import: ${actions.length} rows, ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB workbook`);

    let started = performance.now();
    const upload = await createImportBatch(db, admin, { name: "bench.xlsx", bytes });
    const uploadMs = performance.now() - started;
    if (upload.kind !== "created") throw new Error(`upload refused: ${JSON.stringify(upload)}`);

    started = performance.now();
    const view = await getImportBatch(db, admin, upload.batchId);
    const dryRunMs = performance.now() - started;
    const problems = view?.plan?.counts.problem ?? 0;
    log(
      `  import: read and stored in ${Math.round(uploadMs)} ms, dry run ${Math.round(dryRunMs)} ms (${problems} problems)`,
    );

    started = performance.now();
    const applied = await applyImport(db, admin, upload.batchId);
    const applyMs = performance.now() - started;
    log(
      `  import: applied in ${Math.round(applyMs)} ms: ${JSON.stringify(applied.kind === "problems" ? applied.plan.counts : applied)}`,
    );
    return {
      provider,
      rows: actions.length,
      fileMb: Math.round((bytes.byteLength / 1024 / 1024) * 10) / 10,
      uploadMs: Math.round(uploadMs),
      dryRunMs: Math.round(dryRunMs),
      applyMs: Math.round(applyMs),
      recorded: applied.kind === "applied" ? applied.recorded : 0,
      problems,
    };
  } finally {
    await db.$disconnect();
    await copy.drop();
  }
}
