// The public progress page's data as open data: JSON (both languages, keys for statuses and health)
// and CSV (one row per recommendation and action, headers and labels in one language). Built only
// from PublicProgress, which holds nothing that is not on the public page.
import { stringify } from "csv-stringify/sync";
import { toShanghaiDateString } from "@/lib/dates";
import { exportTranslator } from "@/lib/export/i18n";
import { neutralise } from "@/lib/export/neutralise";
import { type ChainHead, chainHeadsJson, chainHeadsLine } from "@/lib/history-chain/heads-format";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { PublicEvidence, PublicItem, PublicProgress, PublicText } from "./queries";

const day = (date: Date | null) => (date ? toShanghaiDateString(date) : null);

function evidenceJson(item: PublicEvidence) {
  return {
    title: item.title,
    url: item.url,
    kind: item.kind,
    publisher: item.publisher,
    publishedAt: day(item.publishedAt),
    // Verified by the office or the agency's reviewer (核实), or only claimed by the agency.
    verified: item.verifiedAt !== null,
    verifiedOn: day(item.verifiedAt),
    // Each file by its download address in the app, its size and SHA-256 (to check a copy against).
    files: item.files.map((file) => ({
      name: file.name,
      path: `/api/files/${file.id}`,
      size: file.size,
      sha256: file.sha256,
    })),
  };
}

function itemJson(item: PublicItem) {
  return {
    code: item.code,
    title: item.title,
    status: item.status,
    progress: item.progress,
    health: item.health,
    overdue: item.overdue,
    startDate: day(item.startDate),
    dueDate: day(item.dueDate),
    leadAgency: item.leadAgency,
    evidence: item.evidence.map(evidenceJson),
  };
}

/**
 * The open data as a JSON document; dates are Shanghai calendar days ("YYYY-MM-DD"). `historyChain`:
 * the history chains' heads as it was made (lib/history-chain), to check later that the record
 * extends it.
 */
export function publicJson(progress: PublicProgress, historyChain: readonly ChainHead[] = []) {
  const { proposal, figures } = progress;
  return {
    proposal: {
      code: proposal.code,
      title: proposal.title,
      author: proposal.author,
      congressSession: proposal.congressSession,
      submittedAt: day(proposal.submittedAt),
      summary: proposal.summary,
      sourceUrl: proposal.sourceUrl,
      publishedAt: proposal.publishedAt?.toISOString() ?? null,
    },
    /** Statuses and percentages of sample data are illustrative, not real progress. */
    sampleData: proposal.isSample,
    asOf: day(progress.today),
    figures,
    recommendations: progress.recommendations.map((rec) => ({
      ...itemJson(rec),
      description: rec.description,
      theme: rec.theme,
      actions: rec.actions.map(itemJson),
    })),
    historyChain: chainHeadsJson(historyChain),
  };
}

const COLUMNS = [
  "proposal",
  "type",
  "code",
  "recommendation",
  "title",
  "theme",
  "leadAgency",
  "status",
  "progress",
  "health",
  "startDate",
  "dueDate",
  "overdue",
  "evidence",
  "sampleData",
] as const;

/**
 * The open data as CSV for spreadsheets: UTF-8 with BOM, CRLF, formulas neutralised; one row per item,
 * then one with the history chains' heads (label, heads, the other cells empty).
 */
export function publicCsv(
  progress: PublicProgress,
  locale: Locale,
  historyChain: readonly ChainHead[] = [],
): string {
  const t = exportTranslator(locale);
  const local = (value: PublicText | null) => (value ? localized(locale, value.zh, value.en) : "");
  const yesNo = (value: boolean) => t(value ? "public.csv.yes" : "public.csv.no");
  const row = (
    item: PublicItem,
    type: "recommendation" | "action",
    recommendation: string,
    theme: string,
  ) => [
    progress.proposal.code,
    t(`public.csv.${type}`),
    item.code,
    recommendation,
    local(item.title),
    theme,
    local(item.leadAgency),
    t(`status.${item.status}`),
    item.progress,
    t(`health.${item.health}`),
    day(item.startDate) ?? "",
    day(item.dueDate) ?? "",
    yesNo(item.overdue),
    // One line per piece of evidence: its title, address (or, for one that is only a file, its files'
    // names: the JSON has their download addresses), and whether it is verified or only claimed.
    item.evidence
      .map(
        (evidence) =>
          `${local(evidence.title)} ${evidence.url ?? evidence.files.map((file) => file.name).join(" ")} ${t(evidence.verifiedAt ? "public.csv.verified" : "public.csv.claimed")}`,
      )
      .join("\n"),
    yesNo(progress.proposal.isSample),
  ];
  const rows = progress.recommendations.flatMap((rec) => [
    row(rec, "recommendation", rec.code, local(rec.theme)),
    ...rec.actions.map((action) => row(action, "action", rec.code, local(rec.theme))),
  ]);
  const cells = rows.map((cells) =>
    cells.map((cell) => (typeof cell === "string" ? neutralise(cell) : cell)),
  );
  const chain = chainHeadsLine(historyChain, locale).map(neutralise);
  const chainRow = [...chain, ...COLUMNS.slice(chain.length).map(() => "")];
  return stringify([COLUMNS.map((column) => t(`public.csv.column.${column}`)), ...cells, chainRow], {
    bom: true,
    record_delimiter: "\r\n",
  });
}
