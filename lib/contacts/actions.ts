"use server";
// 沟通记录 (DOMAIN.md "The whole handling cycle", step 4): the handling agencies record each contact
// with the deputy; a correction is a new record superseding the old one (the database keeps every
// version: the *_deputy_contacts_constraints triggers); a deputy of the item's proposal confirms or
// disputes each current record, once. Every write is audited on the item.
import { getTranslations } from "next-intl/server";
import { recordAudit } from "@/lib/audit/record";
import { deputiesOfRecommendation } from "@/lib/auth/deputy-scope";
import { inTransaction } from "@/lib/cycle/step-write";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { notifyNamed } from "@/lib/notifications/changes";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import { contactResponseAccess, contactWriteAccess, mayCorrectContact } from "./rule";
import {
  correctContactInput,
  type RecordContactInput,
  recordContactInput,
  respondContactInput,
} from "./schema";

async function refuse(key: string): Promise<never> {
  const t = await getTranslations("contacts.refused");
  throw new FormRefused({ formError: t(key) });
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

/** One transaction; a second write racing this one (the unique indexes) is refused as stale. */
function inOneTransaction(write: (tx: DbClient) => Promise<string>): Promise<FormState> {
  return inTransaction(
    async (tx) => {
      const key = await write(tx);
      return { notice: (await getTranslations("contacts"))(key) };
    },
    async (error) =>
      isUniqueViolation(error) ? { formError: (await getTranslations("contacts.refused"))("stale") } : null,
  );
}

/** A contact's day may not be after today (Shanghai). */
async function futureDay(input: { contactDate: string }): Promise<FormState | null> {
  if (input.contactDate <= toShanghaiDateString(new Date())) return null;
  const t = await getTranslations("contacts");
  return { fieldErrors: { contactDate: [t("dateFuture")] } };
}

/** Writes one version of a record, its links, and its audit row. */
async function writeContact(
  tx: DbClient,
  input: RecordContactInput,
  user: { id: string; role: string; agencyId: string | null },
  correction: { supersedesId: string; correctionReason: string } | null,
): Promise<string> {
  // Staff record for their agency; the office and admins for none.
  const agencyId = user.role === "staff" ? user.agencyId : null;
  const contact = await tx.deputyContact.create({
    data: {
      recommendationId: input.recommendationId,
      agencyId,
      contactDate: shanghaiDate(input.contactDate),
      method: input.method,
      participants: input.participants,
      summary: input.summary,
      recordedById: user.id,
      supersedesId: correction?.supersedesId ?? null,
      correctionReason: correction?.correctionReason ?? null,
      links: { create: input.links.map((url, index) => ({ position: index + 1, url })) },
    },
    select: { id: true },
  });
  // The proposal's deputies are asked to confirm or dispute it (a correction afresh).
  await notifyNamed(tx, user.id, {
    rule: "contact.recorded",
    id: contact.id,
    recommendationId: input.recommendationId,
    recipientIds: await deputiesOfRecommendation(tx, input.recommendationId),
    payload: { method: input.method, contactDate: input.contactDate },
  });
  await recordAudit(tx, {
    actorId: user.id,
    action: correction ? "contact.correct" : "contact.record",
    entityType: "Recommendation",
    entityId: input.recommendationId,
    after: {
      contactId: contact.id,
      agencyId,
      contactDate: input.contactDate,
      method: input.method,
      participants: input.participants,
      summary: input.summary,
      links: input.links,
      ...(correction ?? {}),
    },
  });
  return contact.id;
}

/** Staff of a handling agency (or the office) record a contact with the deputy. */
export const recordContact = formAction(
  recordContactInput,
  {
    allowOn: (user, input) => contactWriteAccess(db, user, input.recommendationId),
    refusal: "contacts.refused.party",
  },
  async ({ input, user }) =>
    (await futureDay(input)) ??
    inOneTransaction(async (tx) => {
      await writeContact(tx, input, user, null);
      return "recorded";
    }),
);

/** The recorder's agency corrects a current record: a new version superseding it. */
export const correctContact = formAction(
  correctContactInput,
  {
    allowOn: (user, input) => contactWriteAccess(db, user, input.recommendationId),
    refusal: "contacts.refused.party",
  },
  async ({ input, user }) =>
    (await futureDay(input)) ??
    inOneTransaction(async (tx) => {
      const old = await tx.deputyContact.findUnique({
        where: { id: input.contactId },
        select: { recommendationId: true, agencyId: true, supersededBy: { select: { id: true } } },
      });
      if (!old || old.recommendationId !== input.recommendationId) return refuse("notFound");
      if (!mayCorrectContact(user, old.agencyId)) return refuse("notRecorder");
      if (old.supersededBy) return refuse("stale");
      await writeContact(tx, input, user, {
        supersedesId: input.contactId,
        correctionReason: input.correctionReason,
      });
      return "corrected";
    }),
);

/** A deputy of the item's proposal confirms or disputes a current record (once; a dispute says why). */
export const respondToContact = formAction(
  respondContactInput,
  {
    allowOn: (user, input) => contactResponseAccess(db, user, input.recommendationId),
    refusal: "contacts.refused.deputy",
  },
  async ({ input, user }) =>
    inOneTransaction(async (tx) => {
      const contact = await tx.deputyContact.findUnique({
        where: { id: input.contactId },
        select: {
          recommendationId: true,
          recordedById: true,
          supersededBy: { select: { id: true } },
          responses: { where: { userId: user.id }, select: { id: true } },
        },
      });
      if (!contact || contact.recommendationId !== input.recommendationId) return refuse("notFound");
      if (contact.supersededBy) return refuse("stale");
      if (contact.responses.length > 0) return refuse("answered");
      const response = await tx.deputyContactResponse.create({
        data: {
          contactId: input.contactId,
          userId: user.id,
          decision: input.decision,
          comment: input.comment ?? null,
        },
        select: { id: true },
      });
      // A dispute is told to whoever recorded the contact, with the deputy's reason.
      if (input.decision === "disputed")
        await notifyNamed(tx, user.id, {
          rule: "contact.disputed",
          id: response.id,
          recommendationId: input.recommendationId,
          recipientIds: [contact.recordedById],
          payload: { comment: input.comment ?? "" },
        });
      await recordAudit(tx, {
        actorId: user.id,
        action: input.decision === "confirmed" ? "contact.confirm" : "contact.dispute",
        entityType: "Recommendation",
        entityId: input.recommendationId,
        after: { contactId: input.contactId, decision: input.decision, comment: input.comment ?? null },
      });
      return input.decision;
    }),
);
