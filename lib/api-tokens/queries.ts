import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** Every API token, newest first, with who made and who revoked it; never the hash. */
export function listApiTokens(_admin: CheckedAdmin) {
  return db.apiToken.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { name: true, banned: true } },
      revokedBy: { select: { name: true } },
    },
  });
}
