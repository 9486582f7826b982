// The progress report as a Word document laid out like an official handling report
// (《关于〈…〉办理情况的报告》: title, addressee, body by recommendation with tables, closing and date),
// editable in Word and WPS. Fonts are named, not embedded: 宋体/黑体/楷体/仿宋 are on every Chinese
// Windows and in WPS; the English report uses Times New Roman and Arial.
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { chainHeadsLine, chainHowToCheck } from "@/lib/history-chain/heads-format";
import { CHART_SCALE, renderReportCharts } from "./charts";
import type { ReportData } from "./data";
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

// A4 with the margins of the national standard for official documents (GB/T 9704), in twips.
const PAGE = { width: 11906, height: 16838 };
const MARGINS = { top: 2098, bottom: 1984, left: 1587, right: 1474 };
const CONTENT_TWIPS = PAGE.width - MARGINS.left - MARGINS.right;
const CONTENT_PIXELS = Math.floor((CONTENT_TWIPS / 1440) * 96);

const FONTS = {
  "zh-CN": { title: "宋体", heading: "黑体", subheading: "楷体", body: "仿宋", latin: "Times New Roman" },
  en: {
    title: "Times New Roman",
    heading: "Arial",
    subheading: "Arial",
    body: "Times New Roman",
    latin: "Times New Roman",
  },
} as const;

// Tables and pictures do not keep the body's exact line pitch (it would clip a picture).
const TABLE_LINE = { line: 300, lineRule: "auto" } as const;
const SINGLE_LINE = { line: 240, lineRule: "auto" } as const;

/** Every paragraph keeps at least two lines together at a page break (widow and orphan control). */
const paragraph = (options: ConstructorParameters<typeof Paragraph>[0] & object) =>
  new Paragraph({ widowControl: true, ...options });

const font = (eastAsia: string, latin: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

/** 1 → 一, 12 → 十二: the numbering of an official document's sections. */
function chineseNumber(value: number): string {
  const digits = "〇一二三四五六七八九";
  if (value < 10) return digits[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens > 1 ? digits[tens] : ""}十${ones ? digits[ones] : ""}`;
}

const CELL_MARGIN = 80;

/**
 * About how wide `text` is at `size` half-points, in twips, generously: a Chinese character an em,
 * a Latin letter or digit 0.6 em (Times New Roman's digits are 0.5 em; a substituted font's wider),
 * and a quarter em where Chinese meets Latin (Word and LibreOffice space "2025 年 12 月" apart).
 */
function textTwips(text: string, size: number) {
  let ems = 0;
  let previousWide: boolean | null = null;
  for (const character of text) {
    const wide = (character.codePointAt(0) ?? 0) >= 0x2e80;
    ems += wide ? 1 : 0.6;
    if (previousWide !== null && wide !== previousWide && character.trim() !== "") ems += 0.25;
    previousWide = wide;
  }
  return Math.ceil(ems * size * 10) + 40;
}

/**
 * The columns' widths in twips: in proportion to their relative widths, except that an unbroken
 * column (dates) is at least as wide as its longest text; the others share what is left.
 */
function columnWidths({ columns, rows }: ReportTable, size: number) {
  const cellText = (cell: ReportCell | undefined) => (typeof cell === "string" ? cell : (cell?.text ?? ""));
  const needed = columns.map((column, index) =>
    column.unbroken
      ? Math.max(
          textTwips(column.header, size),
          ...rows.map((row) => textTwips(cellText(row[index]), size)),
        ) +
        2 * CELL_MARGIN
      : 0,
  );
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const proportional = columns.map((column) => (column.width / total) * CONTENT_TWIPS);
  const fixed = columns.map((column, index) =>
    column.unbroken ? Math.max(proportional[index] ?? 0, needed[index] ?? 0) : 0,
  );
  const fixedTotal = fixed.reduce((sum, width) => sum + width, 0);
  const restTotal = columns.reduce(
    (sum, column, index) => sum + (column.unbroken ? 0 : (proportional[index] ?? 0)),
    0,
  );
  const scale = restTotal > 0 ? (CONTENT_TWIPS - fixedTotal) / restTotal : 1;
  return columns.map((column, index) =>
    Math.round(column.unbroken ? (fixed[index] ?? 0) : (proportional[index] ?? 0) * scale),
  );
}

/** Spaces in a date ("December 31, 2026") that must not break a line. */
const unbrokenText = (text: string) => text.replace(/ /g, "\u00a0");

function table(report: ReportTable, labels: ReportLabels) {
  const { columns, rows } = report;
  const size = labels.locale === "en" ? 18 : 24; // 9 pt / 小四
  const widths = columnWidths(report, size);
  const cell = (content: ReportCell, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E2E8F0" } : undefined,
      margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
      children: [
        paragraph({
          spacing: TABLE_LINE,
          children: [
            typeof content === "string" || !content.link
              ? new TextRun({
                  text: ((text: string) => (columns[index]?.unbroken ? unbrokenText(text) : text))(
                    typeof content === "string" ? content : content.text,
                  ),
                  bold: header,
                  size,
                })
              : new ExternalHyperlink({
                  link: content.link,
                  children: [new TextRun({ text: content.text, style: "Hyperlink", size })],
                }),
          ],
        }),
      ],
    });
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((column, index) => cell(column.header, index, true)),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((content, index) => cell(content, index, false)),
          }),
      ),
    ],
  });
}

function chartImage(png: Buffer) {
  const width = png.readUInt32BE(16) / CHART_SCALE;
  const height = png.readUInt32BE(20) / CHART_SCALE;
  const scale = Math.min(1, CONTENT_PIXELS / width);
  return paragraph({
    alignment: AlignmentType.CENTER,
    spacing: SINGLE_LINE,
    children: [
      new ImageRun({
        type: "png",
        data: png,
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
      }),
    ],
  });
}

/** The report as a .docx file. */
export async function renderReportDocx(
  data: ReportData,
  request: Pick<ReportRequest, "locale"> & { narrative?: Narratives },
  generatedAt: Date = new Date(),
): Promise<Buffer> {
  const labels = reportLabels(request.locale, data);
  const { doc: t } = labels;
  const fonts = FONTS[request.locale];
  const english = request.locale === "en";
  const charts = await renderReportCharts(data, labels);
  const indent = english ? undefined : { firstLine: 640 }; // two characters of 三号
  const body = (text: string) => paragraph({ indent, children: [new TextRun(text)] });
  const sectionNumber = (index: number) => (english ? `${index}. ` : `${chineseNumber(index)}、`);
  const subNumber = (index: number) => (english ? `${index}. ` : `（${chineseNumber(index)}）`);
  const list = (items: string[]) => (items.length ? items.join(labels.comma) : t("none"));

  const title =
    data.proposal.titleZh.endsWith("建议") || english ? "officialTitleOfProposal" : "officialTitle";
  const children: (Paragraph | Table)[] = [
    paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(t(title, { title: labels.proposalTitle }))],
    }),
    paragraph({ children: [new TextRun(t("addressee", { name: labels.author }))] }),
    body(
      t("opening", { session: labels.session, title: labels.proposalTitle, asOf: labels.date(data.asOf) }),
    ),
  ];
  if (data.proposal.isSample) {
    children.push(body(t("sampleNotice")));
  }

  let section = 1;
  children.push(
    paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(`${sectionNumber(section++)}${t("overall")}`)],
    }),
  );
  if (data.sections.length === 0) {
    children.push(body(t("noItems")));
  } else {
    const h = data.headline;
    children.push(
      body(
        t("overallText", {
          asOf: labels.date(data.asOf),
          items: h.items,
          completed: h.completed,
          inProgress: h.inProgress,
          stalled: h.stalled,
          notStarted: h.notStarted,
          overdue: h.overdue,
          progress: labels.percent(h.averageProgress),
        }),
      ),
      table(
        {
          columns: [
            { header: t("items"), width: 1 },
            { header: t("completed"), width: 1 },
            { header: t("inProgress"), width: 1 },
            { header: t("stalled"), width: 1 },
            { header: t("notStarted"), width: 1 },
            { header: t("overdue"), width: 1 },
            { header: t("averageProgress"), width: 1 },
          ],
          rows: [
            [h.items, h.completed, h.inProgress, h.stalled, h.notStarted, h.overdue]
              .map(String)
              .concat(labels.percent(h.averageProgress)),
          ],
        },
        labels,
      ),
    );
    if (charts) {
      for (const [key, png] of [
        ["statusChart", charts.status],
        ["progressChart", charts.progress],
        ["timelineChart", charts.timeline],
      ] as const) {
        children.push(
          // The caption stays on the page of its chart.
          paragraph({
            heading: HeadingLevel.HEADING_3,
            alignment: AlignmentType.CENTER,
            keepNext: true,
            keepLines: true,
            children: [new TextRun(t(key))],
          }),
          chartImage(png),
        );
      }
    }

    children.push(
      paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${sectionNumber(section++)}${t("sectionRecommendations")}`)],
      }),
    );
    data.sections.forEach((item, index) => {
      children.push(
        paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(`${subNumber(index + 1)}${item.code} ${labels.title(item)}`)],
        }),
        table(
          {
            columns: [
              { header: t("status"), width: 1 },
              { header: t("progress"), width: 1 },
              { header: t("health"), width: 1 },
              { header: t("dueDate"), width: 1.4, unbroken: true },
              { header: t("replyClass"), width: 1.6 },
              { header: t("satisfaction"), width: 1.2 },
            ],
            rows: [
              [
                labels.status(item.status),
                labels.percent(item.progress),
                labels.health(item.health),
                labels.date(item.dueDate),
                labels.replyClass(item.replyClass),
                labels.satisfaction(item.satisfaction),
              ],
            ],
          },
          labels,
        ),
        body(`${t("leadAgency")}${labels.colon}${list(item.leadAgencies.map(labels.agency))}`),
        body(`${t("coAgencies")}${labels.colon}${list(item.coAgencies.map(labels.agency))}`),
      );
      // 情况说明: the edited narrative or the latest comments, a paragraph each.
      const narrative = narrativeOf(item, labels, request.narrative);
      children.push(
        paragraph({
          indent,
          keepNext: true,
          children: [new TextRun({ text: `${t("narrative")}${labels.colon}`, bold: true })],
        }),
        ...(narrative.length ? narrative : [t("noNarrative")]).map(body),
      );
      if (item.actions.length) {
        children.push(table(actionsTable(item.actions, labels), labels));
      }
      // 延期 and 督办单: each request and notice of the recommendation, or a line saying there is none.
      const tSupervision = labels.supervision;
      for (const block of supervisionBlocks(item, labels)) {
        children.push(
          paragraph({
            indent,
            keepNext: block.table !== null,
            children: [new TextRun({ text: `${tSupervision(block.heading)}${labels.colon}`, bold: true })],
          }),
          block.table ? table(block.table, labels) : body(tSupervision(block.none)),
        );
      }
      children.push(
        paragraph({
          indent,
          children: [new TextRun({ text: `${t("evidence")}${labels.colon}`, bold: true })],
        }),
        ...(item.evidence.length
          ? item.evidence.map((link) => {
              const meta = [
                labels.evidenceKind(link.kind),
                link.publisher,
                labels.verification(link.verified),
              ];
              const parts = meta.filter(Boolean);
              return paragraph({
                indent,
                children: [
                  link.url
                    ? new ExternalHyperlink({
                        link: link.url,
                        children: [new TextRun({ text: labels.title(link), style: "Hyperlink" })],
                      })
                    : new TextRun({ text: labels.title(link) }),
                  new TextRun({ text: english ? ` (${parts.join(", ")})` : `（${parts.join("，")}）` }),
                  ...(link.files.length
                    ? [
                        new TextRun({
                          text: ` ${t("evidenceFiles", { names: link.files.join(labels.comma) })}`,
                        }),
                      ]
                    : []),
                ],
              });
            })
          : [body(t("none"))]),
      );
    });

    children.push(
      paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${sectionNumber(section++)}${t("sectionOverdue")}`)],
      }),
      data.overdue.length ? table(overdueTable(data.overdue, labels), labels) : body(t("noOverdue")),
    );
  }

  children.push(
    paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [
        new TextRun(
          `${sectionNumber(section++)}${t("moved", { from: labels.date(data.compareTo), to: labels.date(data.asOf) })}`,
        ),
      ],
    }),
    data.moved.length ? table(movedTable(data.moved, labels), labels) : body(t("movedNone")),
    // 特此报告, the lead agency's 落款 and the date stay together: neither the date nor the sender
    // may open a page of its own.
    paragraph({ indent, keepNext: true, keepLines: true, children: [new TextRun(t("closing"))] }),
    ...(data.sender
      ? [
          paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 480 },
            keepNext: true,
            keepLines: true,
            children: [new TextRun(labels.agency(data.sender))],
          }),
        ]
      : []),
    paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: data.sender ? undefined : { before: 480 },
      keepLines: true,
      children: [new TextRun(unbrokenText(labels.date(generatedAt)))],
    }),
    // The history chains' heads, as a note (附注) below the date, where an official document has its
    // notes: a reader of this copy can check later that the record extends it.
    paragraph({
      indent,
      spacing: { before: 320 },
      children: [
        new TextRun({
          text: english
            ? `(${chainHeadsLine(data.historyChain, labels.locale).join(labels.colon)}. ${chainHowToCheck(labels.locale)}.)`
            : `（${chainHeadsLine(data.historyChain, labels.locale).join(labels.colon)}。${chainHowToCheck(labels.locale)}。）`,
          size: english ? 20 : 24,
        }),
      ],
    }),
  );

  const document = new Document({
    title: labels.reportTitle(),
    creator: labels.author,
    styles: {
      default: {
        document: {
          run: { font: font(fonts.body, fonts.latin), size: english ? 24 : 32 },
          // 28 pt exactly: the line pitch of an official document (22 lines a page).
          paragraph: {
            spacing: english ? { line: 300, lineRule: "auto" } : { line: 560, lineRule: "exact" },
          },
        },
        title: {
          run: { font: font(fonts.title, fonts.title), size: english ? 36 : 44, bold: true, color: "000000" },
          paragraph: { spacing: { before: 240, after: 480 } },
        },
        heading1: {
          run: {
            font: font(fonts.heading, fonts.heading),
            size: english ? 28 : 32,
            bold: english,
            color: "000000",
          },
          // A heading never ends a page: it stays with what it heads.
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
        },
        heading2: {
          run: {
            font: font(fonts.subheading, fonts.subheading),
            size: english ? 26 : 32,
            bold: true,
            color: "000000",
          },
          paragraph: { spacing: { before: 200, after: 100 }, keepNext: true, keepLines: true },
        },
        heading3: {
          run: { font: font(fonts.heading, fonts.heading), size: 24, color: "334155" },
          paragraph: { spacing: { before: 200, after: 60 }, keepNext: true, keepLines: true },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGINS } },
        footers: {
          default: new Footer({
            children: [
              paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ["— ", PageNumber.CURRENT, " —"],
                    size: 28,
                    font: font("宋体", fonts.latin),
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
