"use server";

// Group bots: registered, edited, (de)activated and tried by admins; every write audited. The address
// (whose query is the bot's key) and the signing secret are never sent back to a page nor audited:
// the audit keeps the address's host and whether it or the secret changed.
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { isAdmin } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { BotPostError, postBotMessage, testMessage } from "@/lib/notifications/bots";
import { revalidateApp } from "@/lib/revalidate";
import { type FormState, formAction } from "@/lib/validation/form-action";
import { webhookActiveInput, webhookCreateInput, webhookTestInput, webhookUpdateInput } from "./schema";

/** What "send a test message" gets back: the platform's answer, as it gave it. */
export type WebhookTestState = FormState & { answer?: string };

type Stored = {
  name: string;
  platform: string;
  url: string;
  secret: string | null;
  agencyId: string | null;
  active: boolean;
  quietStart: string | null;
  quietEnd: string | null;
};

/** What the audit log keeps of a bot: everything but its address's path and query, and its secret. */
function audited(webhook: Stored) {
  return {
    name: webhook.name,
    platform: webhook.platform,
    agencyId: webhook.agencyId,
    urlHost: hostOf(webhook.url),
    secretSet: Boolean(webhook.secret),
    active: webhook.active,
    quietStart: webhook.quietStart,
    quietEnd: webhook.quietEnd,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "";
  }
}

async function unknownAgency(tx: DbClient, agencyId: string | undefined): Promise<FormState | null> {
  if (!agencyId || (await tx.agency.findUnique({ where: { id: agencyId }, select: { id: true } })))
    return null;
  return { fieldErrors: { agencyId: [(await getTranslations("webhooks"))("agencyUnknown")] } };
}

export const createWebhook = formAction(webhookCreateInput, { allow: isAdmin }, async ({ input, user }) => {
  const t = await getTranslations("webhooks");
  return db.$transaction(async (tx): Promise<FormState> => {
    const refused = await unknownAgency(tx, input.agencyId);
    if (refused) return refused;
    const data: Stored = {
      name: input.name,
      platform: input.platform,
      url: input.url,
      secret: input.secret ?? null,
      agencyId: input.agencyId ?? null,
      active: true,
      quietStart: input.quietStart ?? null,
      quietEnd: input.quietEnd ?? null,
    };
    const created = await tx.webhook.create({
      data: { ...data, createdById: user.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: user.id,
      action: "webhook.create",
      entityType: "Webhook",
      entityId: created.id,
      after: audited(data),
    });
    revalidateApp();
    return { notice: t("created") };
  });
});

/** Saves a bot's settings; an empty address or secret keeps the saved one, "clearSecret" removes it. */
export const updateWebhook = formAction(webhookUpdateInput, { allow: isAdmin }, async ({ input, user }) => {
  const t = await getTranslations("webhooks");
  const tValidation = await getTranslations("validation");
  return db.$transaction(async (tx): Promise<FormState> => {
    const before = await tx.webhook.findUnique({ where: { id: input.webhookId } });
    if (!before) return { formError: tValidation("notFound") };
    const refused = await unknownAgency(tx, input.agencyId);
    if (refused) return refused;
    const after: Stored = {
      name: input.name,
      platform: input.platform,
      url: input.url ?? before.url,
      secret: input.secret ?? (input.clearSecret ? null : before.secret),
      agencyId: input.agencyId ?? null,
      active: before.active,
      quietStart: input.quietStart ?? null,
      quietEnd: input.quietEnd ?? null,
    };
    await tx.webhook.update({ where: { id: before.id }, data: after });
    await recordAudit(tx, {
      actorId: user.id,
      action: "webhook.update",
      entityType: "Webhook",
      entityId: before.id,
      before: audited(before),
      after: {
        ...audited(after),
        urlChanged: after.url !== before.url,
        secretChanged: after.secret !== before.secret,
      },
    });
    revalidateApp();
    return { notice: t("saved") };
  });
});

/** Deactivates a bot (nothing more is queued for it) or activates it again. */
export const setWebhookActive = formAction(
  webhookActiveInput,
  { allow: isAdmin },
  async ({ input, user }) => {
    const t = await getTranslations("webhooks");
    const tValidation = await getTranslations("validation");
    const active = input.active === "true";
    return db.$transaction(async (tx): Promise<FormState> => {
      const before = await tx.webhook.findUnique({ where: { id: input.webhookId } });
      if (!before) return { formError: tValidation("notFound") };
      await tx.webhook.update({ where: { id: before.id }, data: { active } });
      await recordAudit(tx, {
        actorId: user.id,
        action: active ? "webhook.activate" : "webhook.deactivate",
        entityType: "Webhook",
        entityId: before.id,
        before: { name: before.name, active: before.active },
        after: { name: before.name, active },
      });
      revalidateApp();
      return { notice: t(active ? "activated" : "deactivated") };
    });
  },
);

/**
 * Posts a test message now (active or not, so that a bot can be tried before it is switched on) and
 * answers with what the platform said. The attempt is audited with its outcome, gone or not.
 */
export const testWebhook = formAction(
  webhookTestInput,
  { allow: isAdmin },
  async ({ input, user }): Promise<WebhookTestState> => {
    const t = await getTranslations("webhooks");
    const webhook = await db.webhook.findUnique({ where: { id: input.webhookId } });
    if (!webhook) return { formError: (await getTranslations("validation"))("notFound") };
    let outcome: { ok: boolean; error?: string; answer?: string };
    try {
      const answer = await postBotMessage(webhook, testMessage(webhook.name));
      outcome = { ok: true, answer: answer.body };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcome = {
        ok: false,
        error: message,
        answer: error instanceof BotPostError && error.answer ? error.answer.body : undefined,
      };
    }
    await recordAudit(db, {
      actorId: user.id,
      action: "webhook.test",
      entityType: "Webhook",
      entityId: webhook.id,
      after: {
        name: webhook.name,
        platform: webhook.platform,
        ok: outcome.ok,
        error: outcome.error?.slice(0, 300) ?? null,
      },
    });
    const answer = outcome.answer ?? t("noAnswer");
    return outcome.ok
      ? { notice: t("testSent"), answer }
      : { formError: t("testFailed", { error: outcome.error ?? "" }), answer };
  },
);
