import "server-only";
import { createPrismaClient, type Db } from "./client";

// One client per process; kept on globalThis so that dev-mode reloads do not open a new pool each time.
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForDb.db = db;
