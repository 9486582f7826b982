"use server";

import { redirect } from "next/navigation";
import type { AuditEntityType } from "@/lib/audit/actions";
import { recordAudit } from "@/lib/audit/record";
import { canReadItem } from "@/lib/auth/deputy-scope";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { liveActions, liveProposals, liveRecommendations } from "@/lib/db/live";
import { revalidateApp } from "@/lib/revalidate";
import { formAction } from "@/lib/validation/form-action";
import { describeNotification } from "./describe";
import { RULE_GROUPS } from "./rules";
import { THRESHOLDS_SETTING } from "./scheduler";
import {
  agencyDefaultsInput,
  followInput,
  markReadInput,
  openNotificationInput,
  preferencesInput,
  thresholdsInput,
} from "./schema";

const signedIn = { allow: () => true };

/** Marks one of the user's notifications read, or all of them. */
export const markNotificationsRead = formAction(markReadInput, signedIn, async ({ input, user, t }) => {
  const where = {
    userId: user.id,
    readAt: null,
    ...("notificationId" in input ? { notificationId: input.notificationId } : {}),
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.notificationRecipient.updateMany({ where, data: { readAt: new Date() } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "notification.read",
      entityType: "User",
      entityId: user.id,
      after: {
        read: count,
        ...("notificationId" in input ? { notificationId: input.notificationId } : { all: true }),
      },
    });
  });
  revalidateApp();
  return { notice: t("saved") };
});

/** Opens one of the user's notifications: marks it read and goes to what it is about. */
export const openNotification = formAction(
  openNotificationInput,
  signedIn,
  async ({ input, user, t, form }) => {
    const entry = await db.notificationRecipient.findUnique({
      where: { notificationId_userId: { notificationId: input.notificationId, userId: user.id } },
      select: { readAt: true, notification: { select: { rule: true, payload: true } } },
    });
    if (!entry) return { formError: t("notFound") };
    if (!entry.readAt)
      await db.$transaction(async (tx) => {
        await tx.notificationRecipient.updateMany({
          where: { notificationId: input.notificationId, userId: user.id, readAt: null },
          data: { readAt: new Date() },
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: "notification.read",
          entityType: "User",
          entityId: user.id,
          after: { read: 1, notificationId: input.notificationId },
        });
      });
    revalidateApp();
    const locale = form.get("locale") === "en" ? "en" : "zh-CN";
    redirect(describeNotification(entry.notification, locale).path);
  },
);

const FOLLOWED_ENTITY: Record<"proposal" | "recommendation" | "action", AuditEntityType> = {
  proposal: "Proposal",
  recommendation: "Recommendation",
  action: "Action",
};

/** Whether the item to follow is there and current (archived is gone). */
async function followable(itemType: "proposal" | "recommendation" | "action", itemId: string) {
  if (itemType === "proposal") return (await db.proposal.count({ where: liveProposals({ id: itemId }) })) > 0;
  if (itemType === "recommendation")
    return (await db.recommendation.count({ where: liveRecommendations({ id: itemId }) })) > 0;
  return (await db.action.count({ where: liveActions({ id: itemId }) })) > 0;
}

/** Follows (follow=1) or stops following (follow=0) a proposal, recommendation or action. */
export const setFollowing = formAction(
  followInput,
  {
    // A deputy follows only what they may read (lib/auth/deputy-scope.ts); another's item is as if gone.
    allowOn: async (user, input) =>
      (await followable(input.itemType, input.itemId)) &&
      (await canReadItem(db, user, input.itemType, input.itemId))
        ? "allowed"
        : "notFound",
  },
  async ({ input, user, t }) => {
    const key = { userId: user.id, itemType: input.itemType, itemId: input.itemId };
    await db.$transaction(async (tx) => {
      let changed: number;
      if (input.follow === "0") changed = (await tx.follow.deleteMany({ where: key })).count;
      else if (await tx.follow.findUnique({ where: { userId_itemType_itemId: key } })) changed = 0;
      else changed = (await tx.follow.create({ data: key })) ? 1 : 0;
      if (changed === 0) return;
      await recordAudit(tx, {
        actorId: user.id,
        action: input.follow === "1" ? "follow.add" : "follow.remove",
        entityType: FOLLOWED_ENTITY[input.itemType],
        entityId: input.itemId,
      });
    });
    revalidateApp();
    return { notice: t(input.follow === "1" ? "followed" : "unfollowed") };
  },
);

type GroupBoxes = Record<string, unknown>;
const choicesOf = (input: GroupBoxes) =>
  RULE_GROUPS.map((group) => ({
    group,
    email: input[`${group}Email`] === true,
    daily: input[`${group}Daily`] === true,
  }));

/** Saves the user's own choices: channels and timing per group, the weekly digest, quiet hours. */
export const saveNotificationPreferences = formAction(
  preferencesInput,
  signedIn,
  async ({ input, user, t }) => {
    const choices = choicesOf(input);
    const settings = {
      weeklyDigest: input.weeklyDigest === true,
      quietStart: (input.quietStart as string | undefined) ?? null,
      quietEnd: (input.quietEnd as string | undefined) ?? null,
    };
    await db.$transaction(async (tx) => {
      for (const choice of choices)
        await tx.notificationPreference.upsert({
          where: { userId_group: { userId: user.id, group: choice.group } },
          create: { userId: user.id, ...choice },
          update: { email: choice.email, daily: choice.daily },
        });
      await tx.notificationSettings.upsert({
        where: { userId: user.id },
        create: { userId: user.id, ...settings },
        update: settings,
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "notificationPreferences.update",
        entityType: "User",
        entityId: user.id,
        after: { choices, ...settings },
      });
    });
    revalidateApp();
    return { notice: t("saved") };
  },
);

/** An agency's defaults for its staff who have not chosen themselves (admins). */
export const saveAgencyNotificationDefaults = formAction(
  agencyDefaultsInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const agencyId = input.agencyId as string;
    if ((await db.agency.count({ where: { id: agencyId } })) === 0) return { formError: t("notFound") };
    const choices = choicesOf(input);
    await db.$transaction(async (tx) => {
      for (const choice of choices)
        await tx.agencyNotificationDefault.upsert({
          where: { agencyId_group: { agencyId, group: choice.group } },
          create: { agencyId, ...choice },
          update: { email: choice.email, daily: choice.daily },
        });
      await recordAudit(tx, {
        actorId: user.id,
        action: "notificationDefaults.update",
        entityType: "Agency",
        entityId: agencyId,
        after: { choices },
      });
    });
    revalidateApp();
    return { notice: t("saved") };
  },
);

/** The days before a deadline on which reminders go (admins). */
export const saveNotificationThresholds = formAction(
  thresholdsInput,
  { allow: isAdmin },
  async ({ input, user, t }) => {
    const value = {
      reply: [...new Set(input.reply)].sort((a, b) => b - a),
      item: [...new Set(input.item)].sort((a, b) => b - a),
    };
    await db.$transaction(async (tx) => {
      const before = await tx.appSetting.findUnique({ where: { key: THRESHOLDS_SETTING } });
      await tx.appSetting.upsert({
        where: { key: THRESHOLDS_SETTING },
        create: { key: THRESHOLDS_SETTING, value },
        update: { value },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "notificationThresholds.update",
        entityType: "AppSetting",
        entityId: THRESHOLDS_SETTING,
        before: before?.value,
        after: value,
      });
    });
    revalidateApp();
    return { notice: t("saved") };
  },
);
