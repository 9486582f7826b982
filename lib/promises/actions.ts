"use server";
// 从答复中提取的承诺: the actions the reviewer kept from the promises of a reply, created together through
// the one path that adds an action (lib/measures/create.ts), each keeping its sentence of the reply.
import { getTranslations } from "next-intl/server";
import { recommendationAccess } from "@/lib/auth/item-access";
import { db } from "@/lib/db";
import { insertMeasure } from "@/lib/measures/create";
import { revalidateApp } from "@/lib/revalidate";
import { FormRefused, type FormState, formAction } from "@/lib/validation/form-action";
import { splitSentences } from "./extract";
import { promisedMeasuresInput } from "./schema";

/** Creates the ticked promises as actions, all or none; whoever may add actions to the recommendation. */
export const createPromisedMeasures = formAction(
  promisedMeasuresInput,
  // The rule of createMeasure: the recommendation's handlers (canEditRecommendation).
  { allowOn: (user, input) => recommendationAccess(db, user, input.recommendationId) },
  async ({ input, user, t }) => {
    const tPromises = await getTranslations("promises");
    try {
      const created = await db.$transaction(async (tx) => {
        const rec = await tx.recommendation.findUnique({
          where: { id: input.recommendationId },
          select: {
            code: true,
            reply: { select: { round: true, text: true } },
            actions: { select: { code: true } },
          },
        });
        if (!rec) throw new FormRefused({ formError: t("notFound") });
        // The sentences must be the current draft's: a review of an older round is redone.
        const sentences = new Set(splitSentences(rec.reply?.text ?? "").map((s) => s.text));
        if (
          !rec.reply ||
          rec.reply.round !== input.round ||
          input.items.some((i) => !sentences.has(i.sentence))
        )
          throw new FormRefused({ formError: tPromises("stale") });
        const taken = new Set(rec.actions.map((a) => a.code));
        let next = rec.actions.length + 1;
        const codes: string[] = [];
        for (const [index, item] of input.items.entries()) {
          while (taken.has(`${rec.code}.${next}`)) next++;
          const code = `${rec.code}.${next}`;
          taken.add(code);
          const made = await insertMeasure(
            tx,
            user,
            t,
            {
              recommendationId: input.recommendationId,
              code,
              titleZh: item.titleZh,
              leadAgencyId: item.leadAgencyId,
              coAgencyIds: [],
              dueDate: item.dueDate,
              weight: 1,
            },
            { source: item.sentence, round: input.round },
          );
          if (!("id" in made)) {
            // A row's refusal names its row: "items.2.leadAgencyId".
            const fieldErrors = Object.fromEntries(
              Object.entries(made.fieldErrors ?? {}).map(([field, errors]) => [
                `items.${index}.${field}`,
                errors,
              ]),
            );
            throw new FormRefused({ ...made, fieldErrors });
          }
          codes.push(made.code);
        }
        return codes;
      });
      revalidateApp();
      return { notice: tPromises("created", { count: created.length }) } satisfies FormState;
    } catch (error) {
      if (error instanceof FormRefused) return error.state;
      throw error;
    }
  },
);
