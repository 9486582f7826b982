import "server-only";
// What the reply workflow panel of a recommendation shows: its draft and rounds, the sign-offs and the
// steps the signed-in person may take now (the machine's availableSteps).
import { type Actor, isDeputy } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { CycleStage, ReplyClass, SignoffDecision } from "@/lib/db/enums";
import { FILE_SUMMARY, type FileSummary, type UploadLimits, uploadLimits } from "@/lib/files/queries";
import { availableSteps, isPartyTo, type Step } from "./machine";

type AgencyName = { id: string; nameZh: string; nameEn: string | null };

export type ReplyWorkflow = {
  recommendationId: string;
  version: number;
  stage: CycleStage;
  steps: Step[];
  /** The signed-in person's agency (whose sign-off the form is for). */
  signerAgencyId: string | null;
  /** A deputy's view: the reply as accepted, nothing of its drafting. */
  forDeputy: boolean;
  coHandlers: AgencyName[];
  draft: {
    round: number;
    replyClass: ReplyClass;
    text: string;
    letterUrl: string | null;
    acceptedClass: ReplyClass | null;
    acceptedAt: Date | null;
    updatedAt: Date;
    draftedBy: string;
    /** The reply letter's files (a scan, the signed PDF). */
    files: FileSummary[];
  } | null;
  /** The limits of the file upload, when the signed-in person may attach the letter now. */
  fileUpload: UploadLimits | null;
  signoffs: {
    round: number;
    agencyId: string;
    decision: SignoffDecision;
    comment: string | null;
    user: string;
    createdAt: Date;
  }[];
  /** Actions neither completed nor not adopted: closing needs an account of them. */
  openActions: number;
};

const AGENCY = { select: { id: true, nameZh: true, nameEn: true } } as const;

export async function loadReplyWorkflow(
  recommendationId: string,
  actor: Actor,
): Promise<ReplyWorkflow | null> {
  const rec = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true,
      version: true,
      stage: true,
      archivedAt: true,
      agencies: { select: { agencyId: true, role: true, agency: AGENCY }, orderBy: { createdAt: "asc" } },
      reply: { include: { draftedBy: { select: { name: true } }, files: FILE_SUMMARY } },
      signoffs: {
        include: { user: { select: { name: true } } },
        orderBy: [{ round: "asc" }, { createdAt: "asc" }],
      },
      actions: { select: { status: true } },
    },
  });
  if (!rec) return null;
  // A deputy reads the reply once the office has accepted it (已答复), as accepted: not the agencies'
  // drafts, their sign-offs and reviews, or the class the office corrected (lib/auth/deputy-scope.ts).
  const deputy = isDeputy(actor);
  const reply =
    deputy && rec.reply
      ? rec.reply.acceptedAt
        ? { ...rec.reply, replyClass: rec.reply.acceptedClass ?? rec.reply.replyClass }
        : null
      : rec.reply;
  if (deputy) rec.signoffs = [];
  return {
    recommendationId: rec.id,
    version: rec.version,
    stage: rec.stage,
    steps: rec.archivedAt ? [] : availableSteps(rec.stage, actor, rec.agencies),
    signerAgencyId: actor.agencyId,
    forDeputy: deputy,
    coHandlers: rec.agencies.filter((a) => a.role === "co_handler").map((a) => a.agency),
    draft: reply && {
      round: reply.round,
      replyClass: reply.replyClass,
      text: reply.text,
      letterUrl: reply.letterUrl,
      acceptedClass: reply.acceptedClass,
      acceptedAt: reply.acceptedAt,
      updatedAt: reply.updatedAt,
      draftedBy: reply.draftedBy.name,
      files: reply.files,
    },
    // As lib/files/access.ts attachAccess: the reply's drafters, until the office accepts it.
    fileUpload:
      reply && !reply.acceptedAt && !rec.archivedAt && isPartyTo("draftReply", actor, rec.agencies)
        ? uploadLimits()
        : null,
    signoffs: rec.signoffs.map((s) => ({
      round: s.round,
      agencyId: s.agencyId,
      decision: s.decision,
      comment: s.comment,
      user: s.user.name,
      createdAt: s.createdAt,
    })),
    openActions: rec.actions.filter((a) => a.status !== "completed" && a.status !== "not_adopted").length,
  };
}
