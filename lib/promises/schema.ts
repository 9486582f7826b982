import { z } from "zod";
import { optionalDate, requiredText } from "@/lib/validation/fields";
import { TITLE_MAX } from "./extract";

/** One promise the reviewer ticked: its sentence, and the action's title, due day and lead agency. */
export const promisedMeasure = z.object({
  sentence: requiredText(2000),
  titleZh: requiredText(TITLE_MAX),
  dueDate: optionalDate,
  leadAgencyId: z.string().min(1, { error: "required" }),
});

/** The review list sends its ticked rows as one JSON field ("items"): a row is four fields. */
const jsonList = (value: unknown) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

export const promisedMeasuresInput = z.object({
  recommendationId: z.string().min(1, { error: "invalid" }),
  round: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
  items: z.preprocess(
    jsonList,
    z
      .array(promisedMeasure, { error: "invalid" })
      .min(1, { error: "promises.noneSelected" })
      .max(50, { error: "tooLong" }),
  ),
});

export type PromisedMeasuresInput = z.infer<typeof promisedMeasuresInput>;
