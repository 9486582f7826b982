"use server";

// Administration: users, agencies, themes and the feedback scale. Admins only; every write audited.
import { hashPassword } from "better-auth/crypto";
import { revalidatePath } from "next/cache";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
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

/** Runs a unique-constraint-guarded write; a duplicate becomes a field error instead of a crash. */
async function unlessDuplicate(
  field: string,
  t: Translate,
  write: () => Promise<FormState>,
): Promise<FormState> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { fieldErrors: { [field]: [t("codeTaken")] } };
    throw error;
  }
}

function done(t: Translate): FormState {
  revalidatePath("/[locale]", "layout");
  return { notice: t("saved") };
}

// Users -------------------------------------------------------------------------------------------

export const createUser = formAction(userCreateInput, async (input, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  if (input.agencyId && !(await db.agency.findUnique({ where: { id: input.agencyId } }))) {
    return { fieldErrors: { agencyId: [t("invalid")] } };
  }
  // The authentication library's own password hash, written with the user in one transaction.
  const passwordHash = await hashPassword(input.password);
  return unlessDuplicate("email", t, () =>
    db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, agencyId: input.agencyId ?? null },
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
        after: { email: input.email, name: input.name, role: input.role, agencyId: input.agencyId ?? null },
      });
      return done(t);
    }),
  );
});

export const updateUser = formAction(userUpdateInput, async (input, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  if (input.userId === user.id && input.role !== "admin") return { formError: t("cannotDemoteSelf") };
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId } });
    if (!before) return { formError: t("notFound") };
    // As createUser does: an unknown agency is the form's mistake, not a foreign-key failure (a 500).
    if (input.agencyId && !(await tx.agency.findUnique({ where: { id: input.agencyId } }))) {
      return { fieldErrors: { agencyId: [t("invalid")] } };
    }
    const after = { name: input.name, role: input.role, agencyId: input.agencyId ?? null };
    await tx.user.update({ where: { id: before.id }, data: after });
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.update",
      entityType: "User",
      entityId: before.id,
      before: { name: before.name, role: before.role, agencyId: before.agencyId },
      after,
    });
    return done(t);
  });
});

/** Deactivates (with a reason) or reactivates an account. A deactivated user is signed out at once. */
export const setUserActive = formAction(userActiveInput, async (input, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  if (input.userId === user.id) return { formError: t("cannotDeactivateSelf") };
  const active = input.active === "true";
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId } });
    if (!before) return { formError: t("notFound") };
    await tx.user.update({
      where: { id: before.id },
      data: { banned: !active, banReason: active ? null : (input.reason ?? null) },
    });
    if (!active) await tx.session.deleteMany({ where: { userId: before.id } });
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

// Agencies ----------------------------------------------------------------------------------------

export const createAgency = formAction(agencyCreateInput, async (input, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  return unlessDuplicate("code", t, () =>
    db.$transaction(async (tx) => {
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

export const updateAgency = formAction(agencyUpdateInput, async ({ agencyId, ...input }, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  return unlessDuplicate("code", t, () =>
    db.$transaction(async (tx) => {
      const before = await tx.agency.findUnique({ where: { id: agencyId } });
      if (!before) return { formError: t("notFound") };
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
});

// Themes ------------------------------------------------------------------------------------------

export const createTheme = formAction(themeCreateInput, async (input, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  return unlessDuplicate("code", t, () =>
    db.$transaction(async (tx) => {
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

export const updateTheme = formAction(themeUpdateInput, async ({ themeId, ...input }, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  return unlessDuplicate("code", t, () =>
    db.$transaction(async (tx) => {
      const before = await tx.theme.findUnique({ where: { id: themeId } });
      if (!before) return { formError: t("notFound") };
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
});

// Feedback scale ----------------------------------------------------------------------------------

export const createSatisfactionLevel = formAction(levelCreateInput, async (input, user, t) => {
  if (!isAdmin(user)) return { formError: t("forbidden") };
  return unlessDuplicate("key", t, () =>
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
});

export const updateSatisfactionLevel = formAction(
  levelUpdateInput,
  async ({ levelId, ...input }, user, t) => {
    if (!isAdmin(user)) return { formError: t("forbidden") };
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
