// `npm start`'s server restarts a server process that dies (scripts/serve.mjs through supervise.mjs),
// with a growing pause, and not once it is being stopped. No database involved.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { supervise } from "../../scripts/supervise.mjs";

const crashing = (afterMs: number) => () =>
  spawn(process.execPath, ["-e", `setTimeout(() => process.exit(3), ${afterMs})`], { stdio: "ignore" });

describe("the server supervisor", () => {
  it("starts a process that died again, pausing longer after each failure in a row", async () => {
    const starts: number[] = [];
    const exits: number[] = [];
    const log: string[] = [];
    const start = crashing(10);
    const server = supervise(
      () => {
        starts.push(Date.now());
        const child = start();
        child.once("exit", () => exits.push(Date.now()));
        return child;
      },
      { minDelayMs: 100, maxDelayMs: 400, stableMs: 60_000, log: (line) => log.push(line) },
    );
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await server.stop();
    const count = starts.length;
    expect(count).toBeGreaterThanOrEqual(4);
    // The pause it announces doubles up to the ceiling; how long Node takes to start on a busy machine
    // does not enter into it, as it is measured from one process's end to the next one's start.
    const announced = log.map((line) => Number(/starting it again in ([\d.]+) s/.exec(line)?.[1]) * 1000);
    expect(announced.slice(0, 4)).toEqual([100, 200, 400, 400]);
    const pauses = starts.slice(1).map((at, index) => at - (exits[index] ?? at));
    for (const [index, pause] of pauses.entries())
      expect(pause).toBeGreaterThanOrEqual((announced[index] ?? 0) - 1);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(starts.length).toBe(count);
  });

  it("stops the running process and starts no other", async () => {
    let starts = 0;
    const server = supervise(
      () => {
        starts++;
        return spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
      },
      { minDelayMs: 50, log: () => {} },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pid = server.pid;
    await server.stop();
    expect(() => process.kill(pid ?? 0, 0)).toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(starts).toBe(1);
  });
});
