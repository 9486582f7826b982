"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessages } from "@/components/ui/form-messages";
import { useFormAction } from "@/components/ui/use-form-action";
import { setProposalPublished } from "@/lib/public/actions";
import type { FormState } from "@/lib/validation/form-action";

/**
 * A proposal's public progress page in the app: whether it is published and where, for everyone;
 * publish and unpublish buttons for admins (the action checks the role again).
 */
export function PublicationPanel({
  proposalId,
  publishedAt,
  showsSatisfaction,
  shown,
  publicUrl,
  canManage,
}: {
  proposalId: string;
  publishedAt: Date | null;
  /** Whether the published page shows the deputy's satisfaction (ticked when publishing). */
  showsSatisfaction: boolean;
  /** What the public page shows once published. */
  shown: { recommendations: number; actions: number; evidence: number };
  /** The page's absolute address in the current language. */
  publicUrl: string;
  canManage: boolean;
}) {
  const t = useTranslations("public");
  const tRating = useTranslations("rating");
  const format = useFormatter();
  const { state, onSubmit, pending, form } = useFormAction<FormState>(setProposalPublished, {});
  const published = publishedAt !== null;
  // Publishing is asked twice: first what becomes public, then "publish" once more to confirm.
  const [confirming, setConfirming] = useState(false);
  return (
    <Card aria-labelledby="publication-heading" data-testid="publication-panel">
      <CardHeader>
        <CardTitle id="publication-heading">{t("panelTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3 text-sm text-slate-700">
        {published ? (
          <div className="space-y-1 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-950">
            <p>{t("publishedSince", { date: format.dateTime(publishedAt, "dateTime") })}</p>
            <p>
              {t("publicUrl")}{" "}
              <a href={publicUrl} className="break-all font-medium text-brand-700 underline">
                {publicUrl}
              </a>
            </p>
            <p data-testid="publication-satisfaction">
              {tRating(showsSatisfaction ? "publicationShows" : "publicationHides")}
            </p>
          </div>
        ) : (
          <p>{t("notPublished")}</p>
        )}
        {canManage && (
          <form ref={form} onSubmit={onSubmit} className="space-y-3">
            <input type="hidden" name="proposalId" value={proposalId} />
            <input type="hidden" name="publish" value={published ? "false" : "true"} />
            <p className="text-xs text-slate-600">{t("publishHint")}</p>
            {!published && confirming ? (
              <div
                role="alertdialog"
                aria-labelledby="publish-confirm-title"
                aria-describedby="publish-confirm-body"
                className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-3 text-amber-950"
              >
                <p id="publish-confirm-title" className="font-medium">
                  {t("confirmTitle")}
                </p>
                <p id="publish-confirm-body">{t("confirmBody", shown)}</p>
                <label htmlFor="publish-show-satisfaction" className="flex items-start gap-2">
                  <input
                    id="publish-show-satisfaction"
                    type="checkbox"
                    name="showSatisfaction"
                    className="mt-1 accent-brand-600"
                  />
                  <span>{tRating("publishOption")}</span>
                </label>
                <div className="flex flex-wrap items-center gap-3">
                  <Button type="submit" disabled={pending}>
                    {t("confirmPublish")}
                  </Button>
                  <Button type="button" variant="outline" onClick={() => setConfirming(false)}>
                    {t("confirmCancel")}
                  </Button>
                  <a href={publicUrl} className="text-brand-700 underline">
                    {t("previewLink")}
                  </a>
                </div>
              </div>
            ) : (
              <div className="flex flex-wrap items-center gap-3">
                {published ? (
                  <Button type="submit" variant="outline" disabled={pending}>
                    {t("unpublish")}
                  </Button>
                ) : (
                  <Button type="button" onClick={() => setConfirming(true)}>
                    {t("publish")}
                  </Button>
                )}
                {!published && (
                  <a href={publicUrl} className="text-brand-700 underline">
                    {t("previewLink")}
                  </a>
                )}
              </div>
            )}
            <FormMessages state={state} />
          </form>
        )}
      </CardContent>
    </Card>
  );
}
