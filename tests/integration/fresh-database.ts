// Runs before each integration test file: points DATABASE_URL at a fresh copy of the migrated
// template, so that lib/db (imported by the tests afterwards) talks to it.
import { inject } from "vitest";
import { createPostgresDatabase, createSqliteDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

const template = inject("templateDatabaseUrl");
process.env.DATABASE_URL = template.startsWith("file:")
  ? createSqliteDatabase(template)
  : await createPostgresDatabase(template);
