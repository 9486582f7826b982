// `npm run generate:national -- [--scale 0.01] [--seed N] [--analyze|--no-analyze]`
// Writes the national-scale dataset (scripts/national/generate.ts) into the database DATABASE_URL
// names, after applying its migrations. The database must hold no proposal yet.
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { databaseProvider, databaseUrl } from "../lib/database-url";
import { DEFAULT_SEED, generateNationalDataset } from "./national/generate";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    analyze: { type: "boolean" },
    "no-analyze": { type: "boolean" },
  },
});
const scale = Number(values.scale);
const seed = Number(values.seed);
if (!(scale > 0) || !Number.isInteger(seed)) {
  console.error("usage: npm run generate:national -- [--scale 0.01] [--seed N] [--analyze|--no-analyze]");
  process.exit(2);
}

const url = databaseUrl();
console.log(`Migrating ${databaseProvider(url)} database…`);
execFileSync(process.execPath, ["scripts/db.mjs", "migrate"], {
  stdio: "inherit",
  env: { ...process.env, DATABASE_URL: url },
});

console.log(`Generating the national dataset at scale ${scale} (seed ${seed})…`);
const result = await generateNationalDataset(url, {
  scale,
  seed,
  analyze: values.analyze ? true : values["no-analyze"] ? false : undefined,
  log: (message) => console.log(message),
});
console.table(result.counts);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `Done in ${seconds(result.elapsedMs.total)}: generate ${seconds(result.elapsedMs.generate)}, ` +
    `write ${seconds(result.elapsedMs.write)}, analyze ${seconds(result.elapsedMs.analyze)}.`,
);
