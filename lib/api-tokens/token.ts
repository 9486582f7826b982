// API tokens: a random secret shown once, of which only a SHA-256 hash is stored. A token is a
// read-only identity for the API (lib/api/auth.ts); server actions never accept one.
import { createHash, randomBytes } from "node:crypto";
import type { DbClient } from "@/lib/db/client";

const TOKEN_PATTERN = /^pt_[A-Za-z0-9_-]{43}$/;
/** How many characters of a token are kept and shown to tell tokens apart: "pt_" and 8 more. */
const PREFIX_LENGTH = 11;
/** lastUsedAt is written at most this often per token, so that a burst of requests is not a burst of writes. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** A new token ("pt_" + 32 random bytes in base64url), with what is stored of it. */
export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `pt_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), tokenHash: hashApiToken(token) };
}

/** SHA-256 of the whole token, hex: the secret has 256 random bits, so no slow hash or salt is needed. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export type ApiTokenIdentity = { tokenId: string; name: string; createdById: string };

/**
 * The token's identity when it is valid: known, not revoked, not expired, and its creator's account
 * still active (whoever saw the secret left with it otherwise). Records the use, at most once a minute.
 */
export async function verifyApiToken(
  db: DbClient,
  token: string,
  now: Date = new Date(),
): Promise<ApiTokenIdentity | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      name: true,
      createdById: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { banned: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now) || row.createdBy.banned) return null;

  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= staleBefore) {
    // The condition is checked again by the database, so that of concurrent requests (in any number
    // of app processes) only one writes.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  }
  return { tokenId: row.id, name: row.name, createdById: row.createdById };
}
