import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { type CurrentUser, getCurrentUser } from "@/lib/auth/session";
import { unlessBusy } from "@/lib/db/busy";
import { controlCharacterErrors, type FieldErrors, fieldErrorsOf, formValues } from "./form";

/** What a form's server action answers when it does not redirect. */
export type FormState = {
  formError?: string;
  fieldErrors?: FieldErrors;
  /** A short confirmation for forms that stay on the page. */
  notice?: string;
};

type Translate = (key: string) => string;

/**
 * A form's server action: parses the form with `schema` (messages are keys of "validation"),
 * requires a signed-in user, and hands both to `handler`, which checks the user's right, writes
 * and audits. Field errors come back translated; nothing is written on bad input. A handler may
 * answer more than a FormState (R), e.g. a secret shown once. When the database is too busy to take
 * the write, the form is told to try again and keeps its input (lib/db/busy.ts).
 */
export function formAction<S extends z.ZodType, R extends FormState = FormState>(
  schema: S,
  handler: (input: z.infer<S>, user: CurrentUser, t: Translate, form: FormData) => Promise<R>,
  options: { arrays?: readonly string[] } = {},
) {
  const run = async (form: FormData): Promise<R | FormState> => {
    const t = await getTranslations("validation");
    const user = await getCurrentUser();
    if (!user) return { formError: t("signedOut") };
    const refused = controlCharacterErrors(form, t);
    if (refused) return { fieldErrors: refused };
    const parsed = schema.safeParse(formValues(form, options.arrays));
    if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error, t) };
    return handler(parsed.data, user, t, form);
  };
  return (_previous: R | FormState, form: FormData) => unlessBusy(() => run(form), busyFormState);
}

/**
 * A form's answer when the database was too busy to take its write: nothing was saved, and the form
 * (which keeps its input on any answer but a redirect) asks to try again.
 */
export async function busyFormState(): Promise<FormState> {
  const t = await getTranslations("databaseBusy");
  return { formError: t("form") };
}

/** Field errors from keys, translated. */
export function fieldErrorsFromKeys(errors: Record<string, string[]>, t: Translate): FieldErrors {
  return Object.fromEntries(
    Object.entries(errors).map(([field, keys]) => [field, keys.map((key) => t(key))]),
  );
}
