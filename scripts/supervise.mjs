// Keeps a server process running: when it ends without being asked to (a crash, V8 out of memory, the
// OOM killer), it is started again after a pause that doubles with each failure in a row (1 s, 2 s,
// 4 s … at most 30 s), so that a server that cannot start does not spin; the pause starts over once a
// process has run for a minute. Never while the supervisor itself is stopping.

/**
 * @param {() => import("node:child_process").ChildProcess} start starts the process
 * @param {{ minDelayMs?: number, maxDelayMs?: number, stableMs?: number, log?: (line: string) => void }} [options]
 */
export function supervise(start, options = {}) {
  const { minDelayMs = 1000, maxDelayMs = 30_000, stableMs = 60_000, log = console.error } = options;
  let stopping = false;
  let delay = minDelayMs;
  let timer;
  let child;
  const run = () => {
    const startedAt = Date.now();
    const current = start();
    child = current;
    current.once("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= stableMs) delay = minDelayMs;
      log(
        `The server (pid ${current.pid}) ended with ${signal ?? code}; starting it again in ${delay / 1000} s.`,
      );
      timer = setTimeout(run, delay);
      delay = Math.min(delay * 2, maxDelayMs);
    });
  };
  run();
  return {
    /** The running process's id (a new one after each restart). */
    get pid() {
      return child.pid;
    },
    /** Stops the process, and restarts no more. Resolves once it has ended. */
    stop(signal = "SIGTERM") {
      stopping = true;
      clearTimeout(timer);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill(signal);
      });
    },
  };
}
