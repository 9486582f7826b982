import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Shown wherever sample data is on screen, so that nobody takes it for real progress. */
export function SampleDataNotice() {
  const t = useTranslations("app");
  return (
    <aside
      aria-label={t("sampleData")}
      className="mb-5 flex flex-wrap items-start gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <Badge tone="warning">{t("sampleData")}</Badge>
      <p className="flex-1">{t("sampleDataNotice")}</p>
    </aside>
  );
}
