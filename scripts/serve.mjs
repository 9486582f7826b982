// Serves the built app on PORT with WEB_CONCURRENCY processes sharing the port (node:cluster hands
// each connection to a worker; every worker is a Next.js server through its documented custom-server
// API). The processes share nothing in memory: sessions, throttling and cached figures live in the
// database. One process serves by itself, without a cluster.
//
// Each request's socket address is appended to X-Forwarded-For before Next.js sees it, as a proxy
// does: the app reads the client's address from there (lib/http/forwarded.ts, with TRUST_PROXY), and
// plain `next start` would pass on whatever a client wrote into that header.

import cluster from "node:cluster";
import { createServer } from "node:http";

const port = Number(process.env.PORT ?? 3000);
// The same rule as lib/http/forwarded.ts, checked here so that a mistake stops the start, not every request.
if (!/^\s*\d{0,2}\s*$/.test(process.env.TRUST_PROXY ?? "")) {
  console.error(
    `TRUST_PROXY must be the number of trusted proxies in front of the app, not "${process.env.TRUST_PROXY}".`,
  );
  process.exit(1);
}
const workers = Math.max(1, Number.parseInt(process.env.WEB_CONCURRENCY ?? "1", 10) || 1);

if (workers > 1 && cluster.isPrimary) {
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
  createServer((request, response) => {
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = [forwarded, request.socket.remoteAddress].filter(Boolean).join(", ");
    return handle(request, response);
  }).listen(port, () => {
    if (cluster.isPrimary) console.log(`Serving on http://localhost:${port}.`);
  });
}
