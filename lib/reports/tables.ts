// The tables both report files hold (PDF and Word): their columns, with widths relative to one another,
// and their rows. Each renderer lays them out in its own way.
import type { ReportData } from "./data";
import type { ReportLabels } from "./labels";

export type ReportCell = string | { text: string; link?: string };
/**
 * A column's header, its width relative to the others, and whether its text must never break across
 * lines (a date: "2026年12月31/日" misreads), so that a renderer widens it to hold its longest text.
 */
export type ReportColumn = { header: string; width: number; unbroken?: boolean };
export type ReportTable = { columns: ReportColumn[]; rows: ReportCell[][] };

/** A recommendation's actions. */
export function actionsTable(
  actions: ReportData["sections"][number]["actions"],
  labels: ReportLabels,
): ReportTable {
  const { doc: t } = labels;
  return {
    columns: [
      { header: t("code"), width: 9 },
      { header: t("actions"), width: 37 },
      { header: t("status"), width: 12 },
      { header: t("progress"), width: 11 },
      { header: t("health"), width: 11 },
      { header: t("dueDate"), width: 20, unbroken: true },
    ],
    rows: actions.map((action) => [
      action.code,
      labels.title(action),
      labels.status(action.status),
      labels.percent(action.progress),
      labels.health(action.health),
      labels.date(action.dueDate),
    ]),
  };
}

/** A recommendation's extension requests (延期): asked, the date asked for, the decision, the reason. */
function extensionsTable(
  extensions: ReportData["sections"][number]["extensions"],
  labels: ReportLabels,
): ReportTable {
  const { supervision: t } = labels;
  return {
    columns: [
      { header: t("askedOn"), width: 18, unbroken: true },
      { header: t("newDate"), width: 18, unbroken: true },
      { header: t("state"), width: 12 },
      { header: t("reason"), width: 52 },
    ],
    rows: extensions.map((request) => [
      labels.date(request.askedOn),
      labels.date(request.newDate),
      t(`stateValue.${request.state}`),
      request.reason,
    ]),
  };
}

/** A recommendation's supervision notices (督办单): level, issued, answer due, answered. */
function noticesTable(notices: ReportData["sections"][number]["notices"], labels: ReportLabels): ReportTable {
  const { supervision: t } = labels;
  return {
    columns: [
      { header: t("level"), width: 10 },
      { header: t("issuedOn"), width: 20, unbroken: true },
      { header: t("answerDue"), width: 20, unbroken: true },
      { header: t("answeredOn"), width: 20, unbroken: true },
    ],
    rows: notices.map((notice) => [
      labels.level(notice.level),
      labels.date(notice.issuedOn),
      labels.date(notice.answerDue),
      notice.answeredOn ? labels.date(notice.answeredOn) : t("notAnswered"),
    ]),
  };
}

/**
 * 延期 and 督办单 under a recommendation, in the order both files show them: each block's heading (a
 * supervision label) and its table, or, when it has no rows, the line that says so.
 */
export function supervisionBlocks(
  item: ReportData["sections"][number],
  labels: ReportLabels,
): { heading: "extensions" | "notices"; table: ReportTable | null; none: "noExtensions" | "noNotices" }[] {
  return [
    {
      heading: "extensions",
      table: item.extensions.length ? extensionsTable(item.extensions, labels) : null,
      none: "noExtensions",
    },
    {
      heading: "notices",
      table: item.notices.length ? noticesTable(item.notices, labels) : null,
      none: "noNotices",
    },
  ];
}

/** The items past their due date and not done. */
export function overdueTable(items: ReportData["overdue"], labels: ReportLabels): ReportTable {
  const { doc: t } = labels;
  return {
    columns: [
      { header: t("code"), width: 12 },
      { header: t("titleColumn"), width: 44 },
      { header: t("status"), width: 14 },
      { header: t("progress"), width: 10 },
      { header: t("dueDate"), width: 20, unbroken: true },
    ],
    rows: items.map((item) => [
      item.code,
      labels.title(item),
      labels.status(item.status),
      labels.percent(item.progress),
      labels.date(item.dueDate),
    ]),
  };
}

/** What moved between the comparison day and the as-of day: status and progress, before → after. */
export function movedTable(items: ReportData["moved"], labels: ReportLabels): ReportTable {
  const { doc: t } = labels;
  return {
    columns: [
      { header: t("code"), width: 12 },
      { header: t("titleColumn"), width: 40 },
      { header: t("status"), width: 26 },
      { header: t("progress"), width: 22 },
    ],
    rows: items.map((item) => [
      item.code,
      labels.title(item),
      `${labels.status(item.before.status)} → ${labels.status(item.after.status)}`,
      `${labels.percent(item.before.progress)} → ${labels.percent(item.after.progress)}`,
    ]),
  };
}
