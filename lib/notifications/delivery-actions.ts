"use server";

// The delivery log's one write: an admin sends a failed delivery again (after fixing the SMTP server,
// the address, the bot). Admins only; audited.
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { deliveryRetryInput } from "./delivery-schema";

/** Queues a failed delivery again, due now, with a fresh count of attempts. */
export const retryDelivery = formAction(
  deliveryRetryInput,
  { allow: isAdmin },
  async ({ input: { deliveryId }, user, t }) => {
    const tDeliveries = await getTranslations("deliveries");
    const answer = await db.$transaction(async (tx): Promise<FormState> => {
      const before = await tx.delivery.findUnique({
        where: { id: deliveryId },
        select: { id: true, state: true, attempts: true, lastError: true, notBefore: true },
      });
      if (!before) return { formError: t("notFound") };
      if (before.state !== "failed") return { formError: tDeliveries("notFailed") };
      const after = { state: "queued", attempts: 0, notBefore: new Date() };
      // Only a delivery still failed: of two admins sending it again at once, one queues it.
      const { count } = await tx.delivery.updateMany({
        where: { id: deliveryId, state: "failed" },
        data: { ...after, leaseUntil: null, leasedBy: null },
      });
      if (count === 0) return { formError: tDeliveries("notFailed") };
      await recordAudit(tx, {
        actorId: user.id,
        action: "delivery.retry",
        entityType: "Delivery",
        entityId: deliveryId,
        before: { state: before.state, attempts: before.attempts, lastError: before.lastError },
        after,
      });
      return { notice: tDeliveries("retried") };
    });
    if (answer.notice) revalidateApp();
    return answer;
  },
);
