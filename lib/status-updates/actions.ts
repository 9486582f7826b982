"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import { controlCharacterErrors, type FieldErrors, fieldErrorsOf, formValues } from "@/lib/validation/form";
import { busyFormState } from "@/lib/validation/form-action";
import { type CurrentState, recordStatusUpdate } from "./record";
import { statusUpdateInput } from "./schema";

export type StatusFormState = {
  formError?: string;
  fieldErrors?: FieldErrors;
  /** Someone else changed the item: its state now; the form keeps the user's input. */
  conflict?: CurrentState;
};

/**
 * The status form's action: validates on the server, checks the signed-in user's right, records,
 * then returns to the item's page (`returnTo`, a path inside the app). A database too busy to take
 * the update in time asks the user to try again; the form keeps the input.
 */
export async function submitStatusUpdate(
  _previous: StatusFormState,
  form: FormData,
): Promise<StatusFormState> {
  return unlessBusy(() => recordFromForm(form), busyFormState);
}

async function recordFromForm(form: FormData): Promise<StatusFormState> {
  const t = await getTranslations("validation");
  const refused = controlCharacterErrors(form, t);
  if (refused) return { fieldErrors: refused };
  const parsed = statusUpdateInput.safeParse(formValues(form, ["evidenceIds"]));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error, t) };

  const user = await getCurrentUser();
  if (!user) return { formError: t("signedOut") };
  const result = await recordStatusUpdate(db, user, parsed.data, { source: "form" });
  switch (result.kind) {
    case "forbidden":
      return { formError: t("forbidden") };
    case "notFound":
      return { formError: t("notFound") };
    case "conflict":
      return { conflict: result.current, formError: t("conflict") };
    case "invalid":
      return {
        fieldErrors: Object.fromEntries(
          Object.entries(result.errors).map(([field, keys]) => [field, keys.map((key) => t(key))]),
        ),
      };
    case "recorded":
      revalidatePath("/[locale]", "layout");
      redirect(safeNextPath(form.get("returnTo"), "/"));
  }
}
