import { defineConfig } from "prisma/config";
import { databaseProvider, databaseUrl } from "./lib/database-url";

// The DATABASE_URL scheme picks the schema and migrations: file:… → SQLite, postgresql://… → PostgreSQL.
const url = databaseUrl();
const provider = databaseProvider(url);

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: {
    path: `prisma/${provider}/migrations`,
    seed: "tsx --conditions=react-server prisma/seed.ts",
  },
  datasource: { url },
});
