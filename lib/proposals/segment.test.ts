import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SAMPLE_PROPOSAL, SAMPLE_RECOMMENDATIONS } from "@/prisma/sample-data";
import {
  deriveTitle,
  type EntryRecommendationPlan,
  joinSegmentation,
  keepsAllText,
  mergeParts,
  normalizeProposalText,
  parseChineseNumber,
  planEntry,
  removePart,
  renumberParts,
  type Segmentation,
  SUB_ITEM_MODES,
  segmentProposalText,
  splitPart,
} from "./segment";

// The test texts are the seed's own recommendations, each its title then its source quote (the
// interview's words, line breaks and half-width commas as they are), numbered in every style.
const RECOMMENDATIONS = SAMPLE_RECOMMENDATIONS.map((rec) => ({ title: rec.titleZh, body: rec.sourceQuote }));
const TITLES = RECOMMENDATIONS.map((rec) => rec.title);
const PART_TEXTS = RECOMMENDATIONS.map((rec) => `${rec.title}。${rec.body}`);
const source = readFileSync(new URL("../../prisma/sample-source.txt", import.meta.url), "utf8");

const CHINESE = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
const chinese = (n: number) => CHINESE[n] ?? String(n);

/** The eight recommendations, each opened by `marker(n)` on its own line. */
function numbered(marker: (n: number) => string): string {
  return RECOMMENDATIONS.map((rec, i) => `${marker(i + 1)}${rec.title}。${rec.body}`).join("\n");
}

const PREAMBLE =
  `${SAMPLE_PROPOSAL.titleZh}\n` +
  "王延峰是上海人工智能实验室主任助理、上海交通大学人工智能研究院副院长。他持续关注全球大模型的战略发展趋势和路径选择问题," +
  "带领团队率先布局了医疗领域大模型的研发,并取得了国际领先的成果,包括全球第一个超过人类医生的胸片诊断大模型、全球第一个开源医疗多模态放射基础模型。\n" +
  "为此建议如下：";
const CLOSING = "以上建议，请予研究采纳。\n建议人：王延峰\n2024年1月20日";

/**
 * Nothing is lost: preamble, section headings, parts and closing, in order, cover the normalised text
 * with only whitespace between them, each piece's text is its stretch of the text, and joined they
 * give back every character but whitespace.
 */
function expectNothingLost(segmentation: Segmentation): void {
  const { text, preamble, sections, parts, closing } = segmentation;
  for (const piece of [preamble, closing]) {
    if (piece) expect(text.slice(piece.start, piece.end)).toBe(piece.text);
  }
  for (const piece of [...sections, ...parts]) {
    expect(text.slice(piece.start, piece.textStart).trim()).toBe(piece.marker);
    expect(text.slice(piece.textStart, piece.end)).toBe(piece.text);
  }
  const pieces = [
    ...(preamble ? [{ ...preamble, whole: preamble.text }] : []),
    ...[...sections, ...parts].map((piece) => ({ ...piece, whole: piece.marker + piece.text })),
    ...(closing ? [{ ...closing, whole: closing.text }] : []),
  ].sort((a, b) => a.start - b.start);
  let covered = 0;
  for (const piece of pieces) {
    expect(text.slice(covered, piece.start).trim(), `only whitespace before ${piece.start}`).toBe("");
    covered = piece.end;
  }
  expect(text.slice(covered).trim()).toBe("");
  const withoutSpace = (value: string) => value.replace(/\s/g, "");
  expect(withoutSpace(pieces.map((piece) => piece.whole).join(""))).toBe(withoutSpace(text));
  // The segmenter's own check agrees, and the text was split, not handed back whole.
  expect(keepsAllText(segmentation)).toBe(true);
  expect(segmentation.unsplit).toBe(false);
  // What the review saves keeps it all too, whichever becomes of the sub-items.
  for (const mode of SUB_ITEM_MODES) {
    const plan = planEntry(sections, parts, mode);
    expect(withoutSpace(joinPlan(segmentation, plan)), `the ${mode} plan keeps all`).toBe(withoutSpace(text));
  }
}

/** Preamble, each planned recommendation (marker, quote) and its actions, closing: joined. */
function joinPlan(segmentation: Segmentation, plan: readonly EntryRecommendationPlan[]): string {
  return [
    segmentation.preamble?.text ?? "",
    ...plan.flatMap((rec) => [
      rec.marker + rec.quote,
      ...rec.actions.map((action) => action.marker + action.quote),
    ]),
    segmentation.closing?.text ?? "",
  ].join("\n");
}

function segment(text: string): Segmentation {
  const segmentation = segmentProposalText(text);
  expectNothingLost(segmentation);
  return segmentation;
}

describe("Chinese numerals", () => {
  it("reads 1 to 99 and refuses what is not a numeral", () => {
    expect(["一", "九", "十", "十一", "十九", "二十", "二十三", "九十九"].map(parseChineseNumber)).toEqual([
      1, 9, 10, 11, 19, 20, 23, 99,
    ]);
    expect(["一一", "十十", "二十十", "十二三", "", "百"].map(parseChineseNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("normalising pasted text", () => {
  it("turns CRLF into LF, drops indentation and trailing spaces, reads full-width spaces as spaces", () => {
    expect(
      normalizeProposalText("\ufeff　　一、标题。\r\n　　正文　第二句。  \r\n\r\n\r\n\r\n二、下一条\r"),
    ).toBe("一、标题。\n正文 第二句。\n\n二、下一条");
  });
});

describe("titles", () => {
  it("are the heading sentence, up to the first 。；： or line break", () => {
    expect(deriveTitle("集中力量研发基础大模型。大模型市场……")).toBe("集中力量研发基础大模型");
    expect(deriveTitle("完善算力支持；为青年科学家……")).toBe("完善算力支持");
    expect(deriveTitle("建设测试平台：通过定向选择……")).toBe("建设测试平台");
    expect(deriveTitle("语料数据联盟\n据研究预测……")).toBe("语料数据联盟");
  });

  it("give a long heading sentence's first clause, or its first 39 characters and an ellipsis", () => {
    const quote = RECOMMENDATIONS[3]?.body ?? "";
    expect(deriveTitle(quote)).toBe("借鉴美国万亿参数联盟的模式");
    const long = "大".repeat(60);
    expect(deriveTitle(long)).toBe(`${"大".repeat(39)}…`);
  });
});

describe("segmenting the seed's recommendations, one numbering style at a time", () => {
  const styles: [string, (n: number) => string][] = [
    ["一、", (n) => `${chinese(n)}、`],
    ["（一）", (n) => `（${chinese(n)}）`],
    ["(一) half-width", (n) => `(${chinese(n)})`],
    ["1.", (n) => `${n}. `],
    ["1、", (n) => `${n}、`],
    ["1．", (n) => `${n}．`],
    ["（1）", (n) => `（${n}）`],
    ["1)", (n) => `${n}) `],
    ["①", (n) => String.fromCodePoint(0x2460 + n - 1)],
    ["第一，", (n) => `第${chinese(n)}，`],
    ["第一、", (n) => `第${chinese(n)}、`],
  ];

  it.each(styles)("splits the eight recommendations numbered %s", (_, marker) => {
    const segmentation = segment(numbered(marker));
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.parts.map((part) => part.text)).toEqual(PART_TEXTS);
    expect(segmentation.parts.map((part) => part.code)).toEqual([
      "R1",
      "R2",
      "R3",
      "R4",
      "R5",
      "R6",
      "R7",
      "R8",
    ]);
    expect(segmentation.parts.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(segmentation.parts.map((part) => part.marker.trim())).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => marker(n).trim()),
    );
    expect(segmentation.sections).toEqual([]);
    expect(segmentation.preamble).toBeNull();
    expect(segmentation.closing).toBeNull();
  });

  it("keeps the source quote of each part, its paragraphs included", () => {
    const segmentation = segment(numbered((n) => `${chinese(n)}、`));
    for (const [i, rec] of RECOMMENDATIONS.entries()) {
      expect(segmentation.parts[i]?.text.endsWith(rec.body)).toBe(true);
    }
    expect(segmentation.parts[0]?.text).toContain("\n因此,我们应重点聚焦");
  });

  it("reads 十一、 and 十二、 in a longer list", () => {
    const items = Array.from({ length: 12 }, (_, i) => `${chinese(i + 1)}、第${i + 1}项建议的标题。正文。`);
    const segmentation = segment(items.join("\n"));
    expect(segmentation.parts.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(segmentation.parts[11]?.title).toBe("第12项建议的标题");
  });

  it("splits 第一，第二，… standing inside one paragraph, after each full stop", () => {
    const paragraph = `为此建议：${RECOMMENDATIONS.map((rec, i) => `第${chinese(i + 1)}，${rec.title}。${rec.body.replace(/\n/g, "")}`).join("")}`;
    const segmentation = segment(paragraph);
    expect(segmentation.preamble?.text).toBe("为此建议：");
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
  });

  it("accepts a list that mixes 1. 1、 1． and full- and half-width parentheses", () => {
    const segmentation = segment(
      "1.集中力量研发基础大模型。\n2、算力与科研资源支持。\n3．完全开源开放。\n（4）不在这一层。\n4. 产业联盟与行业融合。",
    );
    expect(segmentation.parts.map((part) => part.title)).toEqual([
      "集中力量研发基础大模型",
      "算力与科研资源支持",
      "完全开源开放",
      "产业联盟与行业融合",
    ]);
    expect(segmentation.parts[2]?.text).toBe("完全开源开放。\n（4）不在这一层。");
    const parens = segment("（一)基础模型。\n(二）算力。\n(三)开源。");
    expect(parens.parts.map((part) => part.title)).toEqual(["基础模型", "算力", "开源"]);
  });
});

describe("nested numbering", () => {
  // Three section headings over the eight recommendations: R1 R2 R6 / R3 R4 / R5 R7 R8.
  const SECTIONS = [
    { heading: "打造基础模型与算力高地", items: [0, 1, 5] },
    { heading: "构建开源开放的产业生态", items: [2, 3] },
    { heading: "完善治理与人才支撑", items: [4, 6, 7] },
  ];
  const ORDER = SECTIONS.flatMap((section) => section.items);

  function sectioned(item: (n: number, overall: number) => string): string {
    let overall = 0;
    return SECTIONS.map((section, s) => {
      const items = section.items.map((r, i) => {
        overall++;
        const rec = RECOMMENDATIONS[r];
        return `${item(i + 1, overall)}${rec?.title}。${rec?.body}`;
      });
      return [`${chinese(s + 1)}、${section.heading}`, ...items].join("\n");
    }).join("\n");
  }

  it("takes the （一） items under 一、 section headings as the recommendations, the headings as context", () => {
    const segmentation = segment(`${PREAMBLE}\n${sectioned((n) => `（${chinese(n)}）`)}\n${CLOSING}`);
    expect(segmentation.levels).toEqual(["chinese", "chinese-paren"]);
    expect(segmentation.sections.map((section) => section.title)).toEqual(SECTIONS.map((s) => s.heading));
    expect(segmentation.sections.map((section) => section.marker)).toEqual(["一、", "二、", "三、"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(ORDER.map((r) => TITLES[r]));
    expect(segmentation.parts.map((part) => part.section)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
    expect(segmentation.parts.map((part) => part.marker)).toEqual([
      "（一）",
      "（二）",
      "（三）",
      "（一）",
      "（二）",
      "（一）",
      "（二）",
      "（三）",
    ]);
    expect(segmentation.parts.map((part) => part.code)).toEqual([
      "R1",
      "R2",
      "R3",
      "R4",
      "R5",
      "R6",
      "R7",
      "R8",
    ]);
    expect(segmentation.preamble?.text).toBe(normalizeProposalText(PREAMBLE));
    expect(segmentation.closing?.text).toBe(CLOSING);
  });

  it("takes 1. items under 一、 headings, numbered anew in each section", () => {
    const segmentation = segment(sectioned((n) => `${n}. `));
    expect(segmentation.levels).toEqual(["chinese", "arabic"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(ORDER.map((r) => TITLES[r]));
    expect(segmentation.parts.map((part) => part.number)).toEqual([1, 2, 3, 1, 2, 1, 2, 3]);
  });

  it("takes 1. items under 一、 headings, numbered on across the sections", () => {
    const segmentation = segment(sectioned((_, overall) => `${overall}. `));
    expect(segmentation.parts.map((part) => part.title)).toEqual(ORDER.map((r) => TITLES[r]));
    expect(segmentation.parts.map((part) => part.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(segmentation.parts.map((part) => part.section)).toEqual([0, 0, 0, 1, 1, 2, 2, 2]);
  });

  it("takes a section's list after a line that introduces it", () => {
    const text = [
      "一、基础模型与算力",
      "为此，建议如下：",
      "（一）集中力量研发基础大模型。应集中力量办大事。",
      "（二）算力与科研资源支持。提供充足的算力。",
      "二、开源生态",
      "（一）完全开源开放。实施完全开源开放的策略。",
      "（二）产业联盟与行业融合。借鉴美国万亿参数联盟的模式。",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.sections.map((section) => [section.title, section.text])).toEqual([
      ["基础模型与算力", "基础模型与算力\n为此，建议如下："],
      ["开源生态", "开源生态"],
    ]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES.slice(0, 4));
  });

  it("keeps points under each 一、 recommendation's own text in that recommendation", () => {
    const text = RECOMMENDATIONS.map(
      (rec, i) => `${chinese(i + 1)}、${rec.title}。${rec.body}\n1. 制定方案。\n2. 组织实施。`,
    ).join("\n");
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual(["chinese"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
  });

  it("takes a section without a list as a recommendation of its own", () => {
    const text = [
      "一、基础模型与算力",
      "（一）集中力量研发基础大模型。应集中力量办大事。",
      "（二）算力与科研资源支持。提供充足的算力。",
      "二、完全开源开放。实施完全开源开放的策略。",
      "三、应用与治理",
      "（一）容错的应用测试平台。建立有容错能力的大模型应用测试平台。",
      "（二）以应用为导向。超越榜单的局限。",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.parts.map((part) => part.title)).toEqual([
      "集中力量研发基础大模型",
      "算力与科研资源支持",
      "完全开源开放",
      "容错的应用测试平台",
      "以应用为导向",
    ]);
    expect(segmentation.parts.map((part) => part.section)).toEqual([0, 0, null, 1, 1]);
    expect(segmentation.sections.map((section) => section.title)).toEqual(["基础模型与算力", "应用与治理"]);
  });

  it("leaves the problems section before the recommendations section in the preamble", () => {
    const text = [
      "关于加快大模型发展的建议",
      "一、存在的问题",
      "（一）研发力量分散。零散和低效的努力难以取得领先地位。",
      "（二）算力受限。青年科学家未能充分参与主流创新研究。",
      "二、对策建议",
      "（一）集中力量研发基础大模型。专注于研发 1-2 个真正高质量的基础大模型。",
      "（二）算力与科研资源支持。提供充足的算力和科研资源支持。",
      "（三）完全开源开放。实施完全开源开放的策略。",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.parts.map((part) => part.title)).toEqual([
      "集中力量研发基础大模型",
      "算力与科研资源支持",
      "完全开源开放",
    ]);
    expect(segmentation.sections.map((section) => section.title)).toEqual(["对策建议"]);
    expect(segmentation.preamble?.text).toContain("（二）算力受限");
  });

  it("reads a whole proposal: situation and problems as background, eight measures, a signature", () => {
    const text = [
      `${SAMPLE_PROPOSAL.titleZh}`,
      "领衔代表：王延峰",
      "一、基本情况",
      "ChatGPT 掀起的通用人工智能热潮仍在快速向前,产业竞争关键要素日渐明确,中美在通用人工智能领域的竞争也进入更高的战略层面。",
      "二、存在的问题",
      "（一）研发力量分散。零散和低效的努力难以取得领先地位。",
      "（二）算力受限。由于算力等资源的限制,青年科学家往往未能充分参与大模型的主流创新研究。",
      "三、意见建议",
      ...SAMPLE_RECOMMENDATIONS.map((rec, i) => `（${chinese(i + 1)}）${rec.titleZh}。${rec.descriptionZh}`),
      "",
      "建议人：王延峰",
      "2024年1月",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual(["chinese", "chinese-paren"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.parts.map((part) => part.text)).toEqual(
      SAMPLE_RECOMMENDATIONS.map((rec) => `${rec.titleZh}。${rec.descriptionZh}`),
    );
    expect(segmentation.sections.map((section) => section.title)).toEqual(["意见建议"]);
    expect(segmentation.preamble?.text).toMatch(/^关于上海.*（二）算力受限。.*$/s);
    expect(segmentation.closing?.text).toBe("建议人：王延峰\n2024年1月");
  });

  it("leaves situation and problems written as prose in the preamble, before the listed measures", () => {
    const text = [
      "一、基本情况",
      "中美在通用人工智能领域的竞争也进入更高的战略层面。",
      "二、存在的主要问题",
      "零散和低效的努力难以取得领先地位。",
      "三、对策建议",
      "（一）集中力量研发基础大模型。应集中力量办大事。",
      "（二）算力与科研资源支持。提供充足的算力。",
      "（三）完全开源开放。实施完全开源开放的策略。",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES.slice(0, 3));
    expect(segmentation.sections.map((section) => section.title)).toEqual(["对策建议"]);
    expect(segmentation.preamble?.text).toMatch(/^一、基本情况\n.*\n二、存在的主要问题\n零散/);
  });

  it("does not take a recommendation that solves a problem for background", () => {
    const text = [
      "一、解决研发力量分散问题",
      "（一）集中力量研发基础大模型。应集中力量办大事。",
      "（二）算力与科研资源支持。提供充足的算力。",
      "二、完善开源生态措施",
      "（一）完全开源开放。实施完全开源开放的策略。",
      "（二）产业联盟与行业融合。借鉴美国万亿参数联盟的模式。",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.preamble).toBeNull();
    expect(segmentation.sections.map((section) => section.title)).toEqual([
      "解决研发力量分散问题",
      "完善开源生态措施",
    ]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES.slice(0, 4));
  });

  it("keeps details numbered inside one recommendation in that recommendation", () => {
    // R4 lists its fields as 一是…二是…, R5 as (1)(2), R7 as ①②; the recommendations stay eight.
    const details: Record<number, string> = {
      3: "一是媒体领域,与中央广播电视总台合作；二是金融领域,与银行合作；三是平台企业。",
      4: "\n（1）监测大模型创新测试。\n（2）汇集跨学科专家,鼓励公众参与。",
      6: "①联合大学、研究院；②探索共建特区型的人工智能学院。",
    };
    const text = RECOMMENDATIONS.map(
      (rec, i) => `${i + 1}. ${rec.title}。${rec.body}${details[i] ?? ""}`,
    ).join("\n");
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual(["arabic"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.parts[4]?.text).toContain("（2）汇集跨学科专家");
  });

  it("keeps 一是…二是… inside every recommendation's paragraph in that recommendation", () => {
    const text = RECOMMENDATIONS.map(
      (rec, i) => `${chinese(i + 1)}、${rec.title}。一是${rec.body.replace(/\n/g, "")}；二是加强统筹。`,
    ).join("\n");
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual(["chinese"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
  });

  it("keeps points listed under each recommendation's own text in that recommendation", () => {
    const text = RECOMMENDATIONS.map(
      (rec, i) => `（${chinese(i + 1)}）${rec.title}。${rec.body}\n1. 制定方案。\n2. 组织实施。`,
    ).join("\n");
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual(["chinese-paren"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.parts[7]?.text.endsWith("\n1. 制定方案。\n2. 组织实施。")).toBe(true);
  });

  it("takes the points under short headings as the recommendations, whatever the heading's style", () => {
    const text =
      "1. 基础模型\n（1）集中力量研发基础大模型。\n（2）算力与科研资源支持。\n2. 开源生态\n（1）完全开源开放。\n（2）产业联盟与行业融合。";
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual(["arabic", "arabic-paren"]);
    expect(segmentation.sections.map((section) => section.title)).toEqual(["基础模型", "开源生态"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES.slice(0, 4));
  });

  it("keeps a list with details under the first of three items a flat list", () => {
    const text =
      "1. 集中力量研发基础大模型。\n（1）遴选团队。\n（2）统筹资源。\n2. 算力与科研资源支持。\n3. 完全开源开放。";
    const segmentation = segment(text);
    expect(segmentation.sections).toEqual([]);
    expect(segmentation.parts.map((part) => part.title)).toEqual([
      "集中力量研发基础大模型",
      "算力与科研资源支持",
      "完全开源开放",
    ]);
  });
});

describe("mixed levels: the top level is the recommendation, the next its actions", () => {
  // The text of issue 15: 一、 headings, each over （一）（二） items.
  const DATA = [
    "一、完善公共数据开放制度体系",
    "（一）制定公共数据开放条例。明确开放的范围、方式和责任。",
    "（二）建立开放目录动态更新机制。每季度更新一次。",
    "二、推动数据要素市场化配置",
    "（一）培育数据交易场所。支持数据交易所扩大业务。",
    "（二）探索数据资产入表。开展试点。",
  ];
  const HEADINGS = ["完善公共数据开放制度体系", "推动数据要素市场化配置"];
  const ITEMS = ["制定公共数据开放条例", "建立开放目录动态更新机制", "培育数据交易场所", "探索数据资产入表"];
  const INTRO = "关于加快公共数据开放的建议\n我市公共数据开放工作起步较早，但仍有不足。为此建议如下：";
  const END = "以上建议，请予研究。\n建议人：张三\n2025年1月15日";

  /** The recommendations and, under each, its actions' titles, as the default (actions) plan gives them. */
  function outline(text: string) {
    const segmentation = segment(text);
    return planEntry(segmentation.sections, segmentation.parts, "actions").map((rec) => [
      rec.code,
      rec.title,
      rec.actions.map((action) => `${action.code} ${action.title}`),
    ]);
  }
  const DATA_OUTLINE = [
    ["R1", HEADINGS[0], [`R1.1 ${ITEMS[0]}`, `R1.2 ${ITEMS[1]}`]],
    ["R2", HEADINGS[1], [`R2.1 ${ITEMS[2]}`, `R2.2 ${ITEMS[3]}`]],
  ];

  /** The issue's text with its sub-items numbered by `sub(n)` and its headings by `top(n)`. */
  function data(top: (n: number) => string, sub: (n: number, overall: number) => string): string {
    let heading = 0;
    let item = 0;
    let overall = 0;
    return DATA.map((line) => {
      if (/^[一二]、/.test(line)) {
        heading++;
        item = 0;
        return `${top(heading)}${line.slice(2)}`;
      }
      item++;
      overall++;
      return `${sub(item, overall)}${line.slice(3)}`;
    }).join("\n");
  }
  const TEXT = DATA.join("\n");

  it("keeps the 一、 headings: each is a recommendation, its （一） items the actions", () => {
    const segmentation = segment(TEXT);
    expect(segmentation.sections.map((section) => section.title)).toEqual(HEADINGS);
    expect(outline(TEXT)).toEqual(DATA_OUTLINE);
    const [first] = planEntry(segmentation.sections, segmentation.parts, "actions");
    expect(first?.quote).toBe(HEADINGS[0]);
    expect(first?.actions[0]?.quote).toBe("制定公共数据开放条例。明确开放的范围、方式和责任。");
  });

  it("or, at the admin's choice, the items as recommendations, each heading opening its first one's quote", () => {
    const segmentation = segment(TEXT);
    const plan = planEntry(segmentation.sections, segmentation.parts, "recommendations");
    expect(plan.map((rec) => [rec.code, rec.title, rec.actions.length])).toEqual([
      ["R1", ITEMS[0], 0],
      ["R2", ITEMS[1], 0],
      ["R3", ITEMS[2], 0],
      ["R4", ITEMS[3], 0],
    ]);
    expect(plan[0]?.marker).toBe("一、");
    expect(plan[0]?.quote).toBe(`${HEADINGS[0]}\n（一）制定公共数据开放条例。明确开放的范围、方式和责任。`);
    expect(plan[1]?.quote).toBe("建立开放目录动态更新机制。每季度更新一次。");
  });

  const variants: [string, string][] = [
    ["with a preamble", `${INTRO}\n${TEXT}`],
    ["with a closing", `${TEXT}\n${END}`],
    ["with a preamble and a closing", `${INTRO}\n${TEXT}\n${END}`],
    [
      "with half-width (一)",
      data(
        (n) => `${chinese(n)}、`,
        (n) => `(${chinese(n)})`,
      ),
    ],
    [
      "with 1. items",
      data(
        (n) => `${chinese(n)}、`,
        (n) => `${n}. `,
      ),
    ],
    [
      "with 1、 items numbered on across the headings",
      data(
        (n) => `${chinese(n)}、`,
        (_, all) => `${all}、`,
      ),
    ],
    [
      "with （1） items",
      data(
        (n) => `${chinese(n)}、`,
        (n) => `（${n}）`,
      ),
    ],
    [
      "with ① items",
      data(
        (n) => `${chinese(n)}、`,
        (n) => String.fromCodePoint(0x2460 + n - 1),
      ),
    ],
    [
      "with （一） headings over 1. items",
      data(
        (n) => `（${chinese(n)}）`,
        (n) => `${n}. `,
      ),
    ],
    [
      "with 1. headings over （1） items",
      data(
        (n) => `${n}. `,
        (n) => `（${n}）`,
      ),
    ],
    [
      "with 第一条 headings over （一） items",
      data(
        (n) => `第${chinese(n)}条 `,
        (n) => `（${chinese(n)}）`,
      ),
    ],
    [
      "with 第一条 headings over 1. items, a preamble and a closing",
      `${INTRO}\n${data(
        (n) => `第${chinese(n)}条 `,
        (n) => `${n}. `,
      )}\n${END}`,
    ],
    [
      "with （三） opening the second heading's items",
      data(
        (n) => `${chinese(n)}、`,
        (_, all) => `（${chinese(all)}）`,
      ),
    ],
    [
      "with a line that introduces each list",
      TEXT.replace("体系\n", "体系\n具体建议如下：\n").replace("配置\n", "配置\n具体建议如下：\n"),
    ],
    [
      "with CRLF and full-width indentation",
      `${INTRO}\n${TEXT}\n${END}`
        .split("\n")
        .map((line) => `　　${line}`)
        .join("\r\n"),
    ],
  ];

  it.each(variants)("gives the same recommendations and actions %s", (_, text) => {
    const titles = outline(text).map(([code, title, actions]) => [code, title, (actions as string[]).length]);
    expect(titles).toEqual([
      ["R1", HEADINGS[0], 2],
      ["R2", HEADINGS[1], 2],
    ]);
    expect(outline(text).flatMap(([, , actions]) => actions)).toEqual(
      DATA_OUTLINE.flatMap(([, , actions]) => actions),
    );
  });

  it("reads 第一条 第二条 as a list of its own, but not 第一条路", () => {
    const articles = segment(
      "第一条 建立公共数据开放制度。\n第二条 完善数据安全管理。\n第三条 走出第一条路。",
    );
    expect(articles.levels).toEqual(["article"]);
    expect(articles.parts.map((part) => [part.marker, part.title])).toEqual([
      ["第一条", "建立公共数据开放制度"],
      ["第二条", "完善数据安全管理"],
      ["第三条", "走出第一条路"],
    ]);
    expect(segment("第一条路已经走通。第二条路还很长。").parts).toHaveLength(1);
  });

  it("keeps a third level (1. under （一） under 一、) in its action's quote", () => {
    const text = TEXT.replace("每季度更新一次。", "每季度更新一次。\n1. 明确更新责任。\n2. 公布更新日志。");
    expect(outline(text)).toEqual(DATA_OUTLINE);
    const segmentation = segment(text);
    const plan = planEntry(segmentation.sections, segmentation.parts, "actions");
    expect(plan[0]?.actions[1]?.quote).toBe(
      "建立开放目录动态更新机制。每季度更新一次。\n1. 明确更新责任。\n2. 公布更新日志。",
    );
  });

  it("makes a heading without items a recommendation without actions, between the others", () => {
    const text = [
      ...DATA.slice(0, 3),
      "二、加强数据安全保障。建立分类分级制度。",
      "三、推动数据要素市场化配置",
      ...DATA.slice(4),
    ].join("\n");
    expect(outline(text)).toEqual([
      DATA_OUTLINE[0],
      ["R2", "加强数据安全保障", []],
      ["R3", HEADINGS[1], [`R3.1 ${ITEMS[2]}`, `R3.2 ${ITEMS[3]}`]],
    ]);
  });

  it("leaves background headings in the preamble and takes the measures under 三、 as actions", () => {
    const text = [
      "一、基本情况",
      "我市已开放数据集三千余个。",
      "二、存在的主要问题",
      "（一）开放数据质量不高。",
      "（二）更新不及时。",
      "三、对策建议",
      "（一）制定公共数据开放条例。明确责任。",
      "（二）建立开放目录动态更新机制。每季度更新。",
    ].join("\n");
    const segmentation = segment(text);
    expect(segmentation.preamble?.text).toMatch(/^一、基本情况[\s\S]*更新不及时。$/);
    expect(outline(text)).toEqual([["R1", "对策建议", [`R1.1 ${ITEMS[0]}`, `R1.2 ${ITEMS[1]}`]]]);
  });

  it("keeps a flat 一、 list flat, its (1) details inside each recommendation", () => {
    const text =
      "一、制定公共数据开放条例。具体包括：(1)明确范围；(2)明确责任。\n二、建立开放目录动态更新机制。每季度更新。";
    expect(outline(text)).toEqual([
      ["R1", ITEMS[0], []],
      ["R2", ITEMS[1], []],
    ]);
  });

  it("keeps a heading whose items were all removed in the review, as a recommendation of its own", () => {
    const segmentation = segment(TEXT);
    const parts = removePart(removePart(segmentation.parts, 0), 0);
    const plan = planEntry(segmentation.sections, parts, "actions");
    expect(plan.map((rec) => [rec.code, rec.title, rec.actions.length])).toEqual([
      ["R1", HEADINGS[0], 0],
      ["R2", HEADINGS[1], 2],
    ]);
  });

  it("joins its pieces back to the text, and flags a split that would not", () => {
    const segmentation = segment(`${INTRO}\n${TEXT}\n${END}`);
    expect(joinSegmentation(segmentation).replace(/\s/g, "")).toBe(segmentation.text.replace(/\s/g, ""));
    const dropped = { ...segmentation, sections: [] };
    expect(keepsAllText(dropped)).toBe(false);
    const twice = { ...segmentation, parts: [...segmentation.parts, ...segmentation.parts.slice(0, 1)] };
    expect(keepsAllText(twice)).toBe(false);
  });
});

describe("preamble, closing and prose", () => {
  it("separates a preamble and a closing from the parts", () => {
    const segmentation = segment(`${PREAMBLE}\n${numbered((n) => `${chinese(n)}、`)}\n${CLOSING}`);
    expect(segmentation.preamble?.text).toBe(normalizeProposalText(PREAMBLE));
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.parts[7]?.text).toBe(PART_TEXTS[7]);
    expect(segmentation.closing?.text).toBe(CLOSING);
  });

  it("knows a closing sentence at the end of the last paragraph and a 特此建议 line", () => {
    const inline = segment(`${numbered((n) => `${n}. `)}以上建议妥否，请审议。`);
    expect(inline.parts[7]?.text).toBe(PART_TEXTS[7]);
    expect(inline.closing?.text).toBe("以上建议妥否，请审议。");
    const formula = segment(`${numbered((n) => `第${chinese(n)}，`)}\n特此建议。`);
    expect(formula.closing?.text).toBe("特此建议。");
  });

  it("does not split on 第一个, 一方面, 1.5万 or 1. 2亿 in prose", () => {
    const prose = [
      "一方面,从 CES 的 “玩家” 来看,中国企业参与数连年上升,今年超过 1000 家。",
      "全球第一个超过人类医生的胸片诊断大模型已经问世。第一次会议上提出。",
      "1.5万名开发者参与了开源社区。1. 2亿元的投入还不够。",
      "统一是前提,另一方面也要看到差距。",
    ].join("\n");
    expect(segment(prose).parts).toHaveLength(1);
    const segmentation = segment(`${prose}\n${numbered((n) => `${n}. `)}`);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.preamble?.text).toBe(prose);
  });

  it("ignores markers out of sequence", () => {
    // A stray 3. before the list and a (二) without a (一) do not split.
    const text = `3.5 倍的差距。\n3. 这是正文里的一句话。\n${numbered((n) => `${chinese(n)}、`)}\n（二）不成列。`;
    const segmentation = segment(text);
    expect(segmentation.parts.map((part) => part.title)).toEqual(TITLES);
    expect(segmentation.parts[7]?.text.endsWith("（二）不成列。")).toBe(true);
  });

  it("gives the same split for CRLF text indented with full-width spaces", () => {
    const lf = `${PREAMBLE}\n${numbered((n) => `（${chinese(n)}）`)}\n${CLOSING}`;
    const crlf = lf
      .split("\n")
      .map((line) => `　　${line}　 `)
      .join("\r\n");
    const a = segment(lf);
    const b = segment(crlf);
    expect(b.text).toBe(a.text);
    expect(b.parts).toEqual(a.parts);
    expect(b.parts.map((part) => part.title)).toEqual(TITLES);
  });

  it("gives text without numbering as one part, and empty text as none", () => {
    const text = RECOMMENDATIONS[0]?.body ?? "";
    const segmentation = segment(text);
    expect(segmentation.levels).toEqual([]);
    expect(segmentation.parts).toHaveLength(1);
    expect(segmentation.parts[0]).toMatchObject({ code: "R1", marker: "", number: null, text, start: 0 });
    expect(segmentation.parts[0]?.title).toBe("大模型市场的 “赢者通吃” 特性强化了国内研发策略调整的必要性");
    expect(segment(" \r\n　").parts).toEqual([]);
  });

  it("splits 首先…其次…最后 and 第一…第二…最后, but not 最后一公里", () => {
    const words = segment("首先，要集中力量。其次，要开源。最后，要以应用为导向。");
    expect(words.parts.map((part) => [part.marker, part.number, part.title])).toEqual([
      ["首先，", 1, "要集中力量"],
      ["其次，", 2, "要开源"],
      ["最后，", 3, "要以应用为导向"],
    ]);
    const ordinals = segment(
      `${numbered((n) => `第${chinese(n)}，`)}\n最后，打通最后一公里。最后一公里很难。`,
    );
    expect(ordinals.parts.map((part) => part.title)).toEqual([...TITLES, "打通最后一公里"]);
    expect(ordinals.parts[8]?.number).toBe(9);
    expect(segment("最后，一句话。").parts[0]?.marker).toBe("");
  });

  it("splits the source's own 首先…其次…第三 answer into its three points", () => {
    const answer = source.split("\n").slice(42, 45).join("\n");
    const segmentation = segment(answer);
    expect(segmentation.levels).toEqual(["ordinal"]);
    expect(segmentation.preamble?.text).toMatch(/^王延峰:虽然当前算力发展/);
    expect(segmentation.parts.map((part) => part.marker)).toEqual(["首先,", "其次", "第三,"]);
    expect(segmentation.parts.map((part) => part.title)).toEqual([
      "硬件上技术创新的潜力巨大",
      "从软件层面,优化模型的训练和推理的计算也是提升算力效率的重要手段",
      "随着新的模型架构和训练策略的突破",
    ]);
  });

  it("loses nothing of the whole source interview", () => {
    expect(segment(source).text).toBe(normalizeProposalText(source));
  });
});

describe("reviewing the parts", () => {
  const segmentation = segmentProposalText(numbered((n) => `${chinese(n)}、`));
  const parts = segmentation.parts;

  it("merges a part with the next, keeping the second's marker, and renumbers", () => {
    const merged = mergeParts(parts, 1);
    expect(merged).toHaveLength(7);
    expect(merged.map((part) => part.code)).toEqual(["R1", "R2", "R3", "R4", "R5", "R6", "R7"]);
    expect(merged[1]?.title).toBe(TITLES[1]);
    expect(merged[1]?.text).toBe(`${PART_TEXTS[1]}\n三、${PART_TEXTS[2]}`);
    expect(segmentation.text.slice(merged[1]?.textStart, merged[1]?.end)).toBe(merged[1]?.text);
    expect(merged[2]?.title).toBe(TITLES[3]);
  });

  it("splits a part at an offset, re-deriving both titles and the offsets", () => {
    const text = "集中力量研发基础大模型。应集中力量办大事。（二）研发团队。重点聚焦于少数团队。";
    const one = segmentProposalText(text);
    const split = splitPart(one.parts, 0, text.indexOf("（二）"));
    expect(split.map((part) => [part.code, part.marker, part.title])).toEqual([
      ["R1", "", "集中力量研发基础大模型"],
      ["R2", "（二）", "研发团队"],
    ]);
    for (const part of split) {
      expect(one.text.slice(part.textStart, part.end)).toBe(part.text);
      expect(one.text.slice(part.start, part.textStart)).toBe(part.marker);
    }
    const atSentence = splitPart(parts, 0, PART_TEXTS[0]?.indexOf("因此,我们") ?? 0);
    expect(atSentence).toHaveLength(9);
    expect(atSentence[1]?.title).toBe(
      "因此,我们应重点聚焦于建立和强化少数高效、高水平的大模型研发团队,这不仅是提升…",
    );
    expect(atSentence[0]?.text).not.toMatch(/\s$/);
  });

  it("undoes a split by merging", () => {
    const offset = PART_TEXTS[0]?.indexOf("因此,我们") ?? 0;
    expect(mergeParts(splitPart(parts, 0, offset), 0)).toEqual(parts);
  });

  it("removes a part and renumbers; renumbers with another prefix", () => {
    expect(removePart(parts, 0).map((part) => [part.code, part.title])[0]).toEqual(["R1", TITLES[1]]);
    expect(renumberParts(parts, "S").map((part) => part.code)[7]).toBe("S8");
  });

  it("refuses parts that do not exist and splits that leave an empty part", () => {
    expect(() => mergeParts(parts, 7)).toThrow(RangeError);
    expect(() => mergeParts(parts, -1)).toThrow(RangeError);
    expect(() => splitPart(parts, 8, 3)).toThrow(RangeError);
    expect(() => splitPart(parts, 0, 0)).toThrow(RangeError);
    expect(() => splitPart(parts, 0, PART_TEXTS[0]?.length ?? 0)).toThrow(RangeError);
    expect(() => removePart(parts, 8)).toThrow(RangeError);
  });
});
