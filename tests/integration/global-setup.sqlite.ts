import type { TestProject } from "vitest/node";
import { buildExportWorker } from "../../scripts/build-export-worker.mjs";
import { createSqliteTemplate, removeSqliteDatabases } from "./databases";

export default async function setup(project: TestProject) {
  // Exports run in the export worker's bundle, as in the built app.
  await buildExportWorker();
  removeSqliteDatabases();
  const template = createSqliteTemplate();
  project.provide("templateDatabaseUrl", template);
  return () => removeSqliteDatabases(template);
}
