// Adding evidence: the one writer of Evidence rows and their "evidence.create" audit events, for the
// evidence form, the status form's new link and an import's links alike, so that every piece is
// stored and audited the same way. Set-based: an import hands over all of its pieces at once.
import { v7 as orderedId } from "uuid";
import { shanghaiDate } from "@/lib/dates";
import { type DbClient, providerOfClient } from "@/lib/db/client";
import type { EvidenceKind } from "@/lib/db/enums";
import { insertRows } from "@/lib/db/insert";
import { insertChained } from "@/lib/history-chain/append";

/** What a new piece of evidence says; the optional details default to none. */
export type EvidenceFields = {
  /** None for a piece that is only a file: its writer writes the file beside it (lib/evidence/file-evidence.ts). */
  url: string | null;
  titleZh: string;
  titleEn?: string | null;
  kind: EvidenceKind;
  publisher?: string | null;
  publishedAt?: Date | null;
  note?: string | null;
  isPublic: boolean;
  /** 内部材料 (lib/auth/deputy-scope.ts): none but the evidence form's are. */
  isInternal?: boolean;
};

/** What a piece is evidence of: a recommendation or an action. */
export type EvidenceTarget =
  | { recommendationId: string; actionId: null }
  | { recommendationId: null; actionId: string };

/** The item a form's `target` ("recommendation:<id>" or "action:<id>") names. */
export function evidenceTargetOf(target: string): EvidenceTarget {
  const [type, id] = target.split(/:(.*)/s) as ["recommendation" | "action", string];
  return type === "action"
    ? { actionId: id, recommendationId: null }
    : { recommendationId: id, actionId: null };
}

/** The details of the evidence form (lib/evidence/schema.ts), as the row stores them. */
export function evidenceDetailsOf(input: {
  titleZh: string;
  titleEn?: string;
  kind: EvidenceKind;
  publisher?: string;
  publishedAt?: string;
  note?: string;
  isPublic: boolean;
  isInternal: boolean;
}) {
  return {
    titleZh: input.titleZh,
    titleEn: input.titleEn ?? null,
    kind: input.kind,
    publisher: input.publisher ?? null,
    publishedAt: input.publishedAt ? shanghaiDate(input.publishedAt) : null,
    note: input.note ?? null,
    isPublic: input.isPublic,
    isInternal: input.isInternal,
  };
}

/**
 * A piece of evidence ready to be written, with its id and its audit event's, made when it is made:
 * ids are time-ordered, so the events keep their place among those written beside them.
 */
export type NewEvidence = { id: string; auditId: string; target: EvidenceTarget; fields: EvidenceFields };

export function newEvidence(target: EvidenceTarget, fields: EvidenceFields): NewEvidence {
  return { id: orderedId(), auditId: orderedId(), target, fields };
}

/**
 * Writes the pieces and an audit event for each, in two statements whatever their number; call it
 * inside the transaction of the write that adds them. Every row takes the moment `now`.
 */
export async function writeEvidence(
  tx: DbClient,
  actorId: string,
  pieces: NewEvidence[],
  now: Date,
): Promise<void> {
  if (pieces.length === 0) return;
  const provider = providerOfClient(tx);
  const details = pieces.map(({ fields }) => ({
    url: fields.url,
    titleZh: fields.titleZh,
    titleEn: fields.titleEn ?? null,
    kind: fields.kind,
    publisher: fields.publisher ?? null,
    publishedAt: fields.publishedAt ?? null,
    note: fields.note ?? null,
    isPublic: fields.isPublic,
    isInternal: fields.isInternal ?? false,
  }));
  await insertRows(
    tx,
    provider,
    "Evidence",
    EVIDENCE_COLUMNS,
    pieces.map((piece, index) => ({
      id: piece.id,
      ...piece.target,
      ...details[index],
      createdById: actorId,
      createdAt: now,
      updatedAt: now,
    })),
  );
  // At the end of the audit chain (lib/history-chain).
  await insertChained(
    tx,
    "AuditEvent",
    AUDIT_COLUMNS,
    pieces.map((piece, index) => ({
      id: piece.auditId,
      actorId,
      action: "evidence.create",
      entityType: "Evidence",
      entityId: piece.id,
      before: null,
      // As lib/audit/record.ts stores a payload: days as ISO text.
      after: JSON.parse(JSON.stringify(details[index])) as object,
      createdAt: now,
    })),
  );
}

const EVIDENCE_COLUMNS = [
  "id",
  "recommendationId",
  "actionId",
  "url",
  "titleZh",
  "titleEn",
  "kind",
  "publisher",
  "publishedAt",
  "note",
  "isPublic",
  "isInternal",
  "createdById",
  "createdAt",
  "updatedAt",
];
const AUDIT_COLUMNS = ["id", "actorId", "action", "entityType", "entityId", "before", "after", "createdAt"];
