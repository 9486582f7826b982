// Every page and route handler under app/, read from the file system: tests that must cover every
// route (the route-authorization matrix, the naughty-strings sweep) take their list from here, so a
// new page or route is covered, or fails them, without anyone remembering to add it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type AppRoute = {
  /** The file, relative to the repository, e.g. "app/[locale]/(app)/table/page.tsx". */
  file: string;
  kind: "page" | "route";
  /** The URL path with its dynamic segments as written, e.g. "/[locale]/proposals/[proposalCode]". */
  pattern: string;
  /** The names of its dynamic segments, in order ("rest" for "[...rest]"). */
  params: string[];
  /** GET for a page; the methods a route handler exports. */
  methods: HttpMethod[];
};

const APP_DIR = "app";

export function listAppRoutes(root = process.cwd()): AppRoute[] {
  const routes: AppRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/^page\.(tsx|ts|jsx|js)$/.test(entry.name)) routes.push(routeOfFile(root, path, "page"));
      else if (/^route\.(ts|js)$/.test(entry.name)) routes.push(routeOfFile(root, path, "route"));
    }
  };
  walk(join(root, APP_DIR));
  return routes.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

function routeOfFile(root: string, path: string, kind: AppRoute["kind"]): AppRoute {
  const file = relative(root, path).split(sep).join("/");
  const segments = file
    .split("/")
    .slice(1, -1)
    // Route groups "(app)" do not appear in the URL.
    .filter((segment) => !/^\(.*\)$/.test(segment));
  const params = segments.flatMap((segment) => {
    const match = /^\[(?:\.\.\.)?([^\]]+)\]$/.exec(segment);
    return match?.[1] ? [match[1]] : [];
  });
  const methods: HttpMethod[] =
    kind === "page"
      ? ["GET"]
      : HTTP_METHODS.filter((method) =>
          new RegExp(`export\\s+(?:async\\s+)?(?:function|const)\\s+${method}\\b`).test(
            readFileSync(path, "utf8"),
          ),
        );
  return { file, kind, pattern: `/${segments.join("/")}`, params, methods };
}

/**
 * The route's concrete paths for every combination of the given values of its parameters. A
 * parameter without values throws: a new dynamic segment must be given values by the test.
 */
export function fillRoute(route: AppRoute, values: Record<string, readonly string[]>): string[] {
  let paths = [route.pattern];
  for (const param of route.params) {
    const choices = values[param];
    if (!choices?.length) throw new Error(`No test values for [${param}] of ${route.file}`);
    paths = paths.flatMap((path) =>
      choices.map((value) => path.replace(new RegExp(`\\[(?:\\.\\.\\.)?${param}\\]`), value)),
    );
  }
  return paths;
}
