// The forms of the requests to the office: 延期 (a later reply deadline) and 退回/改办 (hand an item back),
// each asked by an agency and decided by the office. Error messages are keys of "validation", or
// "cycleRequests.*".
import { z } from "zod";
import { isoDate, optionalText, requiredText } from "@/lib/validation/fields";

const item = {
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
};

/** An optional id (an agency chosen from a list): empty means none. */
const optionalId = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().min(1).max(100, { error: "invalid" }).optional(),
);

const decision = {
  requestId: z.string().min(1, { error: "invalid" }).max(100, { error: "invalid" }),
  decision: z.enum(["approved", "rejected"], { error: "invalid" }),
  reason: optionalText(5000),
};

/** A rejection says why; an approval may. */
const reasonWhenRejected = <T extends { decision: string; reason?: string }>(input: T) =>
  input.decision === "approved" || input.reason !== undefined;
const REASON_REQUIRED = { error: "cycleRequests.reasonRequired", path: ["reason"] };

export const requestExtensionInput = z.object({
  ...item,
  requestedDueAt: isoDate,
  reason: requiredText(5000),
});

export const decideExtensionInput = z
  .object({ ...item, ...decision })
  .refine(reasonWhenRejected, REASON_REQUIRED);

export const requestHandbackInput = z.object({
  ...item,
  reason: requiredText(5000),
  suggestedAgencyId: optionalId,
});

/**
 * The office's decision on a hand-back: approving the lead's names the new lead (`agencyId`, by default
 * the agency suggested); approving a co-handler's removes it, replaced by `agencyId` when one is given.
 */
export const decideHandbackInput = z
  .object({ ...item, ...decision, agencyId: optionalId })
  .refine(reasonWhenRejected, REASON_REQUIRED);
