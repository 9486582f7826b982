import "server-only";
// What every cycle action shares: its per-item rule (is the person a party the machine names?), the
// one transaction it writes in, and the refusals that undo that transaction and answer the form.
import { getTranslations } from "next-intl/server";
import type { Access } from "@/lib/auth/item-access";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import { revalidateApp } from "@/lib/revalidate";
import { FormRefused, type FormState } from "@/lib/validation/form-action";
import { isPartyTo, type Step } from "./machine";
import { loadStepItem, type StepResult } from "./take-step";

/**
 * The per-item rule of a step's action: whether the person is one of the parties the machine lets
 * take one of `steps` on this item (its stage is checked by the step itself, so the refusal can say why).
 */
export function stepAccess(...steps: Step[]) {
  return async (user: CurrentUser, input: { recommendationId: string }): Promise<Access> => {
    const item = await loadStepItem(db, input.recommendationId);
    if (!item) return "notFound";
    return steps.some((step) => isPartyTo(step, user, item.agencies)) ? "allowed" : "forbidden";
  };
}

/**
 * Runs `write` in one transaction; a FormRefused thrown inside (or an error `answer` knows) undoes all
 * of it and answers the form.
 */
export async function inTransaction(
  write: (tx: DbClient) => Promise<FormState>,
  answer: (error: unknown) => Promise<FormState | null> = async () => null,
): Promise<FormState> {
  try {
    const state = await db.$transaction((tx) => write(tx));
    revalidateApp();
    return state;
  } catch (error) {
    if (error instanceof FormRefused) return error.state;
    const state = await answer(error);
    if (state) return state;
    throw error;
  }
}

/** Goes on when the step was taken; else undoes the transaction and says why (cycle.refused.*). */
export async function stepTaken(result: StepResult): Promise<void> {
  if (result.ok) return;
  const t = await getTranslations("cycle.refused");
  throw new FormRefused({ formError: t(result.reason) });
}
