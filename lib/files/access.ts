// Who may attach files, and who may read one: the rules of the thing a file belongs to, written once.
// - Attach to a piece of evidence: whoever may change it (lib/evidence/access.ts), while it is not withdrawn.
// - Attach to a reply draft: whoever may draft the reply (the lead agency's staff, the cycle's rule),
//   while the office has not accepted it.
// - Attach to a contact record (沟通记录): whoever may correct it (lib/contacts/rule.ts), while it is the
//   current version (a correction is a new record, which takes its own files).
// - Remove (移除): whoever may attach to its owner (a contact record's: to its current version). A
//   piece of evidence that is only a file keeps its last one (lib/files/actions.ts).
// - Read: a piece of evidence's file as the evidence (public evidence of a published proposal by
//   anyone; the rest by signed-in people, deputies per lib/auth/deputy-scope.ts); a reply's file as the
//   reply (deputies once the office accepted it); a contact record's as the record (signed-in people,
//   deputies their own proposals'). A removed file is read by nobody.
import { readableEvidence, readableRecommendations } from "@/lib/auth/deputy-scope";
import type { Access } from "@/lib/auth/item-access";
import { type Actor, isDeputy } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { contactWriteAccess, mayCorrectContact } from "@/lib/contacts/rule";
import { stepAccess } from "@/lib/cycle/step-write";
import type { DbClient, Prisma } from "@/lib/db/client";
import { liveProposals, liveRecommendations } from "@/lib/db/live";
import { evidenceAccess } from "@/lib/evidence/access";

export type FileOwner =
  | { kind: "evidence"; evidenceId: string }
  | { kind: "reply"; recommendationId: string }
  | { kind: "contact"; contactId: string };

/** The owner a form's `owner` field ("evidence:<id>", "reply:<recommendationId>", "contact:<id>") names. */
export function parseFileOwner(value: string | undefined): FileOwner | null {
  const match = /^(evidence|reply|contact):(.{1,100})$/s.exec(value ?? "");
  const id = match?.[2];
  if (!id) return null;
  if (match[1] === "evidence") return { kind: "evidence", evidenceId: id };
  if (match[1] === "contact") return { kind: "contact", contactId: id };
  return { kind: "reply", recommendationId: id };
}

/** The owner's columns of a StoredFile row. */
export function ownerColumns(owner: FileOwner) {
  return {
    evidenceId: owner.kind === "evidence" ? owner.evidenceId : null,
    replyRecommendationId: owner.kind === "reply" ? owner.recommendationId : null,
    contactId: owner.kind === "contact" ? owner.contactId : null,
  };
}

/** Whether `user` may attach a file to `owner`. */
export async function attachAccess(db: DbClient, user: CurrentUser, owner: FileOwner): Promise<Access> {
  if (owner.kind === "evidence") {
    const access = await evidenceAccess(db, user, owner.evidenceId);
    if (access !== "allowed") return access;
    const evidence = await db.evidence.findUnique({
      where: { id: owner.evidenceId },
      select: { withdrawnAt: true },
    });
    return evidence?.withdrawnAt ? "forbidden" : "allowed";
  }
  if (owner.kind === "contact") {
    const contact = await db.deputyContact.findUnique({
      where: { id: owner.contactId },
      select: { recommendationId: true, agencyId: true, supersededBy: { select: { id: true } } },
    });
    if (!contact) return "notFound";
    const access = await contactWriteAccess(db, user, contact.recommendationId);
    if (access !== "allowed") return access;
    return !contact.supersededBy && mayCorrectContact(user, contact.agencyId) ? "allowed" : "forbidden";
  }
  const access = await stepAccess("draftReply")(user, { recommendationId: owner.recommendationId });
  if (access !== "allowed") return access;
  const draft = await db.replyDraft.findUnique({
    where: { recommendationId: owner.recommendationId },
    select: { acceptedAt: true },
  });
  if (!draft) return "notFound";
  return draft.acceptedAt ? "forbidden" : "allowed";
}

/**
 * Whether `user` may remove the file `fileId` (移除): as they may attach one to its owner; a contact
 * record's file as to the record's current version (a correction shows its earlier versions' files).
 */
export async function removeAccess(db: DbClient, user: CurrentUser, fileId: string): Promise<Access> {
  const file = await db.storedFile.findUnique({
    where: { id: fileId },
    select: { evidenceId: true, replyRecommendationId: true, contactId: true, removedAt: true },
  });
  if (!file || file.removedAt) return "notFound";
  if (file.evidenceId) return attachAccess(db, user, { kind: "evidence", evidenceId: file.evidenceId });
  if (file.replyRecommendationId)
    return attachAccess(db, user, { kind: "reply", recommendationId: file.replyRecommendationId });
  if (!file.contactId) return "notFound";
  let contactId = file.contactId;
  // The chain of corrections is short (each a deliberate act); it is walked to its current version.
  for (let hops = 0; hops < 100; hops++) {
    const next = await db.deputyContact.findUnique({
      where: { supersedesId: contactId },
      select: { id: true },
    });
    if (!next) break;
    contactId = next.id;
  }
  return attachAccess(db, user, { kind: "contact", contactId });
}

const publishedRecommendation: Prisma.RecommendationWhereInput = liveRecommendations({
  proposal: liveProposals({ publishedAt: { not: null } }),
});

/** Evidence the public progress page shows. */
export const PUBLIC_EVIDENCE: Prisma.EvidenceWhereInput = {
  isPublic: true,
  withdrawnAt: null,
  OR: [{ recommendation: publishedRecommendation }, { action: { recommendation: publishedRecommendation } }],
};

/** The files `actor` (null: a visitor) may read. */
export function readableFiles(actor: Actor | null): Prisma.StoredFileWhereInput {
  if (!actor) return { removedAt: null, evidence: PUBLIC_EVIDENCE };
  if (!isDeputy(actor)) return { removedAt: null };
  return {
    removedAt: null,
    OR: [
      { evidence: readableEvidence(actor) },
      { evidence: PUBLIC_EVIDENCE },
      { reply: { acceptedAt: { not: null }, recommendation: readableRecommendations(actor) } },
      { contact: { recommendation: readableRecommendations(actor) } },
    ],
  };
}
