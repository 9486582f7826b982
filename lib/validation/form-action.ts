import "server-only";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { Access } from "@/lib/auth/item-access";
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
 * Who may call an action. Every action states one, checked before its handler runs:
 * - `allow`: a right of the user alone (e.g. isAdmin);
 * - `allowOn`: a right on the item the input names, which it loads (lib/auth/item-access.ts); an item
 *   that does not exist (or is archived) is "not found", one the user may not change "forbidden".
 * `refusal` is the message key (of any namespace) shown to a user refused; by default validation.forbidden.
 */
export type ActionRule<I> =
  | { allow: (user: CurrentUser) => boolean; refusal?: string }
  | { allowOn: (user: CurrentUser, input: I) => Promise<Access>; refusal?: string };

export type ActionContext<I> = {
  input: I;
  user: CurrentUser;
  /** The "validation" messages. */
  t: Translate;
  form: FormData;
};

type Options = {
  /** Fields that repeat (checkbox groups): parsed as arrays. */
  arrays?: readonly string[];
  /** The "databaseBusy" message when the database was too busy to take the write; by default "form". */
  busy?: string;
};

// The actions made here: the authorization test checks that every server action is one of them.
const declared = new WeakSet<object>();

/**
 * A form's server action: requires a signed-in user, refuses control characters, parses the form with
 * `schema` (messages are keys of "validation", or "namespace.key"), checks `rule`, then hands over to `handler`, which
 * writes and audits. Every refusal comes back translated and writes nothing. A handler may answer more
 * than a FormState (R), e.g. a secret shown once. When the database is too busy to take the write, the
 * form is told to try again and keeps its input (lib/db/busy.ts).
 */
export function formAction<S extends z.ZodType, R extends FormState = FormState>(
  schema: S,
  rule: ActionRule<z.infer<S>>,
  handler: (context: ActionContext<z.infer<S>>) => Promise<R>,
  options: Options = {},
) {
  const run = async (form: FormData): Promise<R | FormState> => {
    const t = await getTranslations("validation");
    const user = await getCurrentUser();
    if (!user) return { formError: t("signedOut") };
    const refused = controlCharacterErrors(form, t);
    if (refused) return { fieldErrors: refused };
    const parsed = schema.safeParse(formValues(form, options.arrays));
    if (!parsed.success) {
      // A feature's own messages name their namespace ("webhooks.urlHttps"); the rest are "validation"'s.
      const all = await getTranslations();
      return { fieldErrors: fieldErrorsOf(parsed.error, (key) => (key.includes(".") ? all(key) : t(key))) };
    }
    const access =
      "allowOn" in rule ? await rule.allowOn(user, parsed.data) : rule.allow(user) ? "allowed" : "forbidden";
    if (access === "notFound") return { formError: t("notFound") };
    if (access === "forbidden")
      return { formError: (await getTranslations())(rule.refusal ?? "validation.forbidden") };
    return handler({ input: parsed.data, user, t, form });
  };
  const action = (_previous: R | FormState, form: FormData) =>
    unlessBusy(
      () => run(form),
      () => busyFormState(options.busy),
    );
  declared.add(action);
  return action;
}

/** Thrown inside a write's transaction to undo all of it and answer the form with `state`. */
export class FormRefused extends Error {
  constructor(readonly state: FormState) {
    super("refused");
  }
}

/** Whether `action` was made by formAction, and so checks a rule. */
export function isFormAction(action: unknown): boolean {
  return typeof action === "function" && declared.has(action);
}

/**
 * A form's answer when the database was too busy to take its write: nothing was saved, and the form
 * (which keeps its input on any answer but a redirect) asks to try again.
 */
export async function busyFormState(message = "form"): Promise<FormState> {
  const t = await getTranslations("databaseBusy");
  return { formError: t(message) };
}
