"use server";
// Removing a file (移除): it is no longer listed or read (StoredFile.removedAt); the row stays, and so
// may its bytes, as the history names them. Whoever may attach a file to its owner may remove it.
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { FormRefused, formAction } from "@/lib/validation/form-action";
import { removeAccess } from "./access";

const fileRemoveInput = z.object({ fileId: z.string().min(1, { error: "invalid" }).max(100) });

export const removeFile = formAction(
  fileRemoveInput,
  { allowOn: (user, input) => removeAccess(db, user, input.fileId) },
  async ({ input, user, t }) => {
    const tFiles = await getTranslations("files");
    try {
      return await db.$transaction(async (tx) => {
        const file = await tx.storedFile.findUnique({
          where: { id: input.fileId },
          select: { id: true, name: true, evidenceId: true, replyRecommendationId: true, contactId: true },
        });
        if (!file) return { formError: t("notFound") };
        // A file-only piece keeps at least one file. Its row is written first, so that two removals of
        // its last two files at once take turns (PostgreSQL locks it), and the second finds one left.
        const evidence = file.evidenceId
          ? await tx.evidence.update({
              where: { id: file.evidenceId },
              data: { updatedAt: new Date() },
              select: { url: true },
            })
          : null;
        const removedAt = new Date();
        const removed = await tx.storedFile.updateMany({
          where: { id: file.id, removedAt: null },
          data: { removedAt },
        });
        if (removed.count === 0) return { formError: tFiles("removeGone") };
        if (evidence && evidence.url === null) {
          const left = await tx.storedFile.count({ where: { evidenceId: file.evidenceId, removedAt: null } });
          if (left === 0) throw new FormRefused({ formError: tFiles("removeLast") });
        }
        await recordAudit(tx, {
          actorId: user.id,
          action: "file.remove",
          entityType: "StoredFile",
          entityId: file.id,
          after: {
            removedAt,
            name: file.name,
            owner: file.evidenceId
              ? `evidence:${file.evidenceId}`
              : file.contactId
                ? `contact:${file.contactId}`
                : `reply:${file.replyRecommendationId}`,
          },
        });
        revalidateApp();
        return { notice: tFiles("removed", { name: file.name }) };
      });
    } catch (error) {
      if (error instanceof FormRefused) return error.state;
      throw error;
    }
  },
);
