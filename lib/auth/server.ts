import "server-only";
import { db } from "@/lib/db";
import { type Auth, createAuth } from "./config";

// Created on first use, not at import: `next build` loads route modules without a secret.
let instance: Auth | undefined;

export function getAuth(): Auth {
  instance ??= createAuth(db);
  return instance;
}
