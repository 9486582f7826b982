import { getTranslations } from "next-intl/server";

/** Shown instead of a form to a signed-in user who may not make this change. */
export async function ForbiddenNotice({ hint }: { hint?: string }) {
  const t = await getTranslations("validation");
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {t("forbidden")}
      {hint ? ` ${hint}` : ""}
    </p>
  );
}
