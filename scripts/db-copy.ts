// `npm run db:copy -- --from file:./data/tracker.db --to postgresql://…`: migrates the (empty) target,
// copies every row in batches, and verifies every table's count and content digest before committing.
// A progress line on standard error; the summary on standard output; exit 1 on a refusal or mismatch.
import { parseArgs } from "node:util";
import { runChore } from "./db-transfer/cli";
import { copyDatabase, formatReports } from "./db-transfer/copy";

const { values } = parseArgs({
  options: { from: { type: "string" }, to: { type: "string" } },
  strict: false,
});
const [from, to] = [values.from, values.to];
const usage =
  "usage: npm run db:copy -- --from file:./data/tracker.db --to postgresql://user@host:5432/tracker";
await runChore(usage, typeof from !== "string" || typeof to !== "string", async () => {
  const tty = process.stderr.isTTY;
  let shown = "";
  const reports = await copyDatabase({
    from: from as string,
    to: to as string,
    progress(table, done, total) {
      const line = `copying ${table}: ${done}/${total} rows`;
      if (tty) process.stderr.write(`\r${line}\x1b[K${done === total ? "\n" : ""}`);
      else if (done === total && shown !== table) {
        // Without a terminal, one line per table.
        process.stderr.write(`${line}\n`);
        shown = table;
      }
    },
  });
  console.log(`Copied and verified (rows and content digest of every table):\n${formatReports(reports)}`);
});
