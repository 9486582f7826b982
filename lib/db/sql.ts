// SQL written with Prisma's template tag (values bound, never spliced in), and what runs it: the app's
// Prisma client, or a plain driver in a process that does not load Prisma (the export worker, see
// lib/export/worker.ts). Kept free of the generated client so that such a process stays small.
// Compose statements with these only, and hand a finished one to `db.$queryRaw(statement)`: under Node,
// Prisma's runtime may load this package as CommonJS where this module gets its ES build, another Sql
// class, and Prisma's own tag would then bind a nested statement as a value instead of splicing it in.
import type { Sql } from "@prisma/client-runtime-utils";
import type { DatabaseProvider } from "@/lib/database-url";

export { empty, join, raw, Sql, sql } from "@prisma/client-runtime-utils";

/** A database that answers SQL with rows, and says which dialect it speaks. */
export interface SqlReader {
  provider: DatabaseProvider;
  rows<T>(statement: Sql): Promise<T[]>;
}
