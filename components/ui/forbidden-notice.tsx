import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";

/**
 * Shown instead of a form to a signed-in user who may not make this change, saying why: officials
 * read only; staff change what their agency handles (`staffReason` says more where it helps).
 */
export async function ForbiddenNotice({ staffReason }: { staffReason?: string }) {
  const [t, user] = await Promise.all([getTranslations("validation"), getCurrentUser()]);
  const message = user?.role === "official" ? t("readOnly") : (staffReason ?? t("forbidden"));
  return <Alert>{message}</Alert>;
}
