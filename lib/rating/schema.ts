import { z } from "zod";
import { RatingQuestionKind } from "@/lib/db/enums";
import { checkbox, optionalText, requiredText } from "@/lib/validation/fields";

/** At most this many options on a scale question, and this long an answer in free text. */
export const MAX_SCALE_OPTIONS = 7;
export const MAX_TEXT_ANSWER = 2000;

/** A scale question's options as the admin types them: one a line, "中文 | English" (English optional). */
export const scaleOptions = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => {
        const [zh = "", ...rest] = line.split("|");
        const en = rest.join("|").trim();
        return { zh: zh.trim(), en: en.length > 0 ? en : null };
      }),
  );

export type ScaleOption = { zh: string; en: string | null };

const questionFields = {
  kind: z.enum(RatingQuestionKind, { error: "invalid" }),
  textZh: requiredText(200),
  textEn: optionalText(200),
  options: scaleOptions,
  sortOrder: z.coerce
    .number({ error: "invalid" })
    .int({ error: "invalid" })
    .min(0, { error: "invalid" })
    .max(999, {
      error: "invalid",
    }),
  required: checkbox,
};

/** A scale has 2 to MAX_SCALE_OPTIONS options, each with its Chinese label; other kinds have none. */
function checkOptions(input: { kind: RatingQuestionKind; options: ScaleOption[] }, ctx: z.RefinementCtx) {
  if (input.kind === "scale") {
    if (input.options.length < 2 || input.options.length > MAX_SCALE_OPTIONS)
      ctx.addIssue({ code: "custom", path: ["options"], message: "rating.errors.optionsCount" });
    else if (
      input.options.some(
        (option) => option.zh.length === 0 || option.zh.length > 50 || (option.en?.length ?? 0) > 50,
      )
    )
      ctx.addIssue({ code: "custom", path: ["options"], message: "rating.errors.optionsInvalid" });
  } else if (input.options.length > 0)
    ctx.addIssue({ code: "custom", path: ["options"], message: "rating.errors.optionsOnlyScale" });
}

export const questionCreateInput = z.object(questionFields).superRefine(checkOptions);

/** Editing a question (only one not yet answered), or retiring / bringing back one (any). */
export const questionUpdateInput = z
  .object({ questionId: z.string().min(1, { error: "invalid" }), ...questionFields, active: checkbox })
  .superRefine(checkOptions);

/** Retiring a question or bringing it back: what may change once a question is answered. */
export const questionActiveInput = z.object({
  questionId: z.string().min(1, { error: "invalid" }),
  active: z.enum(["true", "false"], { error: "invalid" }),
});

/**
 * A rating of a reply round: the summary answer (a satisfaction level), and each question's answer
 * as the field `q_<questionId>` (checked against the questionnaire by the action). A rating recorded on
 * the deputy's behalf (代录) gives its reason.
 */
export const rateInput = z.object({
  recommendationId: z.string().min(1, { error: "invalid" }),
  version: z.coerce.number({ error: "invalid" }).int().min(1, { error: "invalid" }),
  /** Required: checked by the action with the questions' answers, so that the form shows every gap at once. */
  satisfaction: optionalText(50),
  proxyReason: optionalText(200),
});

export type RateInput = z.infer<typeof rateInput>;
