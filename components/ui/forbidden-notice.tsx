import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * Shown instead of a form to a signed-in user who may not make this change, saying why: officials
 * read only; staff change what their agency handles (`staffReason` says more where it helps).
 */
export async function ForbiddenNotice({ staffReason }: { staffReason?: string }) {
  const [t, user] = await Promise.all([getTranslations("validation"), getCurrentUser()]);
  const message = user?.role === "official" ? t("readOnly") : (staffReason ?? t("forbidden"));
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
      {message}
    </p>
  );
}
