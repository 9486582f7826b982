// Serves the built app on PORT with WEB_CONCURRENCY processes sharing the port (node:cluster hands
// each connection to a worker; every worker is a Next.js server through its documented custom-server
// API). The processes share nothing in memory: sessions, throttling and cached figures live in the
// database. One process is plain `next start`. Either way a server process that dies is started again
// (with a growing pause, see supervise.mjs), unless the whole server is stopping.

import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { createServer } from "node:http";
import { join } from "node:path";
import { supervise } from "./supervise.mjs";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);

if (workers === 1) {
  const nextBin = join("node_modules", "next", "dist", "bin", "next");
  const server = supervise(() =>
    spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: "inherit" }),
  );
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => server.stop(signal).then(() => process.exit(0)));
} else if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies is replaced, unless the whole server is stopping; after a pause that doubles
  // with each death within a minute of the last (1 s … 30 s), so that a crash loop does not spin.
  let delay = 1000;
  let lastExit = 0;
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    if (Date.now() - lastExit > 60_000) delay = 1000;
    lastExit = Date.now();
    console.error(`Worker ${worker.process.pid} exited (${code}); starting another in ${delay / 1000} s.`);
    setTimeout(() => stopping || cluster.fork(), delay);
    delay = Math.min(delay * 2, 30_000);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      process.exit(0);
    });
  }
  console.log(`Serving on http://localhost:${port} with ${workers} processes.`);
} else {
  const { default: next } = await import("next");
  const app = next({ dev: false, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  createServer((request, response) => handle(request, response)).listen(port);
}
