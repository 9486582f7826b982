import { z } from "zod";
import { optionalDate, optionalText } from "@/lib/validation/fields";

/** An action's own fields, as the create and edit forms send them. */
export const actionFields = z
  .object({
    code: z
      .string()
      .trim()
      .min(1, { error: "required" })
      .max(20, { error: "tooLong" })
      .regex(/^[\p{L}\p{N}._-]+$/u, { error: "codeInvalid" }),
    titleZh: z.string().trim().min(1, { error: "required" }).max(300, { error: "tooLong" }),
    titleEn: optionalText(300),
    descriptionZh: optionalText(2000),
    leadAgencyId: z.string().min(1, { error: "required" }),
    coAgencyIds: z.array(z.string().min(1)).max(20, { error: "tooMany" }).default([]),
    startDate: optionalDate,
    dueDate: optionalDate,
    // Weights are relative; a weight of 0 would silently drop an action from its recommendation's progress.
    weight: z.coerce
      .number({ error: "weightInvalid" })
      .gt(0, { error: "weightInvalid" })
      .max(100, { error: "weightInvalid" }),
  })
  .superRefine((input, ctx) => {
    if (input.startDate && input.dueDate && input.dueDate < input.startDate) {
      ctx.addIssue({ code: "custom", path: ["dueDate"], message: "dueBeforeStart" });
    }
    if (input.coAgencyIds.includes(input.leadAgencyId)) {
      ctx.addIssue({ code: "custom", path: ["coAgencyIds"], message: "leadAlsoCoHandler" });
    }
  });

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
