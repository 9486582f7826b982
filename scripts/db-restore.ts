// `npm run db:restore -- FILE`: loads a backup made by db:backup into DATABASE_URL's database, which
// must be empty (a SQLite file not there yet, or a new PostgreSQL database). See scripts/db-transfer/.
import { databaseUrl } from "../lib/database-url";
import { restoreDatabase } from "./db-transfer/backup";
import { runChore } from "./db-transfer/cli";

const [file, ...rest] = process.argv.slice(2);
await runChore("usage: npm run db:restore -- FILE", !file || rest.length > 0, async () => {
  await restoreDatabase(databaseUrl(), file as string);
  console.log(`Restored ${file}. Run \`npm run db:migrate\` if the backup is older than this version.`);
});
