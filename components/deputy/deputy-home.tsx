import { useFormatter, useLocale, useTranslations } from "next-intl";
import { SampleDataNotice } from "@/components/layout/sample-data-notice";
import { StatusBadge } from "@/components/recommendations/status-badge";
import { Badge } from "@/components/ui/badge";
import { Progress } from "@/components/ui/progress";
import type { CycleStage } from "@/lib/db/enums";
import type { DeputyChange, DeputyHome, DeputyRecommendation } from "@/lib/deputy/home";
import { FIRST_VISIT_DAYS } from "@/lib/deputy/home";
import { localized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";

const segment = encodeURIComponent;
const recPath = (proposalCode: string, code: string) =>
  `/proposals/${segment(proposalCode)}/${segment(code)}`;
// An action's change opens its recommendation's page, which lists the actions.
const changePath = (c: DeputyChange) => recPath(c.proposalCode, c.recommendationCode);

const STAGE_TONE: Partial<Record<CycleStage, "info" | "success" | "warning" | "muted">> = {
  replied: "warning",
  evaluated: "success",
  closed: "muted",
};

function StageBadge({ stage }: { stage: CycleStage }) {
  const t = useTranslations("cycle.stage");
  return (
    <Badge tone={STAGE_TONE[stage] ?? "info"} data-stage={stage}>
      {t(stage)}
    </Badge>
  );
}

/** The deputy's home: what awaits their rating, what changed since their last visit, their proposals. */
export function DeputyHomeView({ home, name }: { home: DeputyHome; name: string }) {
  const t = useTranslations("deputy");
  const locale = useLocale();
  const format = useFormatter();
  const tMethod = useTranslations("contacts.method");
  const sample = home.proposals.some((p) => p.isSample);
  // With several proposals, an item's code (R1) alone does not say whose it is.
  const proposalName = (code: string) => {
    const proposal = home.proposals.find((p) => p.code === code);
    return proposal ? localized(locale, proposal.titleZh, proposal.titleEn) : code;
  };
  return (
    <div className="space-y-6" data-testid="deputy-home">
      {sample && <SampleDataNotice />}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-slate-600">{t("intro", { name })}</p>
      </header>

      <section
        aria-labelledby="deputy-awaiting"
        className="rounded-lg border border-amber-300 bg-amber-50 p-4"
      >
        <h2 id="deputy-awaiting" className="text-lg font-semibold text-slate-900">
          {t("awaiting.title")}
        </h2>
        {home.awaiting.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">{t("awaiting.none")}</p>
        ) : (
          <ul className="mt-2 space-y-2" data-testid="deputy-awaiting">
            {home.awaiting.map((rec) => (
              <li key={rec.id} className="rounded-md border border-amber-200 bg-white p-3">
                <Link
                  href={recPath(rec.proposalCode, rec.code)}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {rec.code} · {localized(locale, rec.titleZh, rec.titleEn)}
                </Link>
                <p className="text-xs text-slate-600">{proposalName(rec.proposalCode)}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {rec.repliedAt
                    ? t("awaiting.repliedOn", { date: format.dateTime(rec.repliedAt, "date") })
                    : t("awaiting.replied")}{" "}
                  · {t("awaiting.rateThere")}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {home.toConfirm.length > 0 && (
        <section
          aria-labelledby="deputy-to-confirm"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 id="deputy-to-confirm" className="text-lg font-semibold text-slate-900">
            {t("toConfirm.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t("toConfirm.intro")}</p>
          <ul className="mt-2 space-y-2" data-testid="deputy-to-confirm">
            {home.toConfirm.map((contact) => (
              <li key={contact.id} className="rounded-md border border-amber-200 bg-white p-3">
                <Link
                  href={`${recPath(contact.proposalCode, contact.recommendationCode)}#contacts-heading`}
                  className="font-medium text-brand-700 underline-offset-2 hover:underline"
                >
                  {contact.recommendationCode} · {localized(locale, contact.titleZh, contact.titleEn)}
                </Link>
                <p className="text-xs text-slate-600">{proposalName(contact.proposalCode)}</p>
                <p className="mt-1 text-sm text-slate-700">
                  {t("toConfirm.contact", {
                    date: format.dateTime(contact.contactDate, "date"),
                    method: tMethod(contact.method as "other"),
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="deputy-changes" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="deputy-changes" className="text-lg font-semibold text-slate-900">
          {t("changes.title")}
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          {home.since
            ? t("changes.since", { date: format.dateTime(home.since, "dateTime") })
            : t("changes.firstVisit", { days: FIRST_VISIT_DAYS })}
        </p>
        {home.changes.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t("changes.none")}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100" data-testid="deputy-changes">
            {home.changes.map((change) => (
              <ChangeRow key={change.id} change={change} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="deputy-proposals" className="space-y-4">
        <h2 id="deputy-proposals" className="text-lg font-semibold text-slate-900">
          {t("proposals.title")}
        </h2>
        {home.proposals.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
            {t("proposals.none")}
          </p>
        ) : (
          home.proposals.map((proposal) => (
            <article
              key={proposal.id}
              aria-labelledby={`deputy-proposal-${proposal.id}`}
              className="rounded-lg border border-slate-200 bg-white"
              data-testid="deputy-proposal"
            >
              <header className="space-y-1 border-b border-slate-100 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone="neutral">{t(`proposals.role.${proposal.role}`)}</Badge>
                  {proposal.isSample && <Badge tone="warning">{t("proposals.sample")}</Badge>}
                </div>
                <h3 id={`deputy-proposal-${proposal.id}`} className="text-base font-semibold leading-snug">
                  <Link
                    href={`/proposals/${segment(proposal.code)}`}
                    className="text-brand-700 underline-offset-2 hover:underline"
                  >
                    {localized(locale, proposal.titleZh, proposal.titleEn)}
                  </Link>
                </h3>
              </header>
              {proposal.recommendations.length === 0 ? (
                <p className="p-4 text-sm text-slate-600">{t("proposals.noItems")}</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {proposal.recommendations.map((rec) => (
                    <RecommendationRow key={rec.id} proposalCode={proposal.code} rec={rec} />
                  ))}
                </ul>
              )}
            </article>
          ))
        )}
      </section>
    </div>
  );
}

function RecommendationRow({ proposalCode, rec }: { proposalCode: string; rec: DeputyRecommendation }) {
  const t = useTranslations("deputy");
  const tClass = useTranslations("replyClass");
  const locale = useLocale();
  const format = useFormatter();
  const title = localized(locale, rec.titleZh, rec.titleEn);
  const reply = rec.repliedAt
    ? t("reply.replied", {
        date: format.dateTime(rec.repliedAt, "date"),
        class: rec.replyClass ? tClass(rec.replyClass) : "",
      })
    : rec.replyDueAt
      ? t("reply.due", { date: format.dateTime(rec.replyDueAt, "date") })
      : t("reply.notYet");
  return (
    <li className="space-y-2 p-4" data-testid="deputy-recommendation">
      <Link
        href={recPath(proposalCode, rec.code)}
        className="block font-medium text-brand-700 underline-offset-2 hover:underline"
      >
        {rec.code} · {title}
      </Link>
      <div className="flex flex-wrap items-center gap-2">
        <StageBadge stage={rec.stage} />
        <StatusBadge status={rec.status} />
      </div>
      <Progress value={rec.progress} label={t("progressOf", { code: rec.code })} className="max-w-md" />
      <p className="text-sm text-slate-700">{reply}</p>
    </li>
  );
}

function ChangeRow({ change }: { change: DeputyChange }) {
  const t = useTranslations("deputy");
  const tStatus = useTranslations("status");
  const tStep = useTranslations("cycle.step");
  const tStage = useTranslations("cycle.stage");
  const locale = useLocale();
  const format = useFormatter();
  const item = change.actionCode
    ? `${change.recommendationCode} › ${change.actionCode}`
    : change.recommendationCode;
  const what =
    change.kind === "status"
      ? t("changes.status", {
          status: tStatus(change.status ?? "not_started"),
          progress: change.progress ?? 0,
        })
      : change.kind === "cycle"
        ? t("changes.cycle", {
            step: tStep.has(change.step ?? "") ? tStep(change.step ?? "") : (change.step ?? ""),
            stage: tStage(change.toStage ?? "unassigned"),
          })
        : t("changes.evidence", {
            title: localized(locale, change.evidenceZh ?? "", change.evidenceEn ?? null),
          });
  return (
    <li className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-3">
      <time
        dateTime={change.at.toISOString()}
        className="shrink-0 text-xs tabular-nums text-slate-500 sm:w-36"
      >
        {format.dateTime(change.at, "dateTime")}
      </time>
      <span className="min-w-0 text-sm">
        <Link
          href={changePath(change)}
          className="font-medium text-brand-700 underline-offset-2 hover:underline"
        >
          {item} · {localized(locale, change.titleZh, change.titleEn)}
        </Link>
        <span className="block text-slate-700">
          {what}
          {change.proxy && (
            <Badge tone="warning" className="ml-2">
              {t("changes.proxy")}
            </Badge>
          )}
        </span>
      </span>
    </li>
  );
}
