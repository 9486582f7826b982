// Serves the built app on PORT with WEB_CONCURRENCY processes sharing the port (node:cluster hands
// each connection to a worker; every worker is a Next.js server through its documented custom-server
// API). The processes share nothing in memory: sessions, throttling and cached figures live in the
// database. One process is a child of this one, without a cluster. Either way a server process that
// dies is started again (with a growing pause, see supervise.mjs), unless the whole server is stopping.
//
// Each request's socket address is appended to X-Forwarded-For before Next.js sees it, as a proxy
// does: the app reads the client's address from there (lib/http/forwarded.ts, with TRUST_PROXY), and
// plain `next start` would pass on whatever a client wrote into that header.

import { spawn } from "node:child_process";
import cluster from "node:cluster";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { supervise } from "./supervise.mjs";

const port = Number(process.env.PORT ?? 3000);
// The same rule as lib/http/forwarded.ts, checked here so that a mistake stops the start, not every request.
if (!/^\s*\d{0,2}\s*$/.test(process.env.TRUST_PROXY ?? "")) {
  console.error(
    `TRUST_PROXY must be the number of trusted proxies in front of the app, not "${process.env.TRUST_PROXY}".`,
  );
  process.exit(1);
}
const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);

// Set in the one serving child of a single-process server.
const SERVING_CHILD = "TRACKER_SERVING_CHILD";

if (workers === 1 && !process.env[SERVING_CHILD]) {
  const server = supervise(() =>
    spawn(process.execPath, [fileURLToPath(import.meta.url)], {
      stdio: "inherit",
      env: { ...process.env, [SERVING_CHILD]: "1" },
    }),
  );
  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => server.stop(signal).then(() => process.exit(0)));
} else if (workers > 1 && cluster.isPrimary) {
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
  createServer((request, response) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = [forwarded, request.socket.remoteAddress].filter(Boolean).join(", ");
    return handle(request, response);
  }).listen(port, () => {
    if (process.env[SERVING_CHILD]) console.log(`Serving on http://localhost:${port}.`);
  });
}
