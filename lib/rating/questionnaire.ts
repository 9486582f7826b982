// The feedback questionnaire (评价问卷) as a rating reads it: its active questions in order, and the
// check of a rating's answers against them. The satisfaction scale is its summary question.
import type { DbClient } from "@/lib/db/client";
import type { RatingQuestionKind } from "@/lib/db/enums";
import { MAX_TEXT_ANSWER, type ScaleOption } from "./schema";

export type Question = {
  id: string;
  kind: RatingQuestionKind;
  textZh: string;
  textEn: string | null;
  options: ScaleOption[];
  required: boolean;
};

/** A stored question's options, whatever the JSON holds: only well-formed options are kept. */
export function optionsOf(value: unknown): ScaleOption[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((option) =>
    option && typeof option === "object" && typeof (option as { zh?: unknown }).zh === "string"
      ? [
          {
            zh: (option as { zh: string }).zh,
            en: typeof (option as { en?: unknown }).en === "string" ? (option as { en: string }).en : null,
          },
        ]
      : [],
  );
}

const QUESTION_SELECT = {
  id: true,
  kind: true,
  textZh: true,
  textEn: true,
  options: true,
  required: true,
} as const;

/** The questions a rating asks now: the active ones, in their order. */
export async function activeQuestions(db: DbClient): Promise<Question[]> {
  const rows = await db.ratingQuestion.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: QUESTION_SELECT,
  });
  return rows.map((row) => ({ ...row, options: optionsOf(row.options) }));
}

/** The form field of a question's answer. */
export const answerField = (questionId: string) => `q_${questionId}`;

/**
 * The answers a form gives to `questions` (value per question id), or the field errors (keys of the
 * rating.errors messages): a required question unanswered, an answer not one of its choices, a text
 * too long. Fields that name no active question are ignored.
 */
export function readAnswers(
  questions: readonly Question[],
  form: FormData,
): { answers: Map<string, string> } | { errors: Record<string, string[]> } {
  const answers = new Map<string, string>();
  const errors: Record<string, string[]> = {};
  for (const question of questions) {
    const field = answerField(question.id);
    const raw = form.get(field);
    const value = typeof raw === "string" ? raw.trim() : "";
    if (value === "") {
      if (question.required) errors[field] = ["required"];
      continue;
    }
    const valid =
      question.kind === "yes_no"
        ? value === "yes" || value === "no"
        : question.kind === "scale"
          ? /^\d+$/.test(value) && Number(value) < question.options.length
          : value.length <= MAX_TEXT_ANSWER;
    if (!valid) errors[field] = [question.kind === "text" ? "tooLong" : "invalid"];
    else answers.set(question.id, value);
  }
  return Object.keys(errors).length > 0 ? { errors } : { answers };
}
