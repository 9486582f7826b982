import { z } from "zod";
import {
  checkScheduleAndAgencies,
  coAgencyIds,
  itemCode,
  itemWeight,
  optionalDate,
  optionalText,
} from "@/lib/validation/fields";

/** An action's own fields, as the create and edit forms send them. */
export const actionFields = z
  .object({
    code: itemCode,
    titleZh: z.string().trim().min(1, { error: "required" }).max(300, { error: "tooLong" }),
    titleEn: optionalText(300),
    descriptionZh: optionalText(2000),
    leadAgencyId: z.string().min(1, { error: "required" }),
    coAgencyIds,
    startDate: optionalDate,
    dueDate: optionalDate,
    weight: itemWeight,
  })
  .superRefine(checkScheduleAndAgencies);

export const actionCreateInput = z.intersection(
  z.object({ recommendationId: z.string().min(1, { error: "invalid" }) }),
  actionFields,
);
export const actionEditInput = z.intersection(
  z.object({
    actionId: z.string().min(1, { error: "invalid" }),
    version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
  }),
  actionFields,
);
export const actionMoveInput = z.object({
  actionId: z.string().min(1, { error: "invalid" }),
  direction: z.enum(["up", "down"], { error: "invalid" }),
});

export type ActionFields = z.infer<typeof actionFields>;
