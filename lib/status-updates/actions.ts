"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { itemAccess } from "@/lib/auth/item-access";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { type FieldErrors, fieldErrorsFromKeys } from "@/lib/validation/form";
import { formAction } from "@/lib/validation/form-action";
import { type CurrentState, recordStatusUpdate } from "./record";
import { statusUpdateInput } from "./schema";

export type StatusFormState = {
  formError?: string;
  fieldErrors?: FieldErrors;
  /** Someone else changed the item: its state now; the form keeps the user's input. */
  conflict?: CurrentState;
};

/** The page to return to, told that the update waits for review rather than that it was saved. */
function submittedForReview(path: string): string {
  const url = new URL(path, "http://app.invalid");
  url.searchParams.set("saved", "review");
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The status form's action: records the update, then returns to the item's page (`returnTo`, a path
 * inside the app). The right is checked again inside the write's transaction (lib/status-updates/record.ts).
 */
export const submitStatusUpdate = formAction(
  statusUpdateInput,
  {
    allowOn: (user, input) =>
      itemAccess(
        db,
        user,
        input.itemType === "action"
          ? { actionId: input.itemId, recommendationId: null }
          : { recommendationId: input.itemId, actionId: null },
      ),
  },
  async ({ input, user, t, form }): Promise<StatusFormState> => {
    const result = await recordStatusUpdate(db, user, input, { source: "form" });
    switch (result.kind) {
      case "forbidden":
        return { formError: t("forbidden") };
      case "notFound":
        return { formError: t("notFound") };
      case "conflict":
        return { conflict: result.current, formError: t("conflict") };
      case "invalid":
        return { fieldErrors: fieldErrorsFromKeys(result.errors, t) };
      case "pendingExists":
        return { formError: (await getTranslations("updateReview"))("pendingExists") };
      case "recorded":
        revalidateApp();
        return redirect(safeNextPath(form.get("returnTo"), "/"));
      // Kept for the agency's reviewer (lib/update-review): the item's page says so instead of "saved".
      case "proposed":
        revalidateApp();
        return redirect(submittedForReview(safeNextPath(form.get("returnTo"), "/")));
    }
  },
  { arrays: ["evidenceIds"] },
);
