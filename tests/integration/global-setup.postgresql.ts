import type { TestProject } from "vitest/node";
import { createPostgresTemplate, dropPostgresDatabases } from "./databases";

export default async function setup(project: TestProject) {
  await dropPostgresDatabases();
  project.provide("templateDatabaseUrl", await createPostgresTemplate());
  return () => dropPostgresDatabases();
}
