// Serves the built app on PORT with WEB_CONCURRENCY processes sharing the port (node:cluster hands
// each connection to a worker; every worker is a Next.js server through its documented custom-server
// API). The processes share nothing in memory: sessions, throttling and cached figures live in the
// database. One process is plain `next start`.

import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { createServer } from "node:http";
import { join } from "node:path";

const port = Number(process.env.PORT ?? 3000);
const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);

if (workers === 1) {
  const nextBin = join("node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
} else if (cluster.isPrimary) {
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  // A worker that dies is replaced, unless the whole server is stopping.
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    console.error(`Worker ${worker.process.pid} exited (${code}); starting another.`);
    cluster.fork();
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
