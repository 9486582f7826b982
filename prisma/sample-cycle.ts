// The handling cycle as the sample shows it: besides every recommendation's assignment, 签收, reply and
// rating (written from its dates in prisma/seed.ts), one story per step the office and the agencies
// can take, so that each shows up somewhere (issue 18's "sample shows every step"). Sample data,
// labelled as such where it is shown; the dates fit the sample's own.
import type { IsoDate } from "./sample-data";

type Level = "blue" | "yellow" | "red";

export interface SampleCycleStories {
  /** Co-handlers who never acknowledged their assignment (签收): recommendation code → agency codes. */
  unacknowledged: Record<string, readonly string[]>;
  /** 延期: the lead asked for a later reply deadline; the office decided. Approved ones move it. */
  extensions: readonly {
    recommendation: string;
    askedOn: IsoDate;
    requestedDue: IsoDate;
    reason: string;
    decidedOn: IsoDate;
    approved: boolean;
    decisionReason: string;
  }[];
  /** 退回/改办: an agency asked to hand the item back; the office decided. */
  handbacks: readonly {
    recommendation: string;
    agency: string;
    askedOn: IsoDate;
    reason: string;
    decidedOn: IsoDate;
    approved: boolean;
    decisionReason: string;
  }[];
  /** The reply through the tracker: drafted, signed by each co-handler (会签), approved, accepted. */
  replies: readonly {
    recommendation: string;
    draftedOn: IsoDate;
    draftClass: "A" | "B" | "C" | "D";
    text: string;
    signedOn: IsoDate;
    reviewedOn: IsoDate;
  }[];
  /** 重点督办: the items the office marked as priority, and when. */
  priority: Record<string, IsoDate>;
  /** 督办单 to the lead agency, acknowledged and answered. */
  notices: readonly {
    recommendation: string;
    level: Level;
    issuedOn: IsoDate;
    text: string;
    answerDue: IsoDate;
    acknowledgedOn: IsoDate;
    answeredOn: IsoDate;
    answer: string;
  }[];
  /** 办结: closed by the office once every action was done. */
  closed: Record<string, IsoDate>;
  /** Status updates of an agency whose updates need review (进展更新需审核): one rejected by the office,
   *  one still waiting. Neither moved its action. */
  proposedUpdates: readonly {
    action: string;
    agency: string;
    proposedOn: IsoDate;
    status: "in_progress" | "completed";
    progress: number;
    comment: string;
    rejected?: { on: IsoDate; reason: string };
  }[];
}

export const SAMPLE_CYCLE: SampleCycleStories = {
  unacknowledged: { R1: ["SHFB"] },
  extensions: [
    {
      recommendation: "R4",
      askedOn: "2024-05-27",
      requestedDue: "2024-07-31",
      reason: "产业联盟组建方案需征求市发展改革委、市科委意见，申请延期答复。",
      decidedOn: "2024-05-29",
      approved: false,
      decisionReason: "会签单位意见可在答复后补充，请按期答复。",
    },
    {
      recommendation: "R2",
      askedOn: "2024-05-06",
      requestedDue: "2024-06-20",
      reason: "算力支持政策需会同市教委、市经济信息化委测算资金规模，申请延期答复。",
      decidedOn: "2024-05-08",
      approved: true,
      decisionReason: "同意延期至6月20日，请尽早答复。",
    },
  ],
  handbacks: [
    {
      recommendation: "R5",
      agency: "STCSM",
      askedOn: "2024-03-08",
      reason: "沙盒测试平台的监管职责在市委网信办，本单位不承担协办任务，申请退回。",
      decidedOn: "2024-03-11",
      approved: false,
      decisionReason: "测试平台的技术评测由贵单位支持，请继续协办。",
    },
  ],
  replies: [
    {
      recommendation: "R3",
      draftedOn: "2024-04-12",
      draftClass: "B",
      text:
        "关于“全面开源”的建议，我委会同市科委研究如下：一、支持基础大模型以开源方式发布；二、" +
        "建设开源社区与托管平台；三、将开源贡献纳入项目评价。（示例数据）",
      signedOn: "2024-04-17",
      reviewedOn: "2024-04-19",
    },
  ],
  priority: { R2: "2026-01-08", R6: "2026-10-09" },
  notices: [
    {
      recommendation: "R3",
      level: "yellow",
      issuedOn: "2026-06-19",
      text: "R3.2 开源社区建设将于6月30日到期，请说明进展并按期完成。",
      answerDue: "2026-06-26",
      acknowledgedOn: "2026-06-22",
      answeredOn: "2026-06-25",
      answer: "开源托管平台已上线试运行，社区运营方案预计8月上旬完成。",
    },
    {
      recommendation: "R2",
      level: "red",
      issuedOn: "2026-01-08",
      text: "算力券举措已逾期，请于两周内书面说明原因和整改计划。",
      answerDue: "2026-01-22",
      acknowledgedOn: "2026-01-09",
      answeredOn: "2026-01-20",
      answer: "算力券资金拨付流程调整，已制定整改计划，预计2026年二季度恢复推进。",
    },
  ],
  closed: { R3: "2026-08-20" },
  proposedUpdates: [
    {
      action: "R6.3",
      agency: "SHDATA",
      proposedOn: "2026-10-28",
      status: "completed",
      progress: 100,
      comment: "语料交易规则已完成。",
      rejected: { on: "2026-10-30", reason: "规则尚未正式印发，请印发后附文件链接再报。" },
    },
    {
      action: "R6.2",
      agency: "SHDATA",
      proposedOn: "2026-11-26",
      status: "in_progress",
      progress: 85,
      comment: "第二批数据提供方完成授权协议签署。",
    },
  ],
};
