"use server";

import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { formAction } from "@/lib/validation/form-action";
import { publicationInput } from "./schema";

/**
 * Publishes a proposal's public progress page and open data, or takes them down (at once: they are
 * read from the database on every request). Admins only; audited with the state before and after.
 */
export const setProposalPublished = formAction(
  publicationInput,
  { allow: isAdmin, refusal: "public.forbidden" },
  async ({ input, user, t }) => {
    const tPublic = await getTranslations("public");
    const publish = input.publish === "true";
    const proposal = await db.$transaction(async (tx) => {
      const before = await tx.proposal.findUnique({
        where: { id: input.proposalId },
        select: { id: true, code: true, publishedAt: true, publicSatisfaction: true },
      });
      if (!before) return null;
      // Publishing again keeps the first publication's time; nothing to write then.
      if ((before.publishedAt !== null) === publish) return before;
      const publishedAt = publish ? new Date() : null;
      // Whether the deputy's satisfaction is shown is decided at each publication (ticked or not).
      const publicSatisfaction = publish && input.showSatisfaction;
      await tx.proposal.update({ where: { id: before.id }, data: { publishedAt, publicSatisfaction } });
      await recordAudit(tx, {
        actorId: user.id,
        action: publish ? "proposal.publish" : "proposal.unpublish",
        entityType: "Proposal",
        entityId: before.id,
        before: { publishedAt: before.publishedAt, publicSatisfaction: before.publicSatisfaction },
        after: { publishedAt, publicSatisfaction },
      });
      return before;
    });
    if (!proposal) return { formError: t("notFound") };
    revalidateApp();
    return { notice: tPublic(publish ? "publishedNotice" : "unpublishedNotice") };
  },
);
