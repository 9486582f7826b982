"use server";

// Administration: users, agencies, themes and the feedback scale. Admins only; every write audited.
import { hashPassword } from "better-auth/crypto";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import {
  agencyCreateInput,
  agencyUpdateInput,
  levelCreateInput,
  levelUpdateInput,
  themeCreateInput,
  themeUpdateInput,
  userActiveInput,
  userCreateInput,
  userUpdateInput,
} from "./schema";

type Translate = (key: string) => string;

// Each unique field's message when a value is already taken.
const TAKEN = {
  code: "codeTaken",
  key: "codeTaken",
  email: "emailTaken",
  nameZh: "nameZhTaken",
  nameEn: "nameEnTaken",
};
type UniqueField = keyof typeof TAKEN;

/**
 * Runs a unique-constraint-guarded write; a duplicate becomes an error on the field that collides
 * (the first of `fields` when the database does not say which) instead of a crash. The forms check
 * their values first, to name every field taken; this catches a duplicate written meanwhile.
 */
async function unlessDuplicate(
  fields: readonly [UniqueField, ...UniqueField[]],
  t: Translate,
  write: () => Promise<FormState>,
): Promise<FormState> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002") throw error;
    const field = collidingField(error, fields) ?? fields[0];
    return { fieldErrors: { [field]: [t(TAKEN[field])] } };
  }
}

/** The field a unique-constraint error names: SQLite gives its columns, PostgreSQL its index ("Theme_nameZh_key"). */
function collidingField(error: unknown, fields: readonly UniqueField[]): UniqueField | undefined {
  type Meta = {
    target?: unknown;
    driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } };
  };
  const meta = (error as { meta?: Meta }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const columns = [constraint?.fields, meta?.target].flatMap((names) => (Array.isArray(names) ? names : []));
  const index = typeof constraint?.index === "string" ? constraint.index : "";
  return fields.find((field) => columns.includes(field) || index.endsWith(`_${field}_key`));
}

function done(t: Translate): FormState {
  revalidateApp();
  return { notice: t("saved") };
}

// Users -------------------------------------------------------------------------------------------

export const createUser = formAction(userCreateInput, { allow: isAdmin }, async ({ input, user, t }) => {
  if (input.agencyId && !(await db.agency.findUnique({ where: { id: input.agencyId } }))) {
    return { fieldErrors: { agencyId: [t("invalid")] } };
  }
  // The authentication library's own password hash, written with the user in one transaction.
  const passwordHash = await hashPassword(input.password);
  return unlessDuplicate(["email"], t, () =>
    db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          agencyId: input.agencyId ?? null,
          isReviewer: input.isReviewer,
        },
      });
      await tx.account.create({
        data: {
          id: `credential-${created.id}`,
          providerId: "credential",
          accountId: created.id,
          userId: created.id,
          password: passwordHash,
        },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        after: {
          email: input.email,
          name: input.name,
          role: input.role,
          agencyId: input.agencyId ?? null,
          isReviewer: input.isReviewer,
        },
      });
      return done(t);
    }),
  );
});

export const updateUser = formAction(userUpdateInput, { allow: isAdmin }, async ({ input, user, t }) => {
  if (input.userId === user.id && input.role !== "admin") return { formError: t("cannotDemoteSelf") };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId } });
    if (!before) return { formError: t("notFound") };
    // As createUser does: an unknown agency is the form's mistake, not a foreign-key failure (a 500).
    if (input.agencyId && !(await tx.agency.findUnique({ where: { id: input.agencyId } }))) {
      return { fieldErrors: { agencyId: [t("invalid")] } };
    }
    const after = {
      name: input.name,
      role: input.role,
      agencyId: input.agencyId ?? null,
      isReviewer: input.isReviewer,
    };
    await tx.user.update({ where: { id: before.id }, data: after });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.update",
      entityType: "User",
      entityId: before.id,
      before: {
        name: before.name,
        role: before.role,
        agencyId: before.agencyId,
        isReviewer: before.isReviewer,
      },
      after,
    });
    return done(t);
  });
});

/** Deactivates (with a reason) or reactivates an account. A deactivated user is signed out at once. */
export const setUserActive = formAction(userActiveInput, { allow: isAdmin }, async ({ input, user, t }) => {
  if (input.userId === user.id) return { formError: t("cannotDeactivateSelf") };
  const active = input.active === "true";
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId } });
    if (!before) return { formError: t("notFound") };
    await tx.user.update({
      where: { id: before.id },
      data: { banned: !active, banReason: active ? null : (input.reason ?? null) },
    });
    if (!active) {
      await tx.session.deleteMany({ where: { userId: before.id } });
      await revokeTokensOf(tx, before.id, user.id);
    }
    await recordAudit(tx, {
      actorId: user.id,
      action: active ? "user.reactivate" : "user.deactivate",
      entityType: "User",
      entityId: before.id,
      before: { banned: before.banned, banReason: before.banReason },
      after: { banned: !active, banReason: active ? null : input.reason },
    });
    return done(t);
  });
});

/**
 * Revokes the API tokens a deactivated user made: whoever saw their secrets may have left with them,
 * and reactivating the account must not bring them back (a new token can be made instead).
 */
async function revokeTokensOf(tx: DbClient, userId: string, actorId: string) {
  const tokens = await tx.apiToken.findMany({
    where: { createdById: userId, revokedAt: null },
    select: { id: true, name: true, prefix: true },
  });
  if (tokens.length === 0) return;
  const after = { revokedAt: new Date(), revokedById: actorId };
  await tx.apiToken.updateMany({ where: { id: { in: tokens.map((token) => token.id) } }, data: after });
  for (const token of tokens) {
    await recordAudit(tx, {
      actorId,
      action: "apiToken.revoke",
      entityType: "ApiToken",
      entityId: token.id,
      before: { name: token.name, prefix: token.prefix, revokedAt: null },
      after: { name: token.name, prefix: token.prefix, ...after, reason: "user.deactivate" },
    });
  }
}

// Agencies ----------------------------------------------------------------------------------------

export const createAgency = formAction(agencyCreateInput, { allow: isAdmin }, async ({ input, user, t }) => {
  return unlessDuplicate(["code", "nameZh"], t, () =>
    db.$transaction(async (tx) => {
      const taken = await agencyNamesTaken(tx, input, t);
      if (taken) return taken;
      const agency = await tx.agency.create({ data: input });
      await recordAudit(tx, {
        actorId: user.id,
        action: "agency.create",
        entityType: "Agency",
        entityId: agency.id,
        after: input,
      });
      return done(t);
    }),
  );
});

export const updateAgency = formAction(
  agencyUpdateInput,
  { allow: isAdmin },
  async ({ input: { agencyId, ...input }, user, t }) => {
    return unlessDuplicate(["code", "nameZh"], t, () =>
      db.$transaction(async (tx) => {
        const before = await tx.agency.findUnique({ where: { id: agencyId } });
        if (!before) return { formError: t("notFound") };
        const taken = await agencyNamesTaken(tx, input, t, agencyId);
        if (taken) return taken;
        const after = {
          ...input,
          nameEn: input.nameEn ?? null,
          shortNameZh: input.shortNameZh ?? null,
          shortNameEn: input.shortNameEn ?? null,
        };
        await tx.agency.update({ where: { id: agencyId }, data: after });
        const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
        await recordAudit(tx, {
          actorId: user.id,
          action: "agency.update",
          entityType: "Agency",
          entityId: agencyId,
          before: old,
          after,
        });
        return done(t);
      }),
    );
  },
);

/** Field errors for an agency's code and Chinese name when another agency has them, or null. */
async function agencyNamesTaken(
  tx: DbClient,
  { code, nameZh }: { code: string; nameZh: string },
  t: Translate,
  agencyId?: string,
): Promise<FormState | null> {
  const others = await tx.agency.findMany({
    where: { OR: [{ code }, { nameZh }], ...(agencyId ? { id: { not: agencyId } } : {}) },
    select: { code: true, nameZh: true },
  });
  return takenErrors({ code, nameZh }, others, t);
}

// Themes ------------------------------------------------------------------------------------------

export const createTheme = formAction(themeCreateInput, { allow: isAdmin }, async ({ input, user, t }) => {
  return unlessDuplicate(["code", "nameZh"], t, () =>
    db.$transaction(async (tx) => {
      const taken = await themeNamesTaken(tx, input, t);
      if (taken) return taken;
      const theme = await tx.theme.create({ data: input });
      await recordAudit(tx, {
        actorId: user.id,
        action: "theme.create",
        entityType: "Theme",
        entityId: theme.id,
        after: input,
      });
      return done(t);
    }),
  );
});

export const updateTheme = formAction(
  themeUpdateInput,
  { allow: isAdmin },
  async ({ input: { themeId, ...input }, user, t }) => {
    return unlessDuplicate(["code", "nameZh"], t, () =>
      db.$transaction(async (tx) => {
        const before = await tx.theme.findUnique({ where: { id: themeId } });
        if (!before) return { formError: t("notFound") };
        const taken = await themeNamesTaken(tx, input, t, themeId);
        if (taken) return taken;
        const after = { ...input, nameEn: input.nameEn ?? null };
        await tx.theme.update({ where: { id: themeId }, data: after });
        const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
        await recordAudit(tx, {
          actorId: user.id,
          action: "theme.update",
          entityType: "Theme",
          entityId: themeId,
          before: old,
          after,
        });
        return done(t);
      }),
    );
  },
);

/**
 * Field errors for each of a theme's code, Chinese and English name that another theme has, or null.
 * The English name has no unique index, as it is optional; two themes that read the same in English
 * would still be one too many.
 */
async function themeNamesTaken(
  tx: DbClient,
  { code, nameZh, nameEn }: { code: string; nameZh: string; nameEn?: string },
  t: Translate,
  themeId?: string,
): Promise<FormState | null> {
  const others = await tx.theme.findMany({
    where: {
      OR: [{ code }, { nameZh }, ...(nameEn ? [{ nameEn }] : [])],
      ...(themeId ? { id: { not: themeId } } : {}),
    },
    select: { code: true, nameZh: true, nameEn: true },
  });
  return takenErrors({ code, nameZh, nameEn }, others, t);
}

/** Field errors for each of the given values that one of `others` has too, or null when none does. */
function takenErrors(
  values: Partial<Record<UniqueField, string>>,
  others: readonly Partial<Record<UniqueField, string | null>>[],
  t: Translate,
): FormState | null {
  const fields = (Object.keys(values) as UniqueField[]).filter(
    (field) => values[field] && others.some((other) => other[field] === values[field]),
  );
  if (fields.length === 0) return null;
  return { fieldErrors: Object.fromEntries(fields.map((field) => [field, [t(TAKEN[field])]])) };
}

// Feedback scale ----------------------------------------------------------------------------------

export const createSatisfactionLevel = formAction(
  levelCreateInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    return unlessDuplicate(["key"], t, () =>
      db.$transaction(async (tx) => {
        const level = await tx.satisfactionLevel.create({ data: input });
        await recordAudit(tx, {
          actorId: user.id,
          action: "satisfactionLevel.create",
          entityType: "SatisfactionLevel",
          entityId: level.id,
          after: input,
        });
        return done(t);
      }),
    );
  },
);

export const updateSatisfactionLevel = formAction(
  levelUpdateInput,
  { allow: isAdmin },
  async ({ input: { levelId, ...input }, user, t }) => {
    return db.$transaction(async (tx) => {
      const before = await tx.satisfactionLevel.findUnique({ where: { id: levelId } });
      if (!before) return { formError: t("notFound") };
      const after = { ...input, labelEn: input.labelEn ?? null };
      await tx.satisfactionLevel.update({ where: { id: levelId }, data: after });
      const { id: _id, createdAt: _c, updatedAt: _u, ...old } = before;
      await recordAudit(tx, {
        actorId: user.id,
        action: "satisfactionLevel.update",
        entityType: "SatisfactionLevel",
        entityId: levelId,
        before: old,
        after,
      });
      return done(t);
    });
  },
);
