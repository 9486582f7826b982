import { FILE_SUMMARY, type FileSummary, type UploadLimits, uploadLimits } from "@/lib/files/queries";
import "server-only";
// The 沟通记录 card of a recommendation: its current records (newest contact first), each with the
// versions it corrected, the deputy's answers, and what the reader may do with each.
import { canReadProposal } from "@/lib/auth/deputy-scope";
import { isDeputy } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { ContactMethod, ContactResponseDecision } from "@/lib/db/enums";
import { type LinkCheckView, linkCheckViewSelect } from "@/lib/link-checks/state";
import { mayCorrectContact, mayRecordContact } from "./rule";

const CONTACT_SELECT = {
  id: true,
  contactDate: true,
  method: true,
  participants: true,
  summary: true,
  agencyId: true,
  supersedesId: true,
  correctionReason: true,
  createdAt: true,
  agency: { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
  recordedBy: { select: { name: true } },
  links: { orderBy: { position: "asc" }, select: { url: true, linkCheck: { select: linkCheckViewSelect } } },
  files: FILE_SUMMARY,
  responses: {
    orderBy: { createdAt: "asc" },
    select: {
      userId: true,
      decision: true,
      comment: true,
      createdAt: true,
      user: { select: { name: true } },
    },
  },
} as const;

export type ContactVersion = {
  id: string;
  contactDate: string;
  method: ContactMethod;
  participants: string;
  summary: string;
  links: string[];
  /** Each link's last check (lib/link-checks), in the order of `links`. */
  linkChecks: (LinkCheckView | null)[];
  agency: {
    nameZh: string;
    nameEn: string | null;
    shortNameZh: string | null;
    shortNameEn: string | null;
  } | null;
  recordedBy: string;
  /** The Shanghai day it was recorded. */
  recordedOn: string;
  correctionReason: string | null;
  responses: { by: string; decision: ContactResponseDecision; comment: string | null; on: string }[];
  files: FileSummary[];
};

export type ContactRecord = ContactVersion & {
  /** confirmed / disputed by a deputy (disputed wins), or awaiting. */
  state: ContactResponseDecision | "awaiting";
  /** The versions this record corrected, newest first. */
  earlier: ContactVersion[];
  mayCorrect: boolean;
  mayRespond: boolean;
};

export type ContactCard = {
  recommendationId: string;
  records: ContactRecord[];
  mayRecord: boolean;
  today: string;
  /** The limits of the file upload, for the records the reader may attach files to (mayCorrect). */
  fileUpload: UploadLimits;
};

type Row = {
  id: string;
  contactDate: Date;
  method: ContactMethod;
  participants: string;
  summary: string;
  agencyId: string | null;
  supersedesId: string | null;
  correctionReason: string | null;
  createdAt: Date;
  agency: ContactVersion["agency"];
  recordedBy: { name: string };
  links: { url: string; linkCheck: LinkCheckView | null }[];
  files: FileSummary[];
  responses: {
    userId: string;
    decision: ContactResponseDecision;
    comment: string | null;
    createdAt: Date;
    user: { name: string };
  }[];
};

const versionOf = (row: Row): ContactVersion => ({
  id: row.id,
  contactDate: toShanghaiDateString(row.contactDate),
  method: row.method,
  participants: row.participants,
  summary: row.summary,
  links: row.links.map((link) => link.url),
  linkChecks: row.links.map((link) => link.linkCheck),
  files: row.files,
  agency: row.agency,
  recordedBy: row.recordedBy.name,
  recordedOn: toShanghaiDateString(row.createdAt),
  correctionReason: row.correctionReason,
  responses: row.responses.map((response) => ({
    by: response.user.name,
    decision: response.decision,
    comment: response.comment,
    on: toShanghaiDateString(response.createdAt),
  })),
});

/** The card of `recommendationId` as `user` sees it, or null when they may not read the item. */
export async function contactCardOf(
  recommendationId: string,
  user: CurrentUser,
): Promise<ContactCard | null> {
  const rec = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      proposalId: true,
      archivedAt: true,
      agencies: { select: { agencyId: true, role: true } },
      deputyContacts: { select: CONTACT_SELECT, orderBy: [{ contactDate: "desc" }, { createdAt: "desc" }] },
    },
  });
  if (!rec || !(await canReadProposal(db, user, rec.proposalId))) return null;
  const open = rec.archivedAt === null;
  const rows = rec.deputyContacts as Row[];
  const bySupersedes = new Map(rows.filter((row) => row.supersedesId).map((row) => [row.supersedesId, row]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const deputy = isDeputy(user);
  const records = rows
    .filter((row) => !bySupersedes.has(row.id))
    .map((row): ContactRecord => {
      const earlier: ContactVersion[] = [];
      const files = [...row.files];
      for (let at = row.supersedesId ? byId.get(row.supersedesId) : undefined; at; ) {
        earlier.push(versionOf(at));
        files.push(...at.files);
        at = at.supersedesId ? byId.get(at.supersedesId) : undefined;
      }
      const decisions = row.responses.map((response) => response.decision);
      return {
        ...versionOf(row),
        // A correction keeps the files of the versions it corrects: they stay theirs (a file's owner
        // never changes, and its "file.attach" event names it), and the current version lists them all.
        files: files.sort(
          (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
        ),
        state: decisions.includes("disputed") ? "disputed" : decisions.length ? "confirmed" : "awaiting",
        earlier,
        mayCorrect: open && mayRecordContact(user, rec.agencies) && mayCorrectContact(user, row.agencyId),
        mayRespond: open && deputy && !row.responses.some((response) => response.userId === user.id),
      };
    });
  return {
    recommendationId,
    records,
    mayRecord: open && mayRecordContact(user, rec.agencies),
    today: toShanghaiDateString(new Date()),
    fileUpload: uploadLimits(),
  };
}
