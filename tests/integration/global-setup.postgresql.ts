import type { TestProject } from "vitest/node";
import { createPostgresTemplate, dropPostgresDatabases } from "./databases";

export default async function setup(project: TestProject) {
  await dropPostgresDatabases();
  const template = await createPostgresTemplate();
  project.provide("templateDatabaseUrl", template);
  return () => dropPostgresDatabases(template);
}
