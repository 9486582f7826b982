import { ArrowRight } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import type { RecommendationPage } from "@/lib/recommendations/queries";

const FIELDS = new Set([
  "code",
  "titleZh",
  "titleEn",
  "descriptionZh",
  "descriptionEn",
  "sourceQuote",
  "theme",
  "leadAgency",
  "coAgencies",
  "startDate",
  "dueDate",
  "assignedAt",
  "weight",
  "archivedReason",
]);

/** A value of the history as text: names (of agencies, themes) in the page's language, lists joined. */
function shown(value: unknown, empty: string, locale: string): string {
  if (value === null || value === undefined || value === "") return empty;
  if (Array.isArray(value))
    return value.length ? value.map((one) => shown(one, empty, locale)).join("、") : empty;
  if (typeof value === "object" && "zh" in value) {
    const name = value as { zh: string; en: string | null };
    return localized(locale, name.zh, name.en);
  }
  return String(value);
}

/**
 * The audited changes of the recommendation's own fields (title, agencies, dates…), each one field
 * before → after, newest first: shown in the history beside the status updates.
 */
export function EditHistory({ edits }: { edits: RecommendationPage["edits"] }) {
  const t = useTranslations("manage");
  const format = useFormatter();
  const locale = useLocale();
  if (edits.length === 0) return null;
  return (
    <section aria-labelledby="edit-history-heading" className="border-t border-slate-100 px-4 py-3 sm:px-5">
      <h3 id="edit-history-heading" className="text-sm font-semibold text-slate-900">
        {t("edits")}
      </h3>
      <ol className="mt-2 space-y-2 text-sm" data-testid="edit-history">
        {edits.map((edit) => (
          <li key={edit.id} className="space-y-0.5">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-800">
                {FIELDS.has(edit.field) ? t(`historyField.${edit.field}`) : edit.field}
              </span>
              <span className="max-w-prose break-words text-slate-600 line-through decoration-slate-400">
                {shown(edit.before, t("empty"), locale)}
              </span>
              <ArrowRight aria-hidden="true" className="size-3.5 text-slate-500" />
              <span className="sr-only">{t("changedTo")}</span>
              <span className="max-w-prose break-words text-slate-900">
                {shown(edit.after, t("empty"), locale)}
              </span>
            </div>
            <p className="text-xs text-slate-500">
              {t("editedBy", {
                author: edit.author ?? t("system"),
                date: format.dateTime(edit.createdAt, "dateTime"),
              })}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
