import type { TestProject } from "vitest/node";
import { createSqliteTemplate, removeSqliteDatabases } from "./databases";

export default function setup(project: TestProject) {
  removeSqliteDatabases();
  const template = createSqliteTemplate();
  project.provide("templateDatabaseUrl", template);
  return () => removeSqliteDatabases(template);
}
