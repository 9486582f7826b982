import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ChoiceSelect, Label } from "@/components/ui/input";
import { ReviewQueue } from "@/components/update-review/review-queue";
import { requireUser } from "@/lib/auth/session";
import { localized } from "@/lib/i18n/localized";
import { pageTitle } from "@/lib/i18n/page-title";
import { getReviewQueue } from "@/lib/update-review/queries";
import { canReviewUpdates } from "@/lib/update-review/rule";
import { queueFilters } from "@/lib/update-review/schema";

export const generateMetadata = pageTitle("updateReview", "title");

/** 审核: the status updates waiting for review — a reviewer's agency's, or all of them for the office. */
export default async function ReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requireUser(locale, `/${locale}/review`);
  if (!canReviewUpdates(user)) notFound();
  const raw = await searchParams;
  const one = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value) || undefined;
  const filters = queueFilters.parse({
    agency: one(raw.agency),
    proposal: one(raw.proposal),
    kind: one(raw.kind),
  });
  const [queue, t] = await Promise.all([getReviewQueue(user, filters), getTranslations("updateReview")]);
  const office = user.role === "office" || user.role === "admin";
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{office ? t("introOffice") : t("introReviewer")}</p>
      </div>
      <Card>
        <CardContent>
          <form
            method="get"
            className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end"
            aria-label={t("filters.label")}
          >
            {office && (
              <div className="space-y-1.5 sm:w-56">
                <Label htmlFor="filter-agency">{t("filters.agency")}</Label>
                <ChoiceSelect
                  id="filter-agency"
                  name="agency"
                  defaultValue={filters.agency ?? ""}
                  empty={t("filters.all")}
                  choices={queue.agencies.map((agency) => ({
                    value: agency.code,
                    label: localized(locale, agency.nameZh, agency.nameEn),
                  }))}
                />
              </div>
            )}
            <div className="space-y-1.5 sm:w-72">
              <Label htmlFor="filter-proposal">{t("filters.proposal")}</Label>
              <ChoiceSelect
                id="filter-proposal"
                name="proposal"
                defaultValue={filters.proposal ?? ""}
                empty={t("filters.all")}
                choices={queue.proposals.map((proposal) => ({
                  value: proposal.code,
                  label: localized(locale, proposal.titleZh, proposal.titleEn),
                }))}
              />
            </div>
            <div className="space-y-1.5 sm:w-44">
              <Label htmlFor="filter-kind">{t("filters.kind")}</Label>
              <ChoiceSelect
                id="filter-kind"
                name="kind"
                defaultValue={filters.kind ?? ""}
                empty={t("filters.all")}
                choices={[
                  { value: "recommendation", label: t("filters.recommendation") },
                  { value: "action", label: t("filters.action") },
                ]}
              />
            </div>
            <Button type="submit" variant="outline">
              {t("filters.apply")}
            </Button>
          </form>
        </CardContent>
      </Card>
      <ReviewQueue rows={queue.rows} />
    </div>
  );
}
