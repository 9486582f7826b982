import { describe, expect, it } from "vitest";
import { extractPromises, splitSentences } from "./extract";

const REPLY = "2025-04-15";

/** [sentence, due day or null, title (or a part of it), aspirational?] — null result: no action. */
type Case = [string, { due: string | null; title: string; aspirational?: boolean } | null];

const PROMISES: Case[] = [
  [
    "我委将于2025年6月底前出台《上海市大模型创新集聚区建设行动方案》。",
    { due: "2025-06-30", title: "出台《上海市大模型创新集聚区建设行动方案》" },
  ],
  [
    "下一步，我们将于6月底前完成智能算力调度平台的验收。",
    { due: "2025-06-30", title: "完成智能算力调度平台的验收" },
  ],
  [
    "市经信委计划于6月末前印发语料数据联盟工作指引。",
    { due: "2025-06-30", title: "印发语料数据联盟工作指引" },
  ],
  ["我委将在年内建成智能算力调度平台。", { due: "2025-12-31", title: "建成智能算力调度平台" }],
  ["年底前，我委将推动组建大模型语料数据联盟。", { due: "2025-12-31", title: "推动组建大模型语料数据联盟" }],
  [
    "我局将于今年底前发布首批大模型行业应用场景清单。",
    { due: "2025-12-31", title: "发布首批大模型行业应用场景清单" },
  ],
  [
    "我委将于第三季度召开大模型产业联盟成立大会。",
    { due: "2025-09-30", title: "召开大模型产业联盟成立大会" },
  ],
  ["我们将在三季度末前上线大模型应用测试平台。", { due: "2025-09-30", title: "上线大模型应用测试平台" }],
  [
    "我委计划于明年上半年出台支持开源生态的专项政策。",
    { due: "2026-06-30", title: "出台支持开源生态的专项政策" },
  ],
  ["下半年，我们将组织开展大模型安全评测。", { due: "2025-12-31", title: "组织开展大模型安全评测" }],
  [
    "力争2026年底前建成万亿参数大模型开源社区。",
    { due: "2026-12-31", title: "建成万亿参数大模型开源社区", aspirational: true },
  ],
  [
    "我委将争取在2025年内完成人工智能学院筹建方案。",
    { due: "2025-12-31", title: "完成人工智能学院筹建方案", aspirational: true },
  ],
  ["计划3月份启动第二批算力券申报。", { due: "2026-03-31", title: "启动第二批算力券申报" }],
  ["我委将于国庆前举办大模型应用对接会。", { due: "2025-09-30", title: "举办大模型应用对接会" }],
  ["我们将在一年内建成医疗大模型临床试验基地。", { due: "2026-04-15", title: "建成医疗大模型临床试验基地" }],
  ["市科委将在两年内培育5家以上基础大模型企业。", { due: "2027-04-15", title: "培育5家以上基础大模型企业" }],
  [
    "我局将在三个月内完成政务数据开放目录的更新。",
    { due: "2025-07-15", title: "完成政务数据开放目录的更新" },
  ],
  [
    "拟于2025年9月中旬召开语料数据联盟第一次理事会；",
    { due: "2025-09-20", title: "召开语料数据联盟第一次理事会" },
  ],
  ["确保2025年第四季度建成市级公共算力服务平台。", { due: "2025-12-31", title: "建成市级公共算力服务平台" }],
  [
    "我委将在“十四五”期间建成3个以上行业大模型训练场。",
    { due: "2025-12-31", title: "建成3个以上行业大模型训练场" },
  ],
  [
    "我们将力争明年年底前实现算力规模翻番。",
    { due: "2026-12-31", title: "实现算力规模翻番", aspirational: true },
  ],
  [
    "下一步，我们将进一步加强与高校的合作，共建人工智能创新共同体。",
    { due: null, title: "进一步加强与高校的合作，共建人工智能创新共同体" },
  ],
  [
    "近期，我委将会同相关部门研究制定大模型测试沙盒管理办法。",
    { due: null, title: "会同相关部门研究制定大模型测试沙盒管理办法" },
  ],
  ["我局将适时组织专家开展评估。", { due: null, title: "组织专家开展评估" }],
  ["我委将于2025年8月出台算力调度实施细则。", { due: "2025-08-31", title: "出台算力调度实施细则" }],
];

const NOT_PROMISES: string[] = [
  "我委已于2024年6月完成智能算力调度平台一期建设。",
  "2023年以来，我委先后出台了多项支持人工智能发展的政策。",
  "截至目前，全市已建成公共算力平台3个。",
  "根据《上海市人工智能产业发展白皮书》2024年版，全市人工智能企业超过1000家。",
  "我委已将该项工作列入2025年工作计划。",
  "相关工作详见《关于印发〈上海市促进大模型发展若干措施〉的通知》（沪经信规〔2025〕12号）。",
  "如条件成熟，我委将适时推动设立人工智能特区学院。",
  "2024年全市算力规模达到每秒2万亿亿次浮点运算。",
  "希望代表继续关心支持我市人工智能发展。",
  "感谢您对我市大模型创新工作的关心和支持。",
  "截至2024年底，我市已累计发放算力券1.2亿元。",
  "有望于2026年形成具有全球影响力的大模型创新集聚区。",
  "若相关政策出台，我委将第一时间组织落实。",
];

describe("extractPromises", () => {
  it.each(PROMISES)("%s", (sentence, expected) => {
    const [promise, ...more] = extractPromises(sentence, REPLY);
    expect(more).toEqual([]);
    expect(promise).toBeDefined();
    if (!promise || !expected) return;
    expect(promise.sentence).toBe(sentence);
    expect(promise.dueDate).toBe(expected.due);
    expect(promise.undated).toBe(expected.due === null);
    expect(promise.title).toBe(expected.title);
    expect(promise.aspirational).toBe(expected.aspirational ?? false);
  });

  it.each(NOT_PROMISES)("no action: %s", (sentence) => {
    expect(extractPromises(sentence, REPLY)).toEqual([]);
  });

  it("has 30+ reply sentences under test", () => {
    expect(PROMISES.length + NOT_PROMISES.length).toBeGreaterThanOrEqual(30);
  });

  it("reads a whole reply letter: the promises in order, each with its sentence verbatim", () => {
    const letter = [
      "王延峰代表：",
      "您提出的《关于上海加快建设具有全球影响力的大模型创新集聚区的建议》收悉。现答复如下：",
      "一、关于算力支持。2024年，我委会同市发展改革委发放算力券。截至目前已惠及企业120家。",
      "下一步，我委将于2025年6月底前出台算力调度实施方案；力争2026年底前建成智能算力调度平台。",
      "感谢您对我们工作的关心。",
    ].join("\n");
    const promises = extractPromises(letter, REPLY);
    expect(promises.map((p) => [p.title, p.dueDate, p.aspirational])).toEqual([
      ["出台算力调度实施方案", "2025-06-30", false],
      ["建成智能算力调度平台", "2026-12-31", true],
    ]);
    for (const p of promises) expect(letter.slice(p.start, p.end)).toBe(p.sentence);
  });

  it("counts a year without its number from the reply's day", () => {
    expect(extractPromises("我委将在年内出台实施细则。", "2026-02-01")[0]?.dueDate).toBe("2026-12-31");
    // 6月底 said in August is next June.
    expect(extractPromises("我委将于6月底前出台实施细则。", "2025-08-01")[0]?.dueDate).toBe("2026-06-30");
  });

  it("keeps titles to 200 characters", () => {
    const long = `我委将于年内${"推进".repeat(150)}。`;
    const [promise] = extractPromises(long, REPLY);
    expect(promise?.title.length).toBeLessThanOrEqual(200);
  });
});

describe("splitSentences", () => {
  it("splits at 。；！？ and line breaks, and each sentence is the text at its offsets", () => {
    const text = "一是完成。二是推进；三是\n四是？ 五是！";
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(["一是完成。", "二是推进；", "三是", "四是？", "五是！"]);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
