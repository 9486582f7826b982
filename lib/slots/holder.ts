// Which app process holds a slot, and whether a process on this host that held one is still there.
// A process on another host can only be judged by its heartbeat; on this host we can look: a pid that is
// gone, or that now belongs to a process started at another time (a reused pid, or a reboot), no longer
// holds anything. This relies on hostnames being unique among the machines (or containers) that share
// one database, as container platforms' default hostnames are.
import { existsSync, readFileSync } from "node:fs";
import { hostname } from "node:os";

export type SlotHolder = { host: string; pid: number; pidStart: string };

function bootId(): string {
  try {
    return readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    return "";
  }
}

/**
 * When a process started, as Linux tells it: field 22 of /proc/<pid>/stat (clock ticks since boot),
 * with the boot's id. "" where there is no /proc; null when there is no such process.
 */
export function processStart(pid: number): string | null {
  if (!existsSync("/proc/self/stat")) return "";
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // The command name in parentheses may hold spaces: fields are counted after its closing one.
  const ticks = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  return ticks ? `${bootId()}:${ticks}` : null;
}

let self: SlotHolder | undefined;
/** This app process. */
export function thisProcess(): SlotHolder {
  self ??= { host: hostname(), pid: process.pid, pidStart: processStart(process.pid) ?? "" };
  return self;
}

/** Whether the process that claimed a slot on this host is still running. */
export function isRunningHere(holder: Pick<SlotHolder, "pid" | "pidStart">): boolean {
  if (holder.pidStart !== "") return processStart(holder.pid) === holder.pidStart;
  // No /proc (macOS, say): all we can ask is whether the pid exists.
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
