// How many uploads are read at once: each holds an import worker (up to ~300 MB for its few seconds),
// so one person gets IMPORT_LIMITS.perPerson at a time and the server IMPORT_LIMITS.total. The places
// are rows of ImportSlot keyed by (owner, slot), so that a claim is one INSERT that the primary key
// lets through once, on SQLite and PostgreSQL alike, however many requests race (a count followed by
// an insert would let two through). A place whose lease ran out (its app process died mid-read) is
// taken over by a conditional UPDATE, which again only one request can win.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { IMPORT_READ_TIMEOUT_MS } from "./worker-process";

export const IMPORT_LIMITS = { perPerson: 2, total: 4 } as const;

/** Longer than any read may take (the worker is killed at its time-out), so that no live claim expires. */
const LEASE_MS = IMPORT_READ_TIMEOUT_MS + 60_000;
/** The server-wide places' owner. */
const EVERYONE = "*";

type Place = { owner: string; slot: number; claimId: string };

export type ImportSlotClaim = { release: () => Promise<void> };

/** One of the person's places and one of the server's, or which limit is reached. */
export async function claimImportSlot(
  db: Db,
  userId: string,
): Promise<ImportSlotClaim | "perPerson" | "total"> {
  const mine = await claimPlace(db, userId, IMPORT_LIMITS.perPerson);
  if (!mine) return "perPerson";
  const shared = await claimPlace(db, EVERYONE, IMPORT_LIMITS.total);
  if (!shared) {
    await releasePlace(db, mine);
    return "total";
  }
  return {
    release: async () => void (await Promise.all([releasePlace(db, mine), releasePlace(db, shared)])),
  };
}

async function claimPlace(db: Db, owner: string, places: number): Promise<Place | null> {
  const claimId = randomUUID();
  for (let slot = 1; slot <= places; slot++) {
    const expiresAt = new Date(Date.now() + LEASE_MS);
    try {
      await db.importSlot.create({ data: { owner, slot, claimId, expiresAt } });
      return { owner, slot, claimId };
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
    const { count } = await db.importSlot.updateMany({
      where: { owner, slot, expiresAt: { lt: new Date() } },
      data: { claimId, expiresAt },
    });
    if (count === 1) return { owner, slot, claimId };
  }
  return null;
}

/** Frees the place, unless its lease ran out and another request has it now. */
async function releasePlace(db: Db, place: Place) {
  await db.importSlot.deleteMany({ where: place });
}
