// Writes prisma/<provider>/schema.prisma from prisma/models.prisma. Prisma forbids env() in a
// datasource's provider, so each database needs its own schema file; the models stay in one place.
// `--check` exits 1 when a written schema is out of date (CI runs it).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const models = readFileSync(join(root, "prisma/models.prisma"), "utf8");
const check = process.argv.includes("--check");
let stale = false;

for (const provider of ["sqlite", "postgresql"]) {
  const header = `// GENERATED from prisma/models.prisma by scripts/write-schemas.mjs — do not edit.

generator client {
  provider     = "prisma-client"
  output       = "../../generated/${provider}"
  moduleFormat = "esm"
}

datasource db {
  provider = "${provider}"
}

`;
  const file = join(root, "prisma", provider, "schema.prisma");
  const content = header + models;
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {}
  if (current === content) continue;
  if (check) {
    console.error(`${file} is out of date: run npm run db:schemas`);
    stale = true;
    continue;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
  console.log(`wrote ${file}`);
}
process.exit(stale ? 1 : 0);
