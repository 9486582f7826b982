import type { TestProject } from "vitest/node";
import { createSqliteTemplate, removeSqliteDatabases } from "./databases";

export default function setup(project: TestProject) {
  removeSqliteDatabases();
  project.provide("templateDatabaseUrl", createSqliteTemplate());
  return () => removeSqliteDatabases();
}
