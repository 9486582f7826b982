// What the history chain hashes (see README, "A history anyone can verify"). Each StatusUpdate and
// AuditEvent row carries
//   contentHash = SHA-256 of its canonical content (RFC 8785 JSON of every column but the chain's:
//                 instants as ISO strings in UTC with milliseconds, JSON values nested, nulls explicit)
//   chainHash   = SHA-256 of "<chainSeq>:<the previous row's chainHash>:<contentHash>"
// and chainSeq, its place (1, 2, 3… per table). The canonical form is the same whichever database
// the row is read from and however its driver hands values over (SQLite's text instants and JSON,
// PostgreSQL's Date and jsonb), so that a chain survives db:copy, backup and restore.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { toInstant } from "@/lib/db/tables";

export type ChainTable = "StatusUpdate" | "AuditEvent";
export const CHAIN_TABLES: readonly ChainTable[] = ["StatusUpdate", "AuditEvent"];

type Kind = "text" | "int" | "instant" | "json";

/** Each table's content columns (every column but the chain's own), with the kind of value held. */
export const CONTENT_COLUMNS: Readonly<Record<ChainTable, readonly (readonly [string, Kind])[]>> = {
  StatusUpdate: [
    ["id", "text"],
    ["recommendationId", "text"],
    ["actionId", "text"],
    ["statusBefore", "text"],
    ["statusAfter", "text"],
    ["progressBefore", "int"],
    ["progressAfter", "int"],
    ["effectiveDate", "instant"],
    ["comment", "text"],
    ["source", "text"],
    ["importFileName", "text"],
    ["authorId", "text"],
    ["rollUpOfId", "text"],
    ["rollUpCause", "text"],
    ["rollUpActionCode", "text"],
    ["createdAt", "instant"],
  ],
  AuditEvent: [
    ["id", "text"],
    ["actorId", "text"],
    ["action", "text"],
    ["entityType", "text"],
    ["entityId", "text"],
    ["before", "json"],
    ["after", "json"],
    ["createdAt", "instant"],
  ],
};

export const CHAIN_COLUMNS = ["chainSeq", "contentHash", "chainHash"] as const;

/** The chainHash before the first row. */
export const GENESIS = "0".repeat(64);

export type ChainFields = { chainSeq: number; contentHash: string; chainHash: string };

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

function canonicalValue(kind: Kind, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "instant":
      return toInstant(value).toISOString();
    case "int":
      return Number(value);
    case "json":
      // SQLite hands JSON over as text, PostgreSQL and the app as a value; a written value is what
      // JSON makes of it (undefined members dropped, dates as text).
      return typeof value === "string" ? JSON.parse(value) : JSON.parse(JSON.stringify(value));
    default:
      return String(value);
  }
}

/** A row's canonical content: RFC 8785 JSON of its content columns. */
export function canonicalContent(table: ChainTable, row: Record<string, unknown>): string {
  const content: Record<string, unknown> = {};
  for (const [name, kind] of CONTENT_COLUMNS[table]) content[name] = canonicalValue(kind, row[name]);
  const text = canonicalize(content);
  if (text === undefined) throw new Error(`${table} row has no canonical form`);
  return text;
}

export function contentHashOf(table: ChainTable, row: Record<string, unknown>): string {
  return sha256(canonicalContent(table, row));
}

export function linkHash(chainSeq: number, previous: string, contentHash: string): string {
  return sha256(`${chainSeq}:${previous}:${contentHash}`);
}

/** The chain fields of rows appended after `head`, in order, from their content hashes. */
export function linkAfter(head: ChainHeadLink, contentHashes: readonly string[]): ChainFields[] {
  let previous = head.chainHash;
  let seq = head.chainSeq;
  return contentHashes.map((contentHash) => {
    seq += 1;
    previous = linkHash(seq, previous, contentHash);
    return { chainSeq: seq, contentHash, chainHash: previous };
  });
}

/** Where a chain ends: its last row's place and chainHash (0 and GENESIS when empty). */
export type ChainHeadLink = { chainSeq: number; chainHash: string };
export const EMPTY_CHAIN: ChainHeadLink = { chainSeq: 0, chainHash: GENESIS };
