import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ReplyWorkflow } from "@/components/cycle/reply-workflow";
import { SampleDataNotice } from "@/components/layout/sample-data-notice";
import { Alert } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import type { ReplyWorkflow as Workflow } from "@/lib/cycle/reply-queries";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { isOverdue } from "@/lib/recommendations/overdue";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { ActionsTable } from "./actions-table";
import { AgencyList } from "./agency-list";
import { EditHistory } from "./edit-history";
import { EvidenceList } from "./evidence-list";
import { HistoryTimeline } from "./history-timeline";
import { ReplyPanel } from "./reply-panel";
import { OverdueBadge, StatusBadge } from "./status-badge";

export type Editable = {
  recommendation: boolean;
  reply: boolean;
  actionIds: string[];
  /** The evidence the user may verify (核实) now. */
  verifiableEvidenceIds?: string[];
};

export function RecommendationDetail({
  page,
  editable,
  followedActionIds,
  saved = false,
  workflow,
  promises,
  cycle,
  cycleHistory,
  proposals,
  comments,
}: {
  page: RecommendationPage;
  editable: Editable;
  /** The actions the user follows, when they may follow them. */
  followedActionIds?: string[];
  saved?: boolean;
  /** The reply workflow (起草 → 受理, 办结) and the steps the user may take now. */
  workflow?: Workflow | null;
  /** The review list of the reply's promises (components/promises), shown in the reply workflow. */
  promises?: ReactNode;
  /** The handling cycle's panel (交办与签收), shown before the measures. */
  cycle?: ReactNode;
  /** The steps of the cycle taken so far, shown first in the history. */
  cycleHistory?: ReactNode;
  /** Updates waiting for review, or rejected (lib/update-review), shown above the history. */
  proposals?: ReactNode;
  /** 讨论: the recommendation's comment thread (components/comments), before its history. */
  comments?: ReactNode;
}) {
  const { recommendation: rec, evidence, history, satisfaction, today } = page;
  const t = useTranslations("recommendation");
  const tForm = useTranslations("statusForm");
  const tEvidence = useTranslations("evidenceForm");
  const tActions = useTranslations("actionForm");
  const tManage = useTranslations("manage");
  const locale = useLocale();
  const itemPath = `/proposals/${rec.proposal.code}/${rec.code}`;
  const format = useFormatter();
  const title = localized(locale, rec.titleZh, rec.titleEn);
  const proposalTitle = localized(locale, rec.proposal.titleZh, rec.proposal.titleEn);
  const source = localized(locale, rec.proposal.sourceReferenceZh ?? "", rec.proposal.sourceReferenceEn);

  return (
    <div className="space-y-6">
      {rec.proposal.isSample && <SampleDataNotice />}
      {rec.archivedAt && (
        <p
          role="note"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          {tManage("archivedNotice", { reason: rec.archivedReason ?? "" })}
        </p>
      )}
      {saved && (
        <Alert tone="success" className="px-4">
          {tForm("recorded")}
        </Alert>
      )}

      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
        <Link
          href={`/proposals/${rec.proposal.code}`}
          className="text-brand-700 underline-offset-2 hover:underline"
        >
          {locale === "en" ? proposalTitle : `《${proposalTitle}》`}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{rec.code}</span>
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-lg font-semibold text-brand-700">{rec.code}</span>
          <StatusBadge status={rec.status} />
          {isOverdue(rec, today) && <OverdueBadge />}
        </div>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-2xl font-semibold text-slate-900 sm:text-3xl">{title}</h1>
          {editable.recommendation && (
            <Link href={`${itemPath}/update`} className={buttonVariants()}>
              {tForm("update")}
            </Link>
          )}
        </div>
      </header>

      <Card>
        <CardContent>
          <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4">
            <div className="min-w-0 sm:col-span-2">
              <dt className="mb-1 text-slate-500">{t("progress")}</dt>
              <dd>
                <Progress value={rec.progress} label={t("progressLabel", { title })} />
              </dd>
            </div>
            <div>
              <dt className="mb-1 text-slate-500">{t("theme")}</dt>
              <dd>{rec.theme ? localized(locale, rec.theme.nameZh, rec.theme.nameEn) : "—"}</dd>
            </div>
            <div>
              <dt className="mb-1 text-slate-500">
                {t("startDate")} / {t("dueDate")}
              </dt>
              <dd>
                {rec.startDate ? format.dateTime(rec.startDate, "date") : "—"} –{" "}
                {rec.dueDate ? format.dateTime(rec.dueDate, "date") : "—"}
              </dd>
            </div>
            <div className="sm:col-span-2 lg:col-span-4">
              <dt className="mb-1 text-slate-500">{t("agencies")}</dt>
              <dd>
                <AgencyList agencies={rec.agencies} />
              </dd>
            </div>
          </dl>
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card aria-labelledby="description-heading" className="min-w-0 lg:col-span-2">
          <CardHeader>
            <CardTitle id="description-heading">{t("description")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <p className="leading-relaxed text-slate-800">
              {localized(locale, rec.descriptionZh, rec.descriptionEn)}
            </p>
            <figure className="rounded-md border-l-4 border-brand-600 bg-brand-50 px-4 py-3">
              <figcaption className="mb-1 text-xs font-medium text-brand-800">{t("sourceQuote")}</figcaption>
              <blockquote
                lang="zh-CN"
                className="whitespace-pre-line break-words leading-relaxed text-slate-900"
                data-testid="source-quote"
              >
                {rec.sourceQuote}
              </blockquote>
              {source && <p className="mt-2 text-xs text-slate-600">{t("sourceQuoteCite", { source })}</p>}
            </figure>
          </CardContent>
        </Card>

        <ReplyPanel
          reply={rec}
          satisfaction={satisfaction}
          satisfactionSource={page.satisfactionSource}
          today={today}
          editHref={editable.reply ? `${itemPath}/reply` : undefined}
        />
      </div>

      {workflow && <ReplyWorkflow workflow={workflow}>{promises}</ReplyWorkflow>}
      {cycle}

      <Card aria-labelledby="actions-heading">
        <CardHeader className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <CardTitle id="actions-heading">{t("actions")}</CardTitle>
            {rec.actions.length > 0 && <p className="mt-1 text-xs text-slate-600">{t("weightNote")}</p>}
          </div>
          {editable.recommendation && (
            <Link href={`${itemPath}/actions`} className={buttonVariants({ variant: "outline", size: "sm" })}>
              {tActions("manage")}
            </Link>
          )}
        </CardHeader>
        <ActionsTable
          actions={rec.actions}
          today={today}
          editableIds={editable.actionIds}
          followedIds={followedActionIds}
          itemPath={itemPath}
        />
      </Card>

      <Card aria-labelledby="evidence-heading">
        <CardHeader className="flex flex-wrap items-center justify-between gap-2">
          <CardTitle id="evidence-heading">{t("evidence")}</CardTitle>
          {(editable.recommendation || editable.actionIds.length > 0) && (
            <Link
              href={`${itemPath}/evidence/new`}
              className={buttonVariants({ variant: "outline", size: "sm" })}
            >
              {tEvidence("addEvidence")}
            </Link>
          )}
        </CardHeader>
        <EvidenceList
          evidence={evidence}
          itemPath={itemPath}
          canChange={(actionId) =>
            actionId ? editable.actionIds.includes(actionId) : editable.recommendation
          }
          verifiableIds={editable.verifiableEvidenceIds ?? []}
        />
      </Card>

      {comments}

      <Card aria-labelledby="history-heading">
        <CardHeader>
          <CardTitle id="history-heading">{t("history")}</CardTitle>
        </CardHeader>
        {cycleHistory}
        {proposals}
        <HistoryTimeline history={history} recommendationCode={rec.code} />
        <EditHistory edits={page.edits} />
      </Card>
    </div>
  );
}
