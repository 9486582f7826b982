"use server";

// The link checks' writes, admins only and audited: "check again now" (the link is made due at once;
// the background loop checks it within a minute, not this request) and the hosts allowed on private
// addresses.
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { allowedHostsInput, recheckLinkInput } from "./schema";
import { ALLOWED_HOSTS_SETTING, loadAllowedHosts } from "./settings";

export const recheckLink = formAction(recheckLinkInput, { allow: isAdmin }, async ({ input, user, t }) => {
  const tLinks = await getTranslations("linkChecks");
  const answer = await db.$transaction(async (tx): Promise<FormState> => {
    const before = await tx.linkCheck.findUnique({
      where: { id: input.linkCheckId },
      select: { id: true, evidenceId: true, url: true, dueAt: true },
    });
    if (!before) return { formError: t("notFound") };
    const dueAt = new Date();
    await tx.linkCheck.update({ where: { id: before.id }, data: { dueAt } });
    await recordAudit(tx, {
      actorId: user.id,
      action: "linkCheck.recheck",
      // An evidence link is named by its evidence in the audit log.
      entityType: before.evidenceId ? "Evidence" : "LinkCheck",
      entityId: before.evidenceId ?? before.id,
      before: { url: before.url, dueAt: before.dueAt },
      after: { url: before.url, dueAt },
    });
    return { notice: tLinks("recheckQueued") };
  });
  if (answer.notice) revalidateApp();
  return answer;
});

export const saveAllowedHosts = formAction(allowedHostsInput, { allow: isAdmin }, async ({ input, user }) => {
  const tLinks = await getTranslations("linkChecks");
  await db.$transaction(async (tx) => {
    const before = await loadAllowedHosts(tx);
    await tx.appSetting.upsert({
      where: { key: ALLOWED_HOSTS_SETTING },
      create: { key: ALLOWED_HOSTS_SETTING, value: input.hosts },
      update: { value: input.hosts },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "linkCheckHosts.update",
      entityType: "AppSetting",
      entityId: ALLOWED_HOSTS_SETTING,
      before: { hosts: before },
      after: { hosts: input.hosts },
    });
  });
  revalidateApp();
  return { notice: tLinks("hostsSaved") };
});
