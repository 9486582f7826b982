import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { Health } from "@/lib/tracking/health";

const TONE: Record<Health, "success" | "warning" | "danger" | "muted" | "neutral"> = {
  on_track: "success",
  behind: "warning",
  at_risk: "danger",
  overdue: "danger",
  not_applicable: "muted",
};

export function HealthBadge({ health }: { health: Health }) {
  const t = useTranslations("health");
  return (
    <Badge tone={TONE[health]} data-health={health}>
      {t(health)}
    </Badge>
  );
}
