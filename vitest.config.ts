import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const resolve = {
  alias: {
    "@/": root,
    // Outside Next's server bundle "server-only" would throw; the modules are server code either way.
    "server-only": `${root}tests/server-only-stub.ts`,
  },
};
const integration = (provider: "sqlite" | "postgresql") => ({
  resolve,
  test: {
    name: provider,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: [`tests/integration/global-setup.${provider}.ts`],
    setupFiles: ["tests/integration/fresh-database.ts", "tests/integration/support/request-context.ts"],
    env: { TZ: "UTC" },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // next-intl imports "next/navigation" without an extension, which Node's ESM loader cannot resolve.
    server: { deps: { inline: ["next-intl"] } },
  },
});

export default defineConfig({
  test: {
    // Two files at a time even on two cores (Vitest's default is one fewer than the cores): much of an
    // integration test's time is spent waiting on a database, a worker process or an app server.
    maxWorkers: 2,
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["{lib,prisma,components}/**/*.test.ts"],
          // Pure functions over values: the files share one module graph per worker instead of each
          // loading Next, Prisma and the rest afresh (most of a unit file's time).
          isolate: false,
          env: { TZ: "UTC" },
          // As below: lib/http/proxy.test.ts loads next-intl's middleware.
          server: { deps: { inline: ["next-intl"] } },
        },
      },
      integration("sqlite"),
      integration("postgresql"),
    ],
  },
});
