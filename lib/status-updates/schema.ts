import { z } from "zod";
import { ItemStatus } from "@/lib/db/enums";
import { evidenceTitle, evidenceUrl, optionalEvidenceKind } from "@/lib/evidence/schema";
import { checkbox, isoDate } from "@/lib/validation/fields";

/** Moving into one of these needs a comment saying why (or, for completed, how). */
export const STATUSES_NEEDING_COMMENT: readonly ItemStatus[] = ["stalled", "not_adopted", "completed"];

/** The progress a status proposes in the form; the user may change it. */
export const DEFAULT_PROGRESS: Partial<Record<ItemStatus, number>> = { not_started: 0, completed: 100 };

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

// What an update says besides the item's state: its comment and a new link. The import checks each
// row's with these too (lib/import/plan.ts).
const comment = z.preprocess(emptyToUndefined, z.string().trim().max(2000, { error: "tooLong" }).optional());
const newEvidence = {
  newEvidenceUrl: z.preprocess(emptyToUndefined, evidenceUrl.optional()),
  newEvidenceTitle: z.preprocess(emptyToUndefined, evidenceTitle.optional()),
  newEvidenceKind: optionalEvidenceKind,
  /** Whether the new link may be shown on the public page (the evidence form's choice); not unless said. */
  newEvidencePublic: checkbox.optional(),
};

/** A new link needs both its address and its title, and a kind. */
function newEvidenceComplete(
  input: { newEvidenceUrl?: string; newEvidenceTitle?: string; newEvidenceKind?: unknown },
  ctx: z.RefinementCtx,
) {
  if (input.newEvidenceUrl && !input.newEvidenceTitle) {
    ctx.addIssue({ code: "custom", path: ["newEvidenceTitle"], message: "required" });
  }
  if (input.newEvidenceUrl && !input.newEvidenceKind) {
    ctx.addIssue({ code: "custom", path: ["newEvidenceKind"], message: "kindRequired" });
  }
  if (!input.newEvidenceUrl && input.newEvidenceTitle) {
    ctx.addIssue({ code: "custom", path: ["newEvidenceUrl"], message: "required" });
  }
}

/** The comment and new link of an update, by the form's rules. Messages are keys of the "validation" messages. */
export const statusUpdateNote = z.object({ comment, ...newEvidence }).superRefine(newEvidenceComplete);

/** What the status form sends. Messages are keys of the "validation" messages. */
export const statusUpdateInput = z
  .object({
    itemType: z.enum(["recommendation", "action"], { error: "invalid" }),
    itemId: z.string().min(1, { error: "invalid" }),
    version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
    status: z.enum(ItemStatus, { error: "statusInvalid" }),
    // Absent for a recommendation whose progress is rolled up from its actions.
    progress: z.preprocess(
      emptyToUndefined,
      z.coerce
        .number({ error: "progressInvalid" })
        .int({ error: "progressInvalid" })
        .min(0, { error: "progressRange" })
        .max(100, { error: "progressRange" })
        .optional(),
    ),
    effectiveDate: isoDate,
    comment,
    evidenceIds: z.array(z.string().min(1)).max(50, { error: "tooMany" }).default([]),
    ...newEvidence,
  })
  .superRefine(newEvidenceComplete);

export type StatusUpdateInput = z.infer<typeof statusUpdateInput>;
