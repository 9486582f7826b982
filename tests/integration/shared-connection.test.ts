// Requests of one app process share its database client. A write made while another request's
// transaction is open is not undone when that transaction rolls back; and a
// transaction that reads, then writes, is not refused because another process wrote in between.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { providerOf } from "@/lib/db/client";

const theme = (code: string) => ({ code, nameZh: `主题${code}` });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the shared database client", () => {
  it("keeps a write made beside a transaction that rolls back", async () => {
    const rolledBack = db
      .$transaction(async (tx) => {
        await tx.theme.create({ data: theme("inside") });
        await pause(300);
        throw new Error("the transaction gives up");
      })
      .catch((error: Error) => error.message);
    await pause(50);
    await db.theme.create({ data: theme("beside") });

    expect(await rolledBack).toBe("the transaction gives up");
    expect((await db.theme.findMany({ select: { code: true } })).map(({ code }) => code)).toEqual(["beside"]);
  });

  it("lets a transaction write after reading while another process writes", async () => {
    const url = process.env.DATABASE_URL ?? "";
    // Another process writes, through its own connection, once this transaction has read.
    const otherProcess = (code: string) =>
      new Promise<number | null>((resolve) => {
        const script =
          providerOf(db) === "sqlite"
            ? `const D = require("better-sqlite3"); const d = new D(process.argv[1].slice(5), { timeout: 5000 });
               d.prepare("INSERT INTO Theme (id, code, nameZh, sortOrder, createdAt, updatedAt) VALUES (?, ?, ?, 0, 0, 0)").run(process.argv[2], process.argv[2], process.argv[2]);`
            : `const { Client } = require("pg"); const c = new Client(process.argv[1]);
               c.connect().then(() => c.query('INSERT INTO "Theme" (id, code, "nameZh", "updatedAt") VALUES ($1, $1, $1, now())', [process.argv[2]])).then(() => c.end());`;
        spawn(process.execPath, ["-e", script, url, code], { stdio: "inherit" }).once("exit", resolve);
      });
    let other: Promise<number | null> = Promise.resolve(null);
    await db.$transaction(async (tx) => {
      expect(await tx.theme.count({ where: { code: "elsewhere" } })).toBe(0);
      other = otherProcess("elsewhere");
      await pause(1000);
      await tx.theme.create({ data: theme("here") });
    });
    expect(await other).toBe(0);
    const codes = (await db.theme.findMany({ orderBy: { code: "asc" } })).map(({ code }) => code);
    expect(codes).toEqual(expect.arrayContaining(["elsewhere", "here"]));
  });
});
