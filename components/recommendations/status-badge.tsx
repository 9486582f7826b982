import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ItemStatus } from "@/lib/db/enums";

const TONE: Record<ItemStatus, "neutral" | "info" | "success" | "warning" | "muted"> = {
  not_started: "neutral",
  in_progress: "info",
  completed: "success",
  stalled: "warning",
  not_adopted: "muted",
};

export function StatusBadge({ status }: { status: ItemStatus }) {
  const t = useTranslations("status");
  return (
    <Badge tone={TONE[status]} data-status={status}>
      {t(status)}
    </Badge>
  );
}

export function OverdueBadge() {
  const t = useTranslations("recommendation");
  return <Badge tone="danger">{t("overdueFlag")}</Badge>;
}
