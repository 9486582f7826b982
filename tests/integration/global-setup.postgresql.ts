import type { TestProject } from "vitest/node";
import { buildExportWorker } from "../../scripts/build-export-worker.mjs";
import { createPostgresTemplate, dropPostgresDatabases } from "./databases";

export default async function setup(project: TestProject) {
  // Exports run in the export worker's bundle, as in the built app.
  await buildExportWorker();
  await dropPostgresDatabases();
  const template = await createPostgresTemplate();
  project.provide("templateDatabaseUrl", template);
  return () => dropPostgresDatabases(template);
}
