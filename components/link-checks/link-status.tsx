import { useFormatter, useTranslations } from "next-intl";
import { type LinkCheckView, linkState } from "@/lib/link-checks/state";
import { cn } from "@/lib/utils";

/**
 * One line on a cited link's last check: "checked on <day>", "changed since cited" or "broken — why",
 * or "not checked yet". Days in Asia/Shanghai (the app's time zone).
 */
export function LinkStatus({ check, className }: { check: LinkCheckView | null; className?: string }) {
  const t = useTranslations("linkChecks");
  const format = useFormatter();
  const state = linkState(check);
  const checkedOn = check?.checkedAt
    ? format.dateTime(check.checkedAt, { year: "numeric", month: "2-digit", day: "2-digit" })
    : null;
  const text =
    state === "unchecked" || !checkedOn
      ? t("state.unchecked")
      : state === "broken"
        ? t("line.broken", { reason: failureText(t, check), date: checkedOn })
        : t(`line.${state}`, { date: checkedOn });
  return (
    <p
      className={cn(
        "text-xs",
        state === "broken" ? "text-red-800" : state === "changed" ? "text-amber-900" : "text-slate-600",
        className,
      )}
      data-testid="link-status"
      data-state={state}
    >
      {text}
    </p>
  );
}

type Translate = ReturnType<typeof useTranslations<"linkChecks">>;

export function failureText(
  t: Translate,
  check: Pick<LinkCheckView, "failure" | "httpStatus"> | null,
): string {
  const failure = check?.failure ?? "network";
  if (failure === "status") return t("failure.status", { status: check?.httpStatus ?? 0 });
  return t.has(`failure.${failure}`) ? t(`failure.${failure}` as "failure.network") : failure;
}
