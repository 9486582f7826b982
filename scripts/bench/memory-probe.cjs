// Loaded into the bench's app server (NODE_OPTIONS="--expose-gc --require …", scripts/bench/http.ts),
// never into the app otherwise. In the one process that serves (TRACKER_SERVING_CHILD, scripts/serve.mjs)
// it samples process.memoryUsage() every 10 ms, and on SIGUSR2 writes to BENCH_MEMORY_PROBE what it
// saw since the last signal (the peak of each figure) and then, after a full garbage collection, what
// is left: the bench's window is "from one signal to the next", measured inside the server itself.
const { writeFileSync } = require("node:fs");

const file = process.env.BENCH_MEMORY_PROBE;
if (file && process.env.TRACKER_SERVING_CHILD && typeof globalThis.gc === "function") {
  // Not for the processes this one starts (the export worker): they would answer no signal.
  delete process.env.BENCH_MEMORY_PROBE;
  const gc = globalThis.gc;
  const FIELDS = ["rss", "heapTotal", "heapUsed", "external", "arrayBuffers"];
  const usage = () => {
    const m = process.memoryUsage();
    return Object.fromEntries(FIELDS.map((field) => [field, m[field]]));
  };
  let peak = usage();
  let seq = 0;
  const sample = () => {
    const m = usage();
    for (const field of FIELDS) peak[field] = Math.max(peak[field], m[field]);
  };
  setInterval(sample, 10).unref();
  process.on("SIGUSR2", () => {
    sample();
    const seen = peak;
    gc();
    const after = usage();
    peak = { ...after };
    seq++;
    writeFileSync(file, JSON.stringify({ pid: process.pid, seq, peak: seen, after }));
  });
  writeFileSync(file, JSON.stringify({ pid: process.pid, seq, peak, after: peak }));
}
