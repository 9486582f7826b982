"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { unlessBusy } from "@/lib/db/busy";
import { hasControlCharacters } from "@/lib/validation/fields";
import { applyImport } from "./apply";

export type ApplyState = { message?: string };

/** The preview's "apply" button: the dry run again, then every row in one transaction. */
export async function applyImportBatch(_previous: ApplyState, form: FormData): Promise<ApplyState> {
  const t = await getTranslations("import");
  const user = await getCurrentUser();
  if (!user) return { message: t("error.signedOut") };
  const batchId = String(form.get("batchId") ?? "");
  // No id holds a control character, and PostgreSQL cannot even look one with NUL up.
  if (hasControlCharacters(batchId)) return { message: t("result.notFound") };
  // All or nothing: a database too busy to take it in time has written none of it.
  const result = await unlessBusy(
    () => applyImport(db, user, batchId),
    () => ({ kind: "databaseBusy" }) as const,
  );
  switch (result.kind) {
    case "databaseBusy":
      return { message: (await getTranslations("databaseBusy"))("importApply") };
    case "applied":
      revalidatePath("/[locale]", "layout");
      return {};
    case "failed":
      return {
        message: t("result.failed", {
          where: result.row.sheet
            ? t("sheetRow", { sheet: result.row.sheet, row: result.row.row })
            : t("sheetRow", { sheet: "CSV", row: result.row.row }),
          label: result.row.label,
        }),
      };
    default:
      revalidatePath("/[locale]", "layout");
      return { message: t(`result.${result.kind}`) };
  }
}
