// Two app processes started at once on an empty database (npm start seeds it): one loads the sample,
// the other finds it loaded, and neither fails — the second start used to stop on a unique constraint.
// PostgreSQL only: on SQLite a second start stops before, at its migrations, which need the file to
// themselves (Prisma takes `PRAGMA locking_mode=EXCLUSIVE`).
import { afterAll, describe, expect, it } from "vitest";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { createPrismaClient } from "@/lib/db/client";
import { SAMPLE_USERS } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";

// Each its own client, with connections of its own, as two processes would have.
const clients = [createPrismaClient(), createPrismaClient()];

afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect()));
});

describe.skipIf(databaseProvider(databaseUrl()) === "sqlite")(
  "seeding an empty PostgreSQL database from two processes at once",
  () => {
    it("loads the sample once, and the other seeding finds it there", async () => {
      const results = await Promise.allSettled(
        clients.map((client) => seedSampleData(client, { onlyIfEmpty: true })),
      );
      expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled"]);
      const counts = results.map((result) => (result.status === "fulfilled" ? result.value : undefined));
      expect(counts.filter((count) => count === null)).toHaveLength(1);
      expect(await clients[0]?.proposal.count()).toBe(1);
      expect(await clients[0]?.user.count()).toBe(SAMPLE_USERS.length);
    }, 120_000);
  },
);
