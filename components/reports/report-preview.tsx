import { getFormatter, getTranslations } from "next-intl/server";
import { SampleDataNotice } from "@/components/layout/sample-data-notice";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Textarea } from "@/components/ui/input";
import { Table, TableCell, TableHead } from "@/components/ui/table";
import { shanghaiDate } from "@/lib/dates";
import type { ReportData } from "@/lib/reports/data";
import { reportLabels } from "@/lib/reports/labels";
import { defaultNarrative, NARRATIVE_LIMITS, narrativeField } from "@/lib/reports/narrative";
import type { ReportParams } from "@/lib/reports/schema";
import { ReportDownload } from "./report-download";

const DOWNLOAD_FORM = "report-download";

/** The report's figures on screen, from the same content the files are made of, and the downloads. */
export async function ReportPreview({
  data,
  params,
  locale,
}: {
  data: ReportData;
  params: ReportParams;
  locale: string;
}) {
  const t = await getTranslations("reports");
  const tStatus = await getTranslations("status");
  const tHealth = await getTranslations("health");
  const tReply = await getTranslations("replyClass");
  const format = await getFormatter();
  const day = (value: string) => format.dateTime(shanghaiDate(value), "date");
  const english = locale === "en";
  const title = (item: { titleZh: string; titleEn: string | null }) =>
    english && item.titleEn ? item.titleEn : item.titleZh;
  const agency = (item: { nameZh: string; nameEn: string | null }) =>
    english && item.nameEn ? item.nameEn : item.nameZh;
  const satisfaction = new Map(
    data.satisfactionLevels.map((level) => [
      level.key,
      english && level.labelEn ? level.labelEn : level.labelZh,
    ]),
  );
  const settings = {
    proposal: params.proposal,
    asOf: params.asOf,
    compareTo: params.compareTo,
    locale: params.locale,
  };
  // The narratives are prefilled in the report's language, as the files will show them.
  const reportLabelsOf = reportLabels(params.locale, data);
  const h = data.headline;
  const figures: [string, string][] = [
    [t("document.items"), String(h.items)],
    [t("document.completed"), String(h.completed)],
    [t("document.inProgress"), String(h.inProgress)],
    [t("document.stalled"), String(h.stalled)],
    [t("document.notStarted"), String(h.notStarted)],
    [t("document.overdue"), String(h.overdue)],
    [t("document.averageProgress"), `${Math.round(h.averageProgress)}%`],
  ];
  return (
    <section aria-labelledby="report-preview-title" className="space-y-4" data-testid="report-preview">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="report-preview-title" className="text-lg font-semibold">
            {t("preview.title", { asOf: day(params.asOf) })}
          </h2>
          <p className="text-sm text-slate-700">
            {data.proposal.code} · {title(data.proposal)}
          </p>
        </div>
        <div className="flex flex-col items-end gap-1">
          {/* Submit buttons of the narrative form below: the download carries the edited narratives. */}
          <ReportDownload formId={DOWNLOAD_FORM} />
          <p className="text-xs text-slate-600">
            {t("preview.downloadHint", { language: t(`languages.${params.locale}`) })}
          </p>
        </div>
      </div>
      {data.proposal.isSample && <SampleDataNotice />}

      <Card>
        <CardHeader>
          <CardTitle>{t("document.headline")}</CardTitle>
        </CardHeader>
        <CardContent>
          {data.sections.length === 0 ? (
            <p>{t("document.noItems")}</p>
          ) : (
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
              {figures.map(([label, value]) => (
                <div key={label} className="rounded-md border border-slate-200 px-3 py-2">
                  <dt className="text-xs text-slate-600">{label}</dt>
                  <dd className="text-xl font-semibold">{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </CardContent>
      </Card>

      {data.sections.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle>{t("preview.previewRecommendations", { asOf: day(params.asOf) })}</CardTitle>
          </CardHeader>
          <CardContent>
            <Table data-testid="report-recommendations">
              <thead>
                <tr>
                  <TableHead scope="col">{t("document.code")}</TableHead>
                  <TableHead scope="col">{t("document.titleColumn")}</TableHead>
                  <TableHead scope="col">{t("document.status")}</TableHead>
                  <TableHead scope="col">{t("document.progress")}</TableHead>
                  <TableHead scope="col">{t("document.health")}</TableHead>
                  <TableHead scope="col">{t("document.leadAgency")}</TableHead>
                  <TableHead scope="col">{t("document.replyClass")}</TableHead>
                  <TableHead scope="col">{t("document.satisfaction")}</TableHead>
                </tr>
              </thead>
              <tbody>
                {data.sections.map((item) => (
                  <tr key={item.id}>
                    <TableCell className="font-medium">{item.code}</TableCell>
                    <TableCell>{title(item)}</TableCell>
                    <TableCell>{tStatus(item.status)}</TableCell>
                    <TableCell>{item.progress}%</TableCell>
                    <TableCell>{tHealth(item.health)}</TableCell>
                    <TableCell>{item.leadAgencies.map(agency).join(english ? ", " : "、") || "—"}</TableCell>
                    <TableCell>
                      {item.replyClass ? tReply(item.replyClass) : t("document.notReplied")}
                    </TableCell>
                    <TableCell>
                      {item.satisfaction
                        ? (satisfaction.get(item.satisfaction) ?? item.satisfaction)
                        : t("document.noFeedback")}
                    </TableCell>
                  </tr>
                ))}
              </tbody>
            </Table>
          </CardContent>
        </Card>
      )}

      <form
        id={DOWNLOAD_FORM}
        method="post"
        action="/api/reports"
        data-testid="report-narratives"
        aria-labelledby="report-narratives-title"
      >
        {Object.entries(settings).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {data.sections.length > 0 && (
          <Card>
            <CardHeader>
              <CardTitle id="report-narratives-title">{t("narrative.title")}</CardTitle>
              <p className="text-sm text-slate-600">{t("narrative.hint")}</p>
            </CardHeader>
            <CardContent className="space-y-4">
              {data.sections.map((item) => {
                const id = `narrative-${item.code}`;
                return (
                  <div key={item.id} className="space-y-1">
                    <Label htmlFor={id}>
                      {t("narrative.label", { code: item.code, title: title(item) })}
                    </Label>
                    <Textarea
                      id={id}
                      name={narrativeField(item.code)}
                      defaultValue={defaultNarrative(item, reportLabelsOf)}
                      placeholder={t("narrative.empty")}
                      maxLength={NARRATIVE_LIMITS.perRecommendation}
                      rows={Math.min(8, Math.max(3, item.comments.length + 1))}
                      // As tall as its text (up to a limit) where the browser can.
                      className="field-sizing-content max-h-96"
                      aria-describedby={`${id}-hint`}
                    />
                    <p id={`${id}-hint`} className="text-xs text-slate-500">
                      {t("narrative.counter", { max: NARRATIVE_LIMITS.perRecommendation })}
                    </p>
                  </div>
                );
              })}
            </CardContent>
          </Card>
        )}
      </form>

      <Card>
        <CardHeader>
          <CardTitle>
            {t("preview.previewMoved", { from: day(params.compareTo), to: day(params.asOf) })}
          </CardTitle>
        </CardHeader>
        <CardContent>
          {data.moved.length === 0 ? (
            <p>{t("document.movedNone")}</p>
          ) : (
            <Table data-testid="report-moved">
              <thead>
                <tr>
                  <TableHead scope="col">{t("document.code")}</TableHead>
                  <TableHead scope="col">{t("document.titleColumn")}</TableHead>
                  <TableHead scope="col">{t("document.status")}</TableHead>
                  <TableHead scope="col">{t("document.progress")}</TableHead>
                </tr>
              </thead>
              <tbody>
                {data.moved.map((item) => (
                  <tr key={`${item.kind}-${item.recommendationCode}-${item.code}`}>
                    <TableCell className="whitespace-nowrap font-medium">{item.code}</TableCell>
                    <TableCell>{title(item)}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {tStatus(item.before.status)} → {tStatus(item.after.status)}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {item.before.progress}% → {item.after.progress}%
                    </TableCell>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </CardContent>
      </Card>
    </section>
  );
}
