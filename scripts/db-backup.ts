// `npm run db:backup -- FILE`: a consistent copy of DATABASE_URL's database, taken while the app runs
// (SQLite's online backup API; PostgreSQL's pg_dump in its custom format). See scripts/db-transfer/.
import { databaseProvider, databaseUrl } from "../lib/database-url";
import { backupDatabase } from "./db-transfer/backup";
import { runChore } from "./db-transfer/cli";

const [file, ...rest] = process.argv.slice(2);
await runChore("usage: npm run db:backup -- FILE", !file || rest.length > 0, async () => {
  const url = databaseUrl();
  await backupDatabase(url, file as string);
  console.log(`Backed up the ${databaseProvider(url)} database to ${file}.`);
});
