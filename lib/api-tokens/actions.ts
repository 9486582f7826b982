"use server";

import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { shanghaiDate, shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
// API tokens: made and revoked by admins; every write audited. The secret is returned once, to the
// admin who made it, and never stored or audited.
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { apiTokenCreateInput, apiTokenRevokeInput } from "./schema";
import { expiresAtEndOf } from "./status";
import { generateApiToken } from "./token";

/** What the form that makes a token gets back: the token itself, this once. */
export type ApiTokenFormState = FormState & { token?: string; tokenName?: string };

export const createApiToken = formAction(
  apiTokenCreateInput,
  { allow: isAdmin },
  async ({ input, user, t }): Promise<ApiTokenFormState> => {
    let expiresAt: Date | null = null;
    if (input.validThrough) {
      let day: Date;
      try {
        day = shanghaiDate(input.validThrough);
      } catch {
        return { fieldErrors: { validThrough: [t("dateInvalid")] } };
      }
      if (day < shanghaiToday()) return { fieldErrors: { validThrough: [t("dateInPast")] } };
      expiresAt = expiresAtEndOf(day);
    }
    const { token, prefix, tokenHash } = generateApiToken();
    await db.$transaction(async (tx) => {
      const created = await tx.apiToken.create({
        data: { name: input.name, prefix, tokenHash, createdById: user.id, expiresAt },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "apiToken.create",
        entityType: "ApiToken",
        entityId: created.id,
        after: { name: input.name, prefix, expiresAt },
      });
    });
    revalidateApp();
    return { notice: t("tokenCreated"), token, tokenName: input.name };
  },
);

/** Revokes a token at once; a revoked token stays listed, and cannot be restored. */
export const revokeApiToken = formAction(
  apiTokenRevokeInput,
  { allow: isAdmin },
  async ({ input: { tokenId }, user, t }) => {
    return db.$transaction(async (tx): Promise<FormState> => {
      const before = await tx.apiToken.findUnique({ where: { id: tokenId } });
      if (!before) return { formError: t("notFound") };
      if (before.revokedAt) return { formError: t("tokenAlreadyRevoked") };
      const after = { revokedAt: new Date(), revokedById: user.id };
      // Only a token not yet revoked: of two admins revoking at once, one records it.
      const { count } = await tx.apiToken.updateMany({
        where: { id: tokenId, revokedAt: null },
        data: after,
      });
      if (count === 0) return { formError: t("tokenAlreadyRevoked") };
      await recordAudit(tx, {
        actorId: user.id,
        action: "apiToken.revoke",
        entityType: "ApiToken",
        entityId: tokenId,
        before: { name: before.name, prefix: before.prefix, revokedAt: null },
        after: { name: before.name, prefix: before.prefix, ...after },
      });
      revalidateApp();
      return { notice: t("tokenRevoked") };
    });
  },
);
