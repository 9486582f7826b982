// The production build of the app (`next start`), served on a free port of 127.0.0.1 against this
// test file's own database, for tests that must go through real HTTP: pages, route handlers, headers.
// The build must exist (`npm run build`; `npm test` builds before the integration tests).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { TEST_AUTH_SECRET } from "./session";

export type AppServer = {
  origin: string;
  /** A request with no redirects followed, so that a redirect's own body can be inspected. */
  fetch(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  /** Everything the server printed, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
};

export async function startAppServer(databaseUrl = process.env.DATABASE_URL ?? ""): Promise<AppServer> {
  if (!existsSync(join(".next", "BUILD_ID")))
    throw new Error("The app is not built: run `npm run build` before these tests.");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [join("node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? TEST_AUTH_SECRET,
        BETTER_AUTH_URL: origin,
        NEXT_TELEMETRY_DISABLED: "1",
        // The vitest process's module flags must not reach the server.
        NODE_OPTIONS: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  await waitUntilHealthy(origin, child, () => output);
  return {
    origin,
    fetch: (path, init = {}) => {
      const { cookie, headers, ...rest } = init;
      const merged = new Headers(headers);
      if (cookie) merged.set("cookie", cookie);
      return fetch(`${origin}${path}`, { redirect: "manual", ...rest, headers: merged });
    },
    output: () => output,
    stop: () => stop(child),
  };
}

async function waitUntilHealthy(origin: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${origin}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`The app did not become healthy in 90 s:\n${output()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A port of 127.0.0.1 nothing listens on (the system's choice, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}
