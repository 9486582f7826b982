// A background loop of an app process (notifications, link checks): a pass at start and then every
// `everyMs`; a pass never overlaps the previous one in the process, and its error is logged, never
// thrown, so that the next pass tries again. What a pass does across processes (once, by one of
// them) is the pass's own business: its claims and leases live in the database.

/** Starts the loop, unless `switchVariable` is "off" in the environment (tests that drive the passes). */
export function startBackgroundLoop(
  name: string,
  switchVariable: string,
  everyMs: number,
  pass: () => Promise<unknown>,
): void {
  if (process.env[switchVariable] === "off") return;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
    } catch (error) {
      console.error(`${name}:`, error);
    } finally {
      running = false;
    }
  };
  void run();
  setInterval(run, everyMs).unref();
}
