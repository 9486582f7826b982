"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { itemAccess } from "@/lib/auth/item-access";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db";
import { notifyEvidenceChange } from "@/lib/notifications/changes";
import { revalidateApp } from "@/lib/revalidate";
import { formAction } from "@/lib/validation/form-action";
import { evidenceAccess, evidenceVerifyAccess } from "./access";
import { evidenceCreateInput, evidenceEditInput, evidenceVerifyInput, evidenceWithdrawInput } from "./schema";
import { evidenceDetailsOf as details, evidenceTargetOf, newEvidence, writeEvidence } from "./write";

/** Adds a piece of evidence to a recommendation or an action the user's agency handles. */
export const createEvidence = formAction(
  evidenceCreateInput,
  {
    // The form offers only the items the user may change: one gone meanwhile is refused alike.
    allowOn: async (user, input) =>
      (await itemAccess(db, user, evidenceTargetOf(input.target))) === "allowed" ? "allowed" : "forbidden",
  },
  async ({ input, user, form }) => {
    // A file goes with its fields to POST /api/files (lib/evidence/file-evidence.ts), which streams it:
    // a server action reads the whole body into memory.
    if (input.source === "file" || !input.url)
      return { fieldErrors: { file: [(await getTranslations("files"))("problem.noFile")] } };
    const target = evidenceTargetOf(input.target);
    const piece = newEvidence(target, { url: input.url, ...details(input) });
    await db.$transaction(async (tx) => {
      await writeEvidence(tx, user.id, [piece], new Date());
      await notifyEvidenceChange(
        tx,
        user.id,
        { id: piece.id, titleZh: piece.fields.titleZh, isInternal: piece.fields.isInternal, ...target },
        { kind: "added" },
      );
    });
    revalidateApp();
    redirect(safeNextPath(form.get("returnTo"), "/"));
  },
);

/** Corrects a piece of evidence's title, kind, publisher, date, note or public flag. */
export const editEvidence = formAction(
  evidenceEditInput,
  { allowOn: (user, input) => evidenceAccess(db, user, input.evidenceId) },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx) => {
      const evidence = await tx.evidence.findUnique({ where: { id: input.evidenceId } });
      if (!evidence) return { formError: t("notFound") };
      if (evidence.withdrawnAt) return { formError: t("evidenceWithdrawn") };
      const after = details(input);
      await tx.evidence.update({ where: { id: evidence.id }, data: after });
      await recordAudit(tx, {
        actorId: user.id,
        action: "evidence.edit",
        entityType: "Evidence",
        entityId: evidence.id,
        before: {
          titleZh: evidence.titleZh,
          titleEn: evidence.titleEn,
          kind: evidence.kind,
          publisher: evidence.publisher,
          publishedAt: evidence.publishedAt,
          note: evidence.note,
          isPublic: evidence.isPublic,
          isInternal: evidence.isInternal,
        },
        after,
      });
      revalidateApp();
      return { notice: t("saved") };
    });
  },
);

/** Withdraws a piece of evidence with a reason; it stays in the history, marked as withdrawn. */
export const withdrawEvidence = formAction(
  evidenceWithdrawInput,
  { allowOn: (user, input) => evidenceAccess(db, user, input.evidenceId) },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx) => {
      const evidence = await tx.evidence.findUnique({ where: { id: input.evidenceId } });
      if (!evidence) return { formError: t("notFound") };
      if (evidence.withdrawnAt) return { formError: t("evidenceWithdrawn") };
      const withdrawnAt = new Date();
      await tx.evidence.update({
        where: { id: evidence.id },
        data: { withdrawnAt, withdrawnReason: input.reason },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "evidence.withdraw",
        entityType: "Evidence",
        entityId: evidence.id,
        after: { withdrawnAt, reason: input.reason },
      });
      await notifyEvidenceChange(tx, user.id, evidence, { kind: "withdrawn", reason: input.reason });
      revalidateApp();
      return { notice: t("withdrawn") };
    });
  },
);

/**
 * 核实: the office or the agency's reviewer confirms that a piece of evidence is what it claims to be.
 * Once: a verified piece stays verified (a wrong one is withdrawn, which the history keeps).
 */
export const verifyEvidence = formAction(
  evidenceVerifyInput,
  {
    allowOn: (user, input) => evidenceVerifyAccess(db, user, input.evidenceId),
    refusal: "evidenceVerify.forbidden",
  },
  async ({ input, user, t }) => {
    return db.$transaction(async (tx) => {
      const verifiedAt = new Date();
      const verified = await tx.evidence.updateMany({
        where: { id: input.evidenceId, verifiedAt: null, withdrawnAt: null },
        data: { verifiedAt, verifiedById: user.id, verifiedNote: input.note ?? null },
      });
      if (verified.count === 0) {
        const evidence = await tx.evidence.findUnique({ where: { id: input.evidenceId } });
        if (!evidence) return { formError: t("notFound") };
        if (evidence.withdrawnAt) return { formError: t("evidenceWithdrawn") };
        return { formError: (await getTranslations("evidenceVerify"))("alreadyVerified") };
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: "evidence.verify",
        entityType: "Evidence",
        entityId: input.evidenceId,
        after: { verifiedAt, note: input.note ?? null },
      });
      revalidateApp();
      return { notice: (await getTranslations("evidenceVerify"))("done") };
    });
  },
);
