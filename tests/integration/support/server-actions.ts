// Every server action of the app, read from the file system: tests that must cover every write (the
// authorization matrix, the naughty-strings sweep) take their list from here, so that a new action is
// covered, or fails them, without anyone remembering to add it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const SOURCE_DIRS = ["lib", "app", "components"];

export type ServerAction = (previous: unknown, form: FormData) => Promise<unknown>;

/** Every export of every "use server" module, by name (names are unique across the app). */
export async function serverActions(): Promise<Map<string, ServerAction>> {
  const found = new Map<string, ServerAction>();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  for (const file of SOURCE_DIRS.flatMap((dir) => walk(join(root, dir)))) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    if (!/^\s*["']use server["']/.test(readFileSync(file, "utf8"))) continue;
    const module = (await import(file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== "function") continue;
      if (found.has(name)) throw new Error(`Two server actions named ${name} (${relative(root, file)})`);
      found.set(name, value as ServerAction);
    }
  }
  return found;
}
