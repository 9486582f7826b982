import { useLocale, useTranslations } from "next-intl";
import { signOut } from "@/lib/auth/actions";
import type { CurrentUser } from "@/lib/auth/session";
import { agencyShortName } from "@/lib/i18n/localized";

/** Who is signed in (name, role, agency) and the sign-out button. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const t = useTranslations("user");
  const locale = useLocale();
  const agency = user.agency ? agencyShortName(locale, user.agency) : null;
  return (
    <div className="flex items-center justify-between gap-2 px-3 text-sm lg:justify-start lg:px-0">
      <span className="sr-only">{t("signedInAs")}</span>
      <span className="leading-tight lg:text-right" data-testid="current-user">
        <span className="block font-medium text-white">{user.name}</span>
        <span className="block text-xs text-brand-100">
          {t(`role.${user.role}`)}
          {agency ? ` · ${agency}` : ""}
        </span>
      </span>
      <form action={signOut}>
        <button
          type="submit"
          className="rounded-md px-2 py-1.5 text-sm text-brand-100 underline-offset-2 hover:bg-white/10 hover:text-white"
        >
          {t("signOut")}
        </button>
      </form>
    </div>
  );
}
