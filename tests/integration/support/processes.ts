// Child processes of this test process, read from /proc: to see that workers end when they should.
import { readdirSync, readFileSync } from "node:fs";

/** The pids of this process's children whose command line contains `command`, still running. */
export function childProcessesRunning(command: string): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const parent = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1];
        return (
          Number(parent) === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(command)
        );
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}
