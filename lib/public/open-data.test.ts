import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import type { ChainHead } from "@/lib/history-chain/heads-format";
import { publicCsv, publicJson } from "./open-data";
import type { PublicItem, PublicProgress } from "./queries";

const item: PublicItem = {
  code: "R1",
  title: { zh: '=HYPERLINK("https://evil.example")', en: "+1+1" },
  status: "in_progress",
  progress: 40,
  health: "behind",
  overdue: false,
  startDate: shanghaiDate("2024-03-01"),
  dueDate: shanghaiDate("2026-12-31"),
  leadAgency: { zh: "上海市科学技术委员会", en: null },
  evidence: [
    {
      id: "ev1",
      title: { zh: "书生·浦语", en: "InternLM" },
      url: "https://github.com/InternLM/InternLM",
      kind: "repository",
      publisher: null,
      publishedAt: null,
      verifiedAt: shanghaiDate("2026-12-01"),
      files: [{ id: "file1", name: "答复函.pdf", size: 2048, sha256: "a".repeat(64) }],
    },
  ],
};

const progress: PublicProgress = {
  proposal: {
    code: "P-1",
    title: { zh: "测试建议", en: null },
    author: { zh: "测试代表", en: null },
    congressSession: { zh: "测试会议", en: null },
    submittedAt: shanghaiDate("2024-01-26"),
    summary: { zh: "摘要", en: null },
    sourceUrl: null,
    isSample: false,
    publishedAt: new Date("2026-11-29T02:00:00Z"),
    showsSatisfaction: true,
  },
  today: shanghaiDate("2026-11-29"),
  figures: {
    recommendations: 1,
    actions: 1,
    weightedProgress: 40,
    byStatus: { not_started: 0, in_progress: 1, completed: 0, stalled: 0, not_adopted: 0 },
    byHealth: { on_track: 0, behind: 1, at_risk: 0, overdue: 0, not_applicable: 0 },
    overdue: 0,
  },
  recommendations: [
    {
      ...item,
      description: { zh: "说明", en: null },
      theme: null,
      actions: [{ ...item, code: "R1.1", evidence: [] }],
      // Shown on the page only: the open data does not carry it.
      deputySatisfaction: { zh: "满意", en: "Satisfied", dissatisfied: false },
    },
  ],
};

const HEAD: ChainHead = {
  table: "StatusUpdate",
  chainSeq: 42,
  chainHash: "0123456789abcdef".repeat(4),
  createdAt: new Date("2026-12-04T12:00:00Z"),
};

describe("publicCsv", () => {
  it("is UTF-8 with a BOM and CRLF, one row per item, with formulas neutralised", () => {
    const csv = publicCsv(progress, "zh-CN", [HEAD]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n").length).toBeGreaterThan(3);
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows).toHaveLength(4);
    // Last, the history chain's head (lib/history-chain), in Shanghai time.
    expect(rows[3]?.slice(0, 3)).toEqual([
      "历史记录校验链",
      "进展更新 #42 0123456789ab（2026-12-04 20:00:00 北京时间）",
      "",
    ]);
    expect(rows[1]?.slice(0, 5)).toEqual(["P-1", "条目", "R1", "R1", '\'=HYPERLINK("https://evil.example")']);
    expect(rows[2]?.slice(1, 4)).toEqual(["举措", "R1.1", "R1"]);
    expect(rows[1]?.[13]).toBe("书生·浦语 https://github.com/InternLM/InternLM （已核实）");
    expect(rows[1]?.[8]).toBe("40");
  });

  it("speaks English with lang en (titles falling back to Chinese)", () => {
    const rows: string[][] = parse(publicCsv(progress, "en"), { bom: true });
    expect(rows[0]?.[0]).toBe("proposal");
    expect(rows[1]?.[4]).toBe("'+1+1");
    expect(rows[1]?.[6]).toBe("上海市科学技术委员会");
    expect(rows[1]?.[7]).toBe("In progress");
  });
});

describe("publicJson", () => {
  it("gives days as Shanghai dates and leaves out evidence ids", () => {
    const json = publicJson(progress, [HEAD]);
    expect(json.historyChain).toEqual([
      {
        table: "StatusUpdate",
        chainSeq: 42,
        chainHash: HEAD.chainHash,
        shortHash: "0123456789ab",
        at: "2026-12-04T12:00:00.000Z",
      },
    ]);
    expect(json.proposal.submittedAt).toBe("2024-01-26");
    expect(json.asOf).toBe("2026-11-29");
    expect(json.recommendations[0]?.dueDate).toBe("2026-12-31");
    expect(json.recommendations[0]?.evidence[0]).not.toHaveProperty("id");
    expect(json.recommendations[0]?.evidence[0]).toMatchObject({ verified: true, verifiedOn: "2026-12-01" });
    // A file by its download address, with what a copy is checked against.
    expect(json.recommendations[0]?.evidence[0]?.files).toEqual([
      { name: "答复函.pdf", path: "/api/files/file1", size: 2048, sha256: "a".repeat(64) },
    ]);
  });

  it("says which evidence is only claimed", () => {
    const claimed = structuredClone(progress);
    const rec = claimed.recommendations[0];
    if (rec?.evidence[0]) rec.evidence[0].verifiedAt = null;
    expect(publicJson(claimed).recommendations[0]?.evidence[0]).toMatchObject({
      verified: false,
      verifiedOn: null,
    });
    const rows: string[][] = parse(publicCsv(claimed, "en"), { bom: true });
    expect(rows[1]?.[13]).toBe("InternLM https://github.com/InternLM/InternLM (not verified)");
  });
});
