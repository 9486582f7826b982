// The progress report as an A4 PDF (pdfkit), Chinese or English, with the shipped CJK font embedded
// (subset) so that it reads the same on any machine. Built in memory; nothing is fetched.
import type { Font } from "fontkit";
import PDFDocument from "pdfkit";
import { chainHeadsLine, chainHowToCheck } from "@/lib/history-chain/heads-format";
import { CHART_SCALE, renderReportCharts } from "./charts";
import type { ReportData } from "./data";
import { boldFont, regularFont } from "./fonts";
import { type ReportLabels, reportLabels } from "./labels";
import { type Narratives, narrativeOf } from "./narrative";
import type { ReportRequest } from "./schema";
import {
  actionsTable,
  movedTable,
  overdueTable,
  type ReportCell,
  type ReportTable,
  supervisionBlocks,
} from "./tables";

const MARGIN = 56;
const A4_WIDTH = 595.28;
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN;
const INK = "#0f172a";
const MUTED = "#475569";
const RULE = "#cbd5e1";
const LINK = "#1d4ed8";

type Doc = PDFKit.PDFDocument;

/** The bottom of the writable area of the current page. */
const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
function keepSpace(doc: Doc, height: number) {
  if (doc.y + height > bottomOf(doc)) doc.addPage();
}

function heading(doc: Doc, text: string, size = 15) {
  keepSpace(doc, size * 4);
  doc.moveDown(0.6);
  doc.font("bold").fontSize(size).fillColor(INK).text(text, MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, options: { color?: string; size?: number } = {}) {
  doc
    .font("regular")
    .fontSize(options.size ?? 10.5)
    .fillColor(options.color ?? INK)
    .text(text, MARGIN, doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
}

/** "Label: value" lines of a section, label in bold. */
function facts(doc: Doc, labels: ReportLabels, rows: [string, string][]) {
  for (const [label, value] of rows) {
    keepSpace(doc, 16);
    doc
      .font("bold")
      .fontSize(10)
      .fillColor(MUTED)
      .text(`${label}${labels.colon}`, MARGIN, doc.y, { continued: true });
    doc.font("regular").fillColor(INK).text(value, { width: CONTENT_WIDTH, lineGap: 1.5 });
  }
}

/** Short facts four to a row, each its label above its value. */
function grid(doc: Doc, cells: [string, string][]) {
  const perRow = 4;
  const width = CONTENT_WIDTH / perRow;
  for (let start = 0; start < cells.length; start += perRow) {
    const row = cells.slice(start, start + perRow);
    doc.font("regular").fontSize(10);
    const height = 14 + Math.max(...row.map(([, value]) => doc.heightOfString(value, { width: width - 8 })));
    keepSpace(doc, height + 4);
    const top = doc.y;
    row.forEach(([label, value], index) => {
      const x = MARGIN + index * width;
      doc
        .font("regular")
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(label, x, top, { width: width - 8 });
      doc
        .font("bold")
        .fontSize(10)
        .fillColor(INK)
        .text(value, x, top + 12, { width: width - 8 });
    });
    doc.x = MARGIN;
    doc.y = top + height + 4;
  }
}

/** A table with a header row that is repeated on every page it runs onto. */
function table(doc: Doc, { columns, rows }: ReportTable) {
  const padding = 3;
  const size = 9;
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => (column.width / total) * CONTENT_WIDTH);
  const cellText = (cell: ReportCell) => (typeof cell === "string" ? cell : cell.text);
  const rowHeight = (cells: ReportCell[], font: string) => {
    doc.font(font).fontSize(size);
    return (
      Math.max(
        ...cells.map((cell, index) =>
          doc.heightOfString(cellText(cell) || " ", { width: (widths[index] ?? 0) - 2 * padding }),
        ),
      ) +
      2 * padding
    );
  };
  const drawRow = (cells: ReportCell[], font: string, shaded: boolean) => {
    const height = rowHeight(cells, font);
    const top = doc.y;
    if (shaded) doc.rect(MARGIN, top, CONTENT_WIDTH, height).fill("#f1f5f9");
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      const link = typeof cell === "string" ? undefined : cell.link;
      doc
        .font(font)
        .fontSize(size)
        .fillColor(link ? LINK : INK)
        .text(cellText(cell), x + padding, top + padding, {
          width: width - 2 * padding,
          lineGap: 0.5,
          ...(link ? { link, underline: true } : {}),
        });
      x += width;
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + CONTENT_WIDTH, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  const header = columns.map((column) => column.header);
  keepSpace(doc, rowHeight(header, "bold") + 20);
  drawRow(header, "bold", true);
  for (const row of rows) {
    if (doc.y + rowHeight(row, "regular") > bottomOf(doc)) {
      doc.addPage();
      drawRow(header, "bold", true);
    }
    drawRow(row, "regular", false);
  }
  doc.moveDown(0.5);
}

/** The size of a PNG, from its header. */
function pngSize(png: Buffer) {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function chart(doc: Doc, title: string, png: Buffer) {
  const size = pngSize(png);
  const width = Math.min(CONTENT_WIDTH, (size.width / CHART_SCALE) * 0.75);
  const height = (width * size.height) / size.width;
  keepSpace(doc, height + 40);
  heading(doc, title, 12);
  doc.image(png, MARGIN + (CONTENT_WIDTH - width) / 2, doc.y, { width, height });
  doc.y += height + 8;
}

function cover(doc: Doc, data: ReportData, labels: ReportLabels, generatedAt: Date) {
  const { doc: t } = labels;
  doc.y = 200;
  doc
    .font("bold")
    .fontSize(22)
    .fillColor(INK)
    .text(labels.reportTitle(), MARGIN, doc.y, { width: CONTENT_WIDTH, align: "center", lineGap: 6 });
  doc.moveDown(2.5);
  doc.fontSize(12);
  const lines: [string, string][] = [
    [t("proposalCode"), data.proposal.code],
    [t("deputy"), labels.author],
    [t("session"), labels.session],
    [t("asOf"), labels.date(data.asOf)],
    [t("compareTo"), labels.date(data.compareTo)],
    [t("generatedAt"), labels.dateTime(generatedAt)],
  ];
  for (const [label, value] of lines) {
    doc
      .font("bold")
      .fontSize(12)
      .fillColor(MUTED)
      .text(`${label}${labels.colon}`, MARGIN + 60, doc.y, { continued: true });
    doc
      .font("regular")
      .fillColor(INK)
      .text(value, { width: CONTENT_WIDTH - 120, lineGap: 6 });
  }
  // The history chains' heads: a reader of this copy can check later that the record extends it.
  doc.moveDown(2);
  const [chainLabel, chainHeads] = chainHeadsLine(data.historyChain, labels.locale);
  paragraph(doc, `${chainLabel}${labels.colon}${chainHeads}`, { color: MUTED, size: 9 });
  paragraph(doc, chainHowToCheck(labels.locale), { color: MUTED, size: 9 });
  if (data.proposal.isSample) {
    doc.moveDown(3);
    paragraph(doc, t("sampleNotice"), { color: "#92400e", size: 10 });
  }
}

function headline(doc: Doc, data: ReportData, labels: ReportLabels) {
  const { doc: t } = labels;
  heading(doc, t("headline"));
  const figures: [string, string][] = [
    [t("items"), String(data.headline.items)],
    [t("completed"), String(data.headline.completed)],
    [t("inProgress"), String(data.headline.inProgress)],
    [t("stalled"), String(data.headline.stalled)],
    [t("notStarted"), String(data.headline.notStarted)],
    [t("overdue"), String(data.headline.overdue)],
    [t("averageProgress"), labels.percent(data.headline.averageProgress)],
  ];
  const perRow = 4;
  const gap = 8;
  const width = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const height = 46;
  const top = doc.y;
  figures.forEach(([label, value], index) => {
    const x = MARGIN + (index % perRow) * (width + gap);
    const y = top + Math.floor(index / perRow) * (height + gap);
    doc.roundedRect(x, y, width, height, 4).lineWidth(0.6).strokeColor(RULE).stroke();
    doc
      .font("regular")
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, x + 8, y + 6, { width: width - 16 });
    doc
      .font("bold")
      .fontSize(16)
      .fillColor(INK)
      .text(value, x + 8, y + 20, { width: width - 16 });
  });
  doc.x = MARGIN;
  doc.y = top + Math.ceil(figures.length / perRow) * (height + gap);
}

function section(
  doc: Doc,
  item: ReportData["sections"][number],
  labels: ReportLabels,
  narratives: Narratives | undefined,
) {
  const { doc: t } = labels;
  heading(doc, `${item.code}  ${labels.title(item)}`, 13);
  const names = (agencies: { nameZh: string; nameEn: string | null }[]) =>
    agencies.length ? agencies.map(labels.agency).join(labels.comma) : t("none");
  grid(doc, [
    [t("status"), labels.status(item.status)],
    [t("progress"), labels.percent(item.progress)],
    [t("health"), labels.health(item.health)],
    [t("dueDate"), labels.date(item.dueDate)],
    [t("replyClass"), labels.replyClass(item.replyClass)],
    [t("satisfaction"), labels.satisfaction(item.satisfaction)],
  ]);
  facts(doc, labels, [
    [t("leadAgency"), names(item.leadAgencies)],
    [t("coAgencies"), names(item.coAgencies)],
  ]);
  // 情况说明: the edited narrative or the latest comments, a paragraph each.
  keepSpace(doc, 40);
  doc.moveDown(0.3);
  doc
    .font("bold")
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${t("narrative")}${labels.colon}`, MARGIN, doc.y);
  const narrative = narrativeOf(item, labels, narratives);
  if (narrative.length === 0) paragraph(doc, t("noNarrative"), { size: 10 });
  for (const line of narrative) {
    keepSpace(doc, 28);
    paragraph(doc, line, { size: 10 });
  }
  if (item.actions.length) {
    doc.moveDown(0.4);
    table(doc, actionsTable(item.actions, labels));
  }
  // 延期 and 督办单, as in the Word report.
  for (const block of supervisionBlocks(item, labels)) {
    keepSpace(doc, 30);
    doc.moveDown(0.3);
    doc
      .font("bold")
      .fontSize(10)
      .fillColor(MUTED)
      .text(`${labels.supervision(block.heading)}${labels.colon}`, MARGIN, doc.y);
    if (block.table) table(doc, block.table);
    else paragraph(doc, labels.supervision(block.none), { size: 10 });
  }
  keepSpace(doc, 30);
  doc
    .font("bold")
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${t("evidence")}${labels.colon}`, MARGIN, doc.y);
  if (item.evidence.length === 0) paragraph(doc, t("none"), { size: 10 });
  for (const link of item.evidence) {
    keepSpace(doc, 28);
    const meta = [
      labels.evidenceKind(link.kind),
      link.publisher,
      link.publishedAt ? labels.date(link.publishedAt) : null,
      labels.verification(link.verified),
    ]
      .filter(Boolean)
      .join(" · ");
    doc
      .font("regular")
      .fontSize(10)
      .fillColor(link.url ? LINK : INK)
      .text(`• ${labels.title(link)}`, MARGIN + 8, doc.y, {
        width: CONTENT_WIDTH - 8,
        link: link.url ?? undefined,
        underline: link.url !== null,
      });
    // A piece that is only a file has no address: its files' names instead.
    const files = link.files.length ? t("evidenceFiles", { names: link.files.join(labels.comma) }) : "";
    doc
      .fontSize(8.5)
      .fillColor(MUTED)
      .text([meta, link.url, files].filter(Boolean).join("  "), MARGIN + 16, doc.y, {
        width: CONTENT_WIDTH - 16,
        link: link.url ?? undefined,
      });
  }
  doc.x = MARGIN;
}

/** pdfkit takes a parsed fontkit font as well as a file (PDFFontFactory.open); its types say only a file. */
const asFontSource = (font: Font) => font as unknown as string;

/** The report as a PDF file. */
export async function renderReportPdf(
  data: ReportData,
  request: Pick<ReportRequest, "locale"> & { narrative?: Narratives },
  generatedAt: Date = new Date(),
): Promise<Buffer> {
  const labels = reportLabels(request.locale, data);
  const { doc: t } = labels;
  const charts = await renderReportCharts(data, labels);
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // Starting in the shipped font spares pdfkit loading its built-in Helvetica metrics.
    font: asFontSource(regularFont()),
    lang: request.locale,
    displayTitle: true,
    info: { Title: labels.reportTitle(), Author: labels.author, CreationDate: generatedAt },
  });
  doc.registerFont("regular", asFontSource(regularFont()));
  doc.registerFont("bold", asFontSource(boldFont()));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  cover(doc, data, labels, generatedAt);
  doc.addPage();
  if (data.sections.length === 0) {
    heading(doc, t("headline"));
    paragraph(doc, t("noItems"));
  } else {
    headline(doc, data, labels);
    if (charts) {
      chart(doc, t("statusChart"), charts.status);
      chart(doc, t("progressChart"), charts.progress);
      chart(doc, t("timelineChart"), charts.timeline);
    }
    doc.addPage();
    heading(doc, t("recommendations"), 17);
    for (const item of data.sections) section(doc, item, labels, request.narrative);

    heading(doc, t("overdueList"));
    if (data.overdue.length === 0) paragraph(doc, t("noOverdue"));
    else table(doc, overdueTable(data.overdue, labels));
  }

  heading(doc, t("moved", { from: labels.date(data.compareTo), to: labels.date(data.asOf) }));
  if (data.moved.length === 0) paragraph(doc, t("movedNone"));
  else table(doc, movedTable(data.moved, labels));

  // Page numbers, once the page count is known; in the bottom margin, so no page break is triggered.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("regular")
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(t("page", { page: index + 1, pages: range.count }), MARGIN, doc.page.height - 36, {
        width: CONTENT_WIDTH,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
