// The forms of 沟通记录: a contact recorded (or corrected) by staff, the deputy's confirmation or
// dispute. Error messages are keys of "validation", or "contacts.*".
import { z } from "zod";
import { ContactMethod, ContactResponseDecision } from "@/lib/db/enums";
import { isoDate, optionalText, requiredText } from "@/lib/validation/fields";

/** The methods in the order the form offers them: 面商, 走访, 电话, 座谈, 其他. */
export const CONTACT_METHODS = Object.values(ContactMethod);

/** At most this many links per record. */
export const MAX_LINKS = 10;
const MAX_URL = 2000;

/** Whether `value` is an http(s) address without credentials. */
export function isWebLink(value: string): boolean {
  if (value.length > MAX_URL) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Links, one per line (blank lines ignored): each http(s), no more than MAX_LINKS. */
export const contactLinks = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .refine((links) => links.length <= MAX_LINKS, { error: "contacts.tooManyLinks" })
  .refine((links) => links.every(isWebLink), { error: "contacts.linkInvalid" });

const fields = {
  recommendationId: z.string().min(1, { error: "invalid" }),
  /** "YYYY-MM-DD" (Shanghai), not after today: checked by the action. */
  contactDate: isoDate,
  method: z.enum(ContactMethod, { error: "contacts.methodRequired" }),
  participants: requiredText(500),
  summary: requiredText(5000),
  links: contactLinks,
};

export const recordContactInput = z.object(fields);

/** A correction: a new version of `contactId`, with why. */
export const correctContactInput = z.object({
  ...fields,
  contactId: z.string().min(1, { error: "invalid" }),
  correctionReason: requiredText(1000),
});

/** The deputy's answer; a dispute needs a comment. */
export const respondContactInput = z
  .object({
    recommendationId: z.string().min(1, { error: "invalid" }),
    contactId: z.string().min(1, { error: "invalid" }),
    decision: z.enum(ContactResponseDecision, { error: "invalid" }),
    comment: optionalText(2000),
  })
  .refine((input) => input.decision !== "disputed" || input.comment !== undefined, {
    error: "contacts.disputeNeedsComment",
    path: ["comment"],
  });

export type RecordContactInput = z.infer<typeof recordContactInput>;
