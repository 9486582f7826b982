// A file's row, written once all of its bytes are stored (lib/files/store.ts), with its "file.attach"
// audit event: the one way a file joins a piece of evidence, a reply draft or a contact record.
import { recordAudit } from "@/lib/audit/record";
import type { DbClient } from "@/lib/db/client";
import { type FileOwner, ownerColumns } from "./access";
import type { StorageKind } from "./config";
import type { ReceivedFile } from "./upload";

/** The owner as a form names it ("evidence:<id>", "reply:<recommendationId>", "contact:<id>"). */
export function ownerName(owner: FileOwner): string {
  if (owner.kind === "evidence") return `evidence:${owner.evidenceId}`;
  if (owner.kind === "contact") return `contact:${owner.contactId}`;
  return `reply:${owner.recommendationId}`;
}

/** Writes the row of `file`, stored in `storage`, for `owner`, and audits it, inside `tx`. */
export async function recordStoredFile(
  tx: DbClient,
  uploadedById: string,
  owner: FileOwner,
  file: ReceivedFile,
  storage: StorageKind,
) {
  const row = await tx.storedFile.create({
    data: {
      ...ownerColumns(owner),
      name: file.name,
      mime: file.mime,
      size: file.size,
      sha256: file.sha256,
      storage,
      storageKey: file.storageKey,
      uploadedById,
    },
    select: { id: true, name: true, mime: true, size: true, sha256: true },
  });
  await recordAudit(tx, {
    actorId: uploadedById,
    action: "file.attach",
    entityType: "StoredFile",
    entityId: row.id,
    after: { ...row, owner: ownerName(owner) },
  });
  return row;
}
