import { useFormatter, useLocale, useTranslations } from "next-intl";
import { SampleDataNotice } from "@/components/layout/sample-data-notice";
import { ExternalLink } from "@/components/recommendations/external-link";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { HealthBadge } from "@/components/tracking/health-badge";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { ItemStatus } from "@/lib/db/enums";
import { localized } from "@/lib/i18n/localized";
import type { PublicProgress as Progressed, PublicEvidence, PublicText } from "@/lib/public/queries";
import { HEALTH } from "@/lib/tracking/health";

/**
 * The public progress page of a proposal, for anyone: what each recommendation and action has come
 * to, with the evidence marked public. It receives only public data (lib/public/queries.ts), and
 * uses plain links, no client code: the page is complete as the server sends it.
 */
export function PublicProgress({ progress }: { progress: Progressed }) {
  const { proposal, figures, recommendations } = progress;
  const t = useTranslations("public");
  const tOverview = useTranslations("overview");
  const tStatus = useTranslations("status");
  const tHealth = useTranslations("health");
  const tRating = useTranslations("rating");
  const locale = useLocale();
  const format = useFormatter();
  const local = (value: PublicText) => localized(locale, value.zh, value.en);
  const date = (value: Date | null) => (value ? format.dateTime(value, "date") : t("none"));
  const title = local(proposal.title);
  const dataPath = `/api/public/${encodeURIComponent(proposal.code)}`;

  return (
    <div className="space-y-6">
      {proposal.publishedAt === null && (
        <aside
          aria-label={t("previewLabel")}
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900"
        >
          {t("previewNotice")}
        </aside>
      )}
      {proposal.isSample && <SampleDataNotice />}

      <header className="space-y-3">
        <p className="text-sm font-medium text-brand-700">{t("eyebrow")}</p>
        <h1 className="text-2xl font-semibold leading-snug text-slate-900 sm:text-3xl">
          {locale === "en" ? title : `《${title}》`}
        </h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm text-slate-700">
          <dt className="font-medium text-slate-600">{tOverview("author")}</dt>
          <dd>{local(proposal.author)}</dd>
          <dt className="font-medium text-slate-600">{tOverview("session")}</dt>
          <dd>{local(proposal.congressSession)}</dd>
          <dt className="font-medium text-slate-600">{tOverview("submitted")}</dt>
          <dd>{date(proposal.submittedAt)}</dd>
          <dt className="font-medium text-slate-600">{t("asOf")}</dt>
          <dd>{date(progress.today)}</dd>
          {proposal.sourceUrl && (
            <>
              <dt className="font-medium text-slate-600">{tOverview("source")}</dt>
              <dd>
                <ExternalLink href={proposal.sourceUrl} className="break-all text-brand-700 underline">
                  {proposal.sourceUrl}
                </ExternalLink>
              </dd>
            </>
          )}
        </dl>
        <p className="max-w-4xl text-slate-700">{local(proposal.summary)}</p>
      </header>

      <section aria-labelledby="public-figures" className="space-y-3">
        <h2 id="public-figures" className="text-lg font-semibold text-slate-900">
          {t("figures")}
        </h2>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-8">
          <Figure label={tOverview("recommendationCount")} value={figures.recommendations} />
          <Figure label={t("actionCount")} value={figures.actions} />
          <Figure
            label={tOverview("averageProgress")}
            value={figures.weightedProgress === null ? t("none") : `${figures.weightedProgress}%`}
          />
          {Object.values(ItemStatus).map((status) => (
            <Figure key={status} label={tStatus(status)} value={figures.byStatus[status]} />
          ))}
        </ul>
        <p className="text-sm text-slate-700">
          <span className="font-medium">{t("healthOfRecommendations")}</span>{" "}
          {HEALTH.filter((health) => figures.byHealth[health] > 0)
            .map((health) => `${tHealth(health)} ${figures.byHealth[health]}`)
            .join(" · ")}
        </p>
      </section>

      <section aria-labelledby="public-recommendations" className="space-y-4">
        <h2 id="public-recommendations" className="text-lg font-semibold text-slate-900">
          {tOverview("recommendations")}
        </h2>
        {recommendations.length === 0 && <p className="text-slate-600">{tOverview("empty")}</p>}
        {recommendations.map((rec) => {
          const recTitle = local(rec.title);
          const headingId = `rec-${rec.code}`;
          return (
            <Card
              key={rec.code}
              aria-labelledby={headingId}
              data-testid={`public-recommendation-${rec.code}`}
            >
              <CardHeader className="space-y-2">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-sm font-semibold text-brand-700">{rec.code}</span>
                  <StatusBadge status={rec.status} />
                  <HealthBadge health={rec.health} />
                  {rec.theme && <Badge tone="muted">{local(rec.theme)}</Badge>}
                  {rec.deputySatisfaction && (
                    <Badge
                      // Apart from the status colours: satisfaction is an axis of its own.
                      tone={rec.deputySatisfaction.dissatisfied ? "danger" : "info"}
                      data-testid={`public-satisfaction-${rec.code}`}
                    >
                      {tRating("publicSatisfaction", { level: local(rec.deputySatisfaction) })}
                    </Badge>
                  )}
                </div>
                <h3 id={headingId} className="font-semibold text-slate-900">
                  {recTitle}
                </h3>
              </CardHeader>
              <CardContent className="space-y-4">
                <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_16rem]">
                  <p className="text-sm text-slate-700">{local(rec.description)}</p>
                  <div className="space-y-2">
                    <Progress value={rec.progress} label={t("progressOf", { code: rec.code })} />
                    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs text-slate-700">
                      <dt className="text-slate-600">{tOverview("leadAgency")}</dt>
                      <dd>{rec.leadAgency ? local(rec.leadAgency) : t("none")}</dd>
                      <dt className="text-slate-600">{t("startDate")}</dt>
                      <dd>{date(rec.startDate)}</dd>
                      <dt className="text-slate-600">{tOverview("dueDate")}</dt>
                      <dd>{date(rec.dueDate)}</dd>
                    </dl>
                  </div>
                </div>
                <EvidenceLinks evidence={rec.evidence} />
                {rec.actions.length > 0 && (
                  <div className="space-y-1">
                    <h4 className="text-sm font-medium text-slate-900">
                      {t("actionsOf", { code: rec.code })}
                    </h4>
                    {/* A list rather than a table: on a phone each action stacks, nothing scrolls sideways. */}
                    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                      {rec.actions.map((action) => (
                        <li
                          key={action.code}
                          data-testid={`public-action-${action.code}`}
                          className="grid gap-2 px-3 py-2 text-sm md:grid-cols-[minmax(0,1fr)_16rem]"
                        >
                          <div className="min-w-0 space-y-1">
                            <p>
                              <span className="font-mono text-xs font-semibold text-brand-700">
                                {action.code}
                              </span>{" "}
                              <span className="text-slate-900">{local(action.title)}</span>
                            </p>
                            {action.leadAgency && (
                              <p className="text-xs text-slate-600">{local(action.leadAgency)}</p>
                            )}
                            <EvidenceLinks evidence={action.evidence} compact />
                          </div>
                          <div className="space-y-1">
                            <div className="flex flex-wrap gap-1">
                              <StatusBadge status={action.status} />
                              <HealthBadge health={action.health} />
                            </div>
                            <Progress
                              value={action.progress}
                              label={t("progressOf", { code: action.code })}
                            />
                            <p className="text-xs text-slate-700">
                              {tOverview("dueDate")} {date(action.dueDate)}
                            </p>
                          </div>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </CardContent>
            </Card>
          );
        })}
      </section>

      <section aria-labelledby="public-open-data" className="space-y-2 text-sm text-slate-700">
        <h2 id="public-open-data" className="text-lg font-semibold text-slate-900">
          {t("openData")}
        </h2>
        <p>{t("openDataIntro")}</p>
        <ul className="flex flex-wrap gap-3">
          <li>
            <a href={`${dataPath}.csv?lang=${locale}`} className="text-brand-700 underline" download>
              {t("downloadCsv")}
            </a>
          </li>
          <li>
            <a href={`${dataPath}.json`} className="text-brand-700 underline">
              {t("downloadJson")}
            </a>
          </li>
        </ul>
        <p className="text-xs text-slate-600">{t("scope")}</p>
        {proposal.showsSatisfaction && <p className="text-xs text-slate-600">{tRating("publicScope")}</p>}
      </section>
    </div>
  );
}

function EvidenceLinks({ evidence, compact = false }: { evidence: PublicEvidence[]; compact?: boolean }) {
  const t = useTranslations("public");
  const tKind = useTranslations("evidenceKind");
  const locale = useLocale();
  if (evidence.length === 0) return null;
  return (
    <div className="space-y-1">
      {compact ? (
        <p className="text-xs text-slate-600">{t("evidence")}</p>
      ) : (
        <h4 className="text-sm font-medium text-slate-900">{t("evidence")}</h4>
      )}
      <ul className="space-y-1 text-sm">
        {evidence.map((item) => (
          <li key={item.id} data-testid="public-evidence">
            {!compact && <Badge tone="muted">{tKind(item.kind)}</Badge>}{" "}
            {item.url ? (
              <ExternalLink href={item.url} className="text-brand-700 underline-offset-2 hover:underline">
                {localized(locale, item.title.zh, item.title.en)}
              </ExternalLink>
            ) : (
              // Only a file: its download follows.
              <span className="text-slate-900">{localized(locale, item.title.zh, item.title.en)}</span>
            )}
            {!compact && item.publisher && (
              <span className="text-xs text-slate-600"> · {item.publisher}</span>
            )}{" "}
            <Badge tone={item.verifiedAt ? "success" : "muted"}>
              {t(item.verifiedAt ? "evidenceVerified" : "evidenceClaimed")}
            </Badge>
            {item.files.length > 0 && (
              <ul className="ml-4 mt-0.5 space-y-0.5 text-xs" data-testid="public-evidence-files">
                {item.files.map((file) => (
                  <li key={file.id}>
                    <a
                      href={`/api/files/${file.id}`}
                      download={file.name}
                      className="break-all text-brand-700 underline"
                    >
                      {t("evidenceFile", { name: file.name })}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Figure({ label, value }: { label: string; value: number | string }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white px-3 py-2 shadow-sm">
      <p className="text-xs text-slate-600">{label}</p>
      <p className="text-xl font-semibold tabular-nums text-slate-900">{value}</p>
    </li>
  );
}
