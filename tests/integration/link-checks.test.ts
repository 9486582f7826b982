// The rounds of link checks on a real database (SQLite and PostgreSQL): a new link is due at once,
// the first good check is its baseline, a changed text is "changed since cited", a 404 "broken"; and
// two app processes (./support/link-check-process.ts, real OS processes) check each due link once.
// Pages come from a local web server on 127.0.0.1, allowed through the admins' setting as an intranet
// host would be; without it, the check is refused.
import { type ChildProcess, spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addNewLinks, checkDueLinks, RECHECK_AFTER_MS } from "@/lib/link-checks/rounds";
import { ALLOWED_HOSTS_SETTING } from "@/lib/link-checks/settings";
import { linkState } from "@/lib/link-checks/state";
import { createProposal, createRecommendation } from "./factories";
import { startTestSite, type TestSite } from "./support/link-site";

let site: TestSite;
let recommendationId: string;
const children: ChildProcess[] = [];

async function cite(url: string) {
  return db.evidence.create({ data: { recommendationId, url, titleZh: "测试材料", isPublic: false } });
}

async function allowLocalSite(hosts: string[]) {
  await db.appSetting.upsert({
    where: { key: ALLOWED_HOSTS_SETTING },
    create: { key: ALLOWED_HOSTS_SETTING, value: hosts },
    update: { value: hosts },
  });
}

beforeAll(async () => {
  site = await startTestSite();
  const proposal = await createProposal();
  recommendationId = (await createRecommendation(proposal.id)).id;
});

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await site.close();
});

describe("a round of link checks", () => {
  it("checks a new link at once, keeps its baseline, and tells a changed page and a broken one", async () => {
    await allowLocalSite(["127.0.0.1"]);
    site.setPage("cited", "第一版的文字");
    const page = await cite(`${site.origin}/page/cited`);
    const gone = await cite(`${site.origin}/missing`);
    const withdrawn = await cite(`${site.origin}/page/withdrawn`);
    await db.evidence.update({
      where: { id: withdrawn.id },
      data: { withdrawnAt: new Date(), withdrawnReason: "x" },
    });
    const added = new Date();
    expect(await addNewLinks(db, added)).toBe(2);
    expect(await addNewLinks(db, added)).toBe(0);

    expect(await checkDueLinks(db, { now: added })).toEqual({ checked: 2, broken: 1 });
    const first = await db.linkCheck.findUniqueOrThrow({ where: { evidenceId: page.id } });
    expect(first).toMatchObject({
      outcome: "ok",
      httpStatus: 200,
      title: "页面 cited",
      snapshot: "第一版的文字",
      checks: 1,
    });
    expect(first.baselineHash).toBe(first.textHash);
    expect(linkState(first)).toBe("ok");
    expect(first.dueAt.getTime() - (first.checkedAt?.getTime() ?? 0)).toBe(RECHECK_AFTER_MS);
    const broken = await db.linkCheck.findUniqueOrThrow({ where: { evidenceId: gone.id } });
    expect(broken).toMatchObject({ outcome: "broken", failure: "status", httpStatus: 404 });
    expect(linkState(broken)).toBe("broken");
    // Nothing is due again before the week is out.
    expect(await checkDueLinks(db, { now: new Date() })).toEqual({ checked: 0, broken: 0 });

    // A week on, the page says something else: changed since cited, the baseline kept.
    site.setPage("cited", "改过的文字");
    const weekOn = new Date(Date.now() + RECHECK_AFTER_MS + 1000);
    expect((await checkDueLinks(db, { now: weekOn })).checked).toBe(2);
    const second = await db.linkCheck.findUniqueOrThrow({ where: { evidenceId: page.id } });
    expect(second.baselineHash).toBe(first.baselineHash);
    expect(second.textHash).not.toBe(first.textHash);
    expect(second.snapshot).toBe("改过的文字");
    expect(linkState(second)).toBe("changed");
  });

  it("takes over a link whose checker died (its lease ran out), and leaves one still leased alone", async () => {
    await allowLocalSite(["127.0.0.1"]);
    site.setPage("orphan", "孤儿页面");
    site.setPage("leased", "被占用的页面");
    const orphan = await cite(`${site.origin}/page/orphan`);
    const leased = await cite(`${site.origin}/page/leased`);
    await addNewLinks(db);
    const now = new Date();
    await db.linkCheck.update({
      where: { evidenceId: orphan.id },
      data: { leasedBy: "gone-host:1:dead", leaseUntil: new Date(now.getTime() - 1000) },
    });
    await db.linkCheck.update({
      where: { evidenceId: leased.id },
      data: { leasedBy: "other-host:2:alive", leaseUntil: new Date(now.getTime() + 60_000) },
    });
    expect(await checkDueLinks(db, { now })).toEqual({ checked: 1, broken: 0 });
    expect(await db.linkCheck.findUniqueOrThrow({ where: { evidenceId: orphan.id } })).toMatchObject({
      outcome: "ok",
      checks: 1,
      leaseUntil: null,
    });
    expect(await db.linkCheck.findUniqueOrThrow({ where: { evidenceId: leased.id } })).toMatchObject({
      checkedAt: null,
      leasedBy: "other-host:2:alive",
    });
    expect(site.hits.get("/page/leased")).toBeUndefined();
  });

  it("refuses the local site once it is no longer allowed", async () => {
    await allowLocalSite([]);
    const page = await cite(`${site.origin}/page/refused`);
    site.setPage("refused", "内网页面");
    await addNewLinks(db);
    await checkDueLinks(db);
    expect(await db.linkCheck.findUniqueOrThrow({ where: { evidenceId: page.id } })).toMatchObject({
      outcome: "broken",
      failure: "refused",
      baselineHash: null,
    });
    expect(site.hits.get("/page/refused")).toBeUndefined();
  });
});

const outputs: (() => string)[] = [];
function startChecker(): Promise<{ pid: number }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "--conditions=react-server",
      "tests/integration/support/link-check-process.ts",
      "60000",
    ],
    {
      env: { ...process.env, NODE_OPTIONS: "", DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let output = "";
  outputs.push(() => output);
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk) => {
      output += chunk;
      if (output.includes("ready")) resolve({ pid: child.pid ?? 0 });
    });
    child.stderr?.on("data", (chunk) => {
      output += chunk;
    });
    child.once("exit", (code) => reject(new Error(`A link-check process exited (${code}):\n${output}`)));
  });
}

/** Waits until every link of `ids` has been checked (or `ms` have gone), and answers their rows. */
async function checkedAll(ids: string[], ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = await db.linkCheck.findMany({ where: { evidenceId: { in: ids } } });
    if ((rows.length === ids.length && rows.every((row) => row.checks > 0)) || Date.now() > deadline)
      return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("two app processes checking links", () => {
  it("check each due link once in a round, both taking part", async () => {
    await allowLocalSite(["127.0.0.1"]);
    const workers = await Promise.all([startChecker(), startChecker()]);
    // In waves, as links are added: each a new race between the two processes' claims.
    const WAVES = 6;
    const PER_WAVE = 25;
    const ids: string[] = [];
    const names: string[] = [];
    for (let wave = 0; wave < WAVES; wave += 1) {
      const batch = Array.from({ length: PER_WAVE }, (_, n) => `race-${wave}-${n}`);
      for (const name of batch) site.setPage(name, `页面 ${name} 的文字`);
      const cited = await db.evidence.createManyAndReturn({
        data: batch.map((name) => ({ recommendationId, url: `${site.origin}/page/${name}`, titleZh: name })),
        select: { id: true },
      });
      ids.push(...cited.map((row) => row.id));
      names.push(...batch);
      await checkedAll(ids, 20_000);
    }
    const rows = await checkedAll(ids, 20_000);
    expect(rows, outputs.map((output) => output()).join("\n")).toHaveLength(ids.length);
    expect(rows.filter((row) => row.checks !== 1 || row.outcome !== "ok")).toEqual([]);
    for (const name of names) expect(site.hits.get(`/page/${name}`), name).toBe(1);
    const checkers = new Set(rows.map((row) => Number(row.leasedBy?.split(":").at(-2))));
    expect([...checkers].sort()).toEqual(workers.map((worker) => worker.pid).sort());
  }, 60_000);
});
