// A piece of evidence that comes with its file (a scanned reply letter, signed minutes), through the
// upload route POST /api/files (owner "new-evidence:<recommendation|action>:<id>"), which streams the
// file: a server action would read the whole body into memory. The fields are checked as the evidence
// form's server action checks them (the same schema, the same rule) before a byte is stored, and the
// piece, its file and their audit events are written in one transaction after the file is whole: no
// piece is ever without both a link and a file, however the upload ends.
import { createTranslator } from "next-intl";
import { itemAccess } from "@/lib/auth/item-access";
import type { CurrentUser } from "@/lib/auth/session";
import type { DbClient } from "@/lib/db/client";
import { recordStoredFile } from "@/lib/files/attach";
import type { StorageKind } from "@/lib/files/config";
import type { ReceivedFile } from "@/lib/files/upload";
import type { Locale } from "@/lib/i18n/routing";
import { notifyEvidenceChange } from "@/lib/notifications/changes";
import { controlCharacterErrors, type FieldErrors, fieldErrorsOf } from "@/lib/validation/form";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { evidenceCreateInput } from "./schema";
import { evidenceDetailsOf, evidenceTargetOf, newEvidence, writeEvidence } from "./write";

const MESSAGES = { "zh-CN": zh, en } as const;

const OWNER = /^new-evidence:((?:recommendation|action):.{1,100})$/s;

/** The target ("recommendation:<id>" or "action:<id>") an upload's owner "new-evidence:<target>" names. */
export function newEvidenceTarget(owner: string | undefined): string | null {
  return OWNER.exec(owner ?? "")?.[1] ?? null;
}

export type NewFileEvidence = { input: ReturnType<typeof evidenceCreateInput.parse> };

/** Why the fields of a new piece were refused. */
export type NewEvidenceRefusal = "forbidden" | "notFound" | { fieldErrors: FieldErrors };

/**
 * The fields of a new piece of file evidence checked as createEvidence checks its form (control
 * characters, evidenceCreateInput, then who may add evidence to the item), messages in `locale`.
 */
export async function checkNewFileEvidence(
  db: DbClient,
  user: CurrentUser,
  target: string,
  fields: Record<string, string>,
  locale: Locale,
): Promise<{ ok: true; evidence: NewFileEvidence } | { ok: false; refusal: NewEvidenceRefusal }> {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const validation = (key: string) => (key.includes(".") ? t(key as never) : t(`validation.${key}` as never));
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (name !== "owner") form.set(name, value);
  const refused = controlCharacterErrors(form, validation);
  if (refused) return { ok: false, refusal: { fieldErrors: refused } };
  const parsed = evidenceCreateInput.safeParse({ ...fields, target, source: "file" });
  if (!parsed.success)
    return { ok: false, refusal: { fieldErrors: fieldErrorsOf(parsed.error, validation) } };
  // As createEvidence: an item the user may not change, or one gone meanwhile, is refused alike.
  const access = await itemAccess(db, user, evidenceTargetOf(parsed.data.target));
  if (access !== "allowed") return { ok: false, refusal: "forbidden" };
  return { ok: true, evidence: { input: parsed.data } };
}

/**
 * Writes the piece (audited "evidence.create" as every piece is) and its file (audited "file.attach"),
 * inside the caller's transaction `tx`.
 */
export async function writeFileEvidence(
  tx: DbClient,
  user: CurrentUser,
  { input }: NewFileEvidence,
  file: ReceivedFile & { storage: StorageKind },
) {
  const target = evidenceTargetOf(input.target);
  const piece = newEvidence(target, { url: input.url ?? null, ...evidenceDetailsOf(input) });
  await writeEvidence(tx, user.id, [piece], new Date());
  await notifyEvidenceChange(
    tx,
    user.id,
    { id: piece.id, titleZh: piece.fields.titleZh, isInternal: piece.fields.isInternal, ...target },
    { kind: "added" },
  );
  const row = await recordStoredFile(
    tx,
    user.id,
    { kind: "evidence", evidenceId: piece.id },
    file,
    file.storage,
  );
  return { evidence: { id: piece.id }, file: row };
}
