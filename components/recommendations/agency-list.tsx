import { useLocale, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { AgencyRole } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";

type Assignment = { role: AgencyRole; agency: { nameZh: string; nameEn: string | null } };

/** Handling agencies, the lead (主办) first. */
export function AgencyList({ agencies }: { agencies: Assignment[] }) {
  const t = useTranslations("agencyRole");
  const locale = useLocale();
  if (agencies.length === 0) return <span>—</span>;
  // Enum order differs between databases, so the lead-first order is set here.
  const sorted = [...agencies].sort(
    (a, b) =>
      Number(b.role === "lead") - Number(a.role === "lead") || a.agency.nameZh.localeCompare(b.agency.nameZh),
  );
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1">
      {sorted.map(({ role, agency }) => (
        <li key={agency.nameZh} className="flex items-center gap-1.5">
          <Badge tone={role === "lead" ? "info" : "muted"}>{t(role)}</Badge>
          <span>{localized(locale, agency.nameZh, agency.nameEn)}</span>
        </li>
      ))}
    </ul>
  );
}
