import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { isRunningHere, processStart, thisProcess } from "./holder";

describe("the process holding a slot", () => {
  it("is this one while it runs, and no longer once killed", async () => {
    expect(isRunningHere(thisProcess())).toBe(true);
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    await once(child, "spawn");
    const holder = { pid: child.pid ?? 0, pidStart: processStart(child.pid ?? 0) ?? "" };
    expect(holder.pidStart).toMatch(/^.*:\d+$/);
    expect(isRunningHere(holder)).toBe(true);
    child.kill("SIGKILL");
    await once(child, "exit");
    expect(processStart(holder.pid)).toBeNull();
    expect(isRunningHere(holder)).toBe(false);
  });

  it("is not another process that got its id later", () => {
    expect(isRunningHere({ pid: process.pid, pidStart: "another-boot:1" })).toBe(false);
  });
});
