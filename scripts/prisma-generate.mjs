// Generates the Prisma client for both databases, so that one build of the app can serve either:
// lib/db.ts picks one at runtime from DATABASE_URL.
import { execFileSync } from "node:child_process";

execFileSync(process.execPath, ["scripts/write-schemas.mjs"], { stdio: "inherit" });
for (const provider of ["sqlite", "postgresql"]) {
  execFileSync("npx", ["prisma", "generate", "--schema", `prisma/${provider}/schema.prisma`], {
    stdio: "inherit",
  });
}
