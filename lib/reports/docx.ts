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
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { CHART_SCALE, renderReportCharts } from "./charts";
import type { ReportData } from "./data";
import { type ReportLabels, reportLabels } from "./labels";
import { type Narratives, narrativeOf } from "./narrative";
import type { ReportRequest } from "./schema";
import { actionsTable, movedTable, overdueTable, type ReportCell, type ReportTable } from "./tables";

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

const font = (eastAsia: string, latin: string) => ({ ascii: latin, hAnsi: latin, eastAsia, cs: latin });

/** 1 → 一, 12 → 十二: the numbering of an official document's sections. */
function chineseNumber(value: number): string {
  const digits = "〇一二三四五六七八九";
  if (value < 10) return digits[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens > 1 ? digits[tens] : ""}十${ones ? digits[ones] : ""}`;
}

function table({ columns, rows }: ReportTable, labels: ReportLabels) {
  const total = columns.reduce((sum, column) => sum + column.width, 0);
  const widths = columns.map((column) => Math.round((column.width / total) * CONTENT_TWIPS));
  const size = labels.locale === "en" ? 18 : 24; // 9 pt / 小四
  const cell = (content: ReportCell, index: number, header: boolean) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: "E2E8F0" } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          spacing: TABLE_LINE,
          children: [
            typeof content === "string" || !content.link
              ? new TextRun({
                  text: typeof content === "string" ? content : content.text,
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
  return new Paragraph({
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
  const body = (text: string) => new Paragraph({ indent, children: [new TextRun(text)] });
  const sectionNumber = (index: number) => (english ? `${index}. ` : `${chineseNumber(index)}、`);
  const subNumber = (index: number) => (english ? `${index}. ` : `（${chineseNumber(index)}）`);
  const list = (items: string[]) => (items.length ? items.join(labels.comma) : t("none"));

  const title =
    data.proposal.titleZh.endsWith("建议") || english ? "officialTitleOfProposal" : "officialTitle";
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(t(title, { title: labels.proposalTitle }))],
    }),
    new Paragraph({ children: [new TextRun(t("addressee", { name: labels.author }))] }),
    body(
      t("opening", { session: labels.session, title: labels.proposalTitle, asOf: labels.date(data.asOf) }),
    ),
  ];
  if (data.proposal.isSample) {
    children.push(body(t("sampleNotice")));
  }

  let section = 1;
  children.push(
    new Paragraph({
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
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(t(key))],
          }),
          chartImage(png),
        );
      }
    }

    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${sectionNumber(section++)}${t("sectionRecommendations")}`)],
      }),
    );
    data.sections.forEach((item, index) => {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(`${subNumber(index + 1)}${item.code} ${labels.title(item)}`)],
        }),
        table(
          {
            columns: [
              { header: t("status"), width: 1 },
              { header: t("progress"), width: 1 },
              { header: t("health"), width: 1 },
              { header: t("dueDate"), width: 1.4 },
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
        new Paragraph({
          indent,
          keepNext: true,
          children: [new TextRun({ text: `${t("narrative")}${labels.colon}`, bold: true })],
        }),
        ...(narrative.length ? narrative : [t("noNarrative")]).map(body),
      );
      if (item.actions.length) {
        children.push(table(actionsTable(item.actions, labels), labels));
      }
      children.push(
        new Paragraph({
          indent,
          children: [new TextRun({ text: `${t("evidence")}${labels.colon}`, bold: true })],
        }),
        ...(item.evidence.length
          ? item.evidence.map(
              (link) =>
                new Paragraph({
                  indent,
                  children: [
                    new ExternalHyperlink({
                      link: link.url,
                      children: [new TextRun({ text: labels.title(link), style: "Hyperlink" })],
                    }),
                    new TextRun({
                      text: english
                        ? ` (${[labels.evidenceKind(link.kind), link.publisher].filter(Boolean).join(", ")})`
                        : `（${[labels.evidenceKind(link.kind), link.publisher].filter(Boolean).join("，")}）`,
                    }),
                  ],
                }),
            )
          : [body(t("none"))]),
      );
    });

    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(`${sectionNumber(section++)}${t("sectionOverdue")}`)],
      }),
      data.overdue.length ? table(overdueTable(data.overdue, labels), labels) : body(t("noOverdue")),
    );
  }

  children.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [
        new TextRun(
          `${sectionNumber(section++)}${t("moved", { from: labels.date(data.compareTo), to: labels.date(data.asOf) })}`,
        ),
      ],
    }),
    data.moved.length ? table(movedTable(data.moved, labels), labels) : body(t("movedNone")),
    body(t("closing")),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      children: [new TextRun(labels.date(generatedAt))],
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
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: {
            font: font(fonts.subheading, fonts.subheading),
            size: english ? 26 : 32,
            bold: true,
            color: "000000",
          },
          paragraph: { spacing: { before: 200, after: 100 } },
        },
        heading3: {
          run: { font: font(fonts.heading, fonts.heading), size: 24, color: "334155" },
          paragraph: { spacing: { before: 200, after: 60 } },
        },
      },
    },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGINS } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
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
