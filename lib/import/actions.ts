"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { canImport } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { revalidateApp } from "@/lib/revalidate";
import { formAction } from "@/lib/validation/form-action";
import { applyImport } from "./apply";

/**
 * The preview's "apply" button: the dry run again, then every row in one transaction. A batch is
 * applied only by the person who uploaded it; anyone else's is not found.
 */
export const applyImportBatch = formAction(
  z.object({ batchId: z.string() }),
  { allow: canImport, refusal: "import.result.forbidden" },
  async ({ input, user }) => {
    const t = await getTranslations("import");
    const result = await applyImport(db, user, input.batchId);
    switch (result.kind) {
      case "applied":
        revalidateApp();
        return {};
      case "failed":
        return {
          formError: t("result.failed", {
            where: t("sheetRow", { sheet: result.row.sheet ?? "CSV", row: result.row.row }),
            label: result.row.label,
          }),
        };
      default:
        revalidateApp();
        return { formError: t(`result.${result.kind}`) };
    }
  },
  // All or nothing: a database too busy to take it in time has written none of it.
  { busy: "importApply" },
);
