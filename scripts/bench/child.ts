// How the bench runs a part of itself in a process of its own (to time or watch it apart).

/** The same loader (tsx) and the "react-server" condition, under which `server-only` is empty. */
export function childExecArgv(): string[] {
  return process.execArgv.some((arg) => arg.startsWith("--conditions"))
    ? process.execArgv
    : [...process.execArgv, "--conditions=react-server"];
}
