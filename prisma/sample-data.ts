// The shipped sample: the 《建议》 of 王延峰 (2024) and illustrative progress on it. Pure data and pure
// functions only, so that tests can check it without a database; prisma/seed.ts writes it.
//
// The statuses, progress and dates below are illustrative, not claims about real government progress
// (the UI labels them 示例数据). Source quotes are copied exactly from the source text,
// prisma/sample-source.txt (an interview with the deputy by 机器之心), and evidence links only point
// to real public pages. prisma/sample-data.test.ts holds the sample to both.

import type { EvidenceKind, ItemStatus, ReplyClass, UserRole } from "../lib/db/enums";
import { replyDueDate } from "../lib/recommendations/reply-clock";
import { type RollUpResult, rollUp } from "../lib/recommendations/roll-up";

/** A Shanghai calendar date, "YYYY-MM-DD". */
export type IsoDate = string;

/** Keys of the default deputy-feedback scale (满意 / 基本满意 / 不满意). */
export type SatisfactionKey = "satisfied" | "basically_satisfied" | "dissatisfied";

export interface SampleProposal {
  code: string;
  officialNumber: string | null;
  titleZh: string;
  titleEn: string;
  authorZh: string;
  authorEn: string;
  congressSessionZh: string;
  congressSessionEn: string;
  submittedAt: IsoDate;
  summaryZh: string;
  summaryEn: string;
  sourceReferenceZh: string;
  sourceReferenceEn: string;
  sourceUrl: string | null;
  isSample: boolean;
}

export interface SampleTheme {
  code: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

export interface SampleAgency {
  code: string;
  nameZh: string;
  nameEn: string;
  shortNameZh: string;
  shortNameEn: string;
  /** Its staff's status updates wait for its reviewer's approval (进展更新需审核). */
  updatesNeedReview?: boolean;
}

export interface SampleUser {
  email: string;
  name: string;
  role: UserRole;
  agencyCode: string | null;
  /** 单位负责人: approves the agency's replies and pending updates. */
  isReviewer?: boolean;
}

/** One entry of an item's history: the state it reached on effectiveDate. */
export interface SampleHistoryEntry {
  effectiveDate: IsoDate;
  status: ItemStatus;
  progress: number;
  commentZh: string;
}

export interface SampleAction {
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  leadAgencyCode: string;
  coAgencyCodes: readonly string[];
  startDate: IsoDate;
  dueDate: IsoDate;
  weight: number;
  history: readonly SampleHistoryEntry[];
}

export interface SampleRecommendation {
  code: string;
  titleZh: string;
  titleEn: string;
  themeCode: string;
  descriptionZh: string;
  descriptionEn: string;
  /** One contiguous passage of the source text, character for character. */
  sourceQuote: string;
  leadAgencyCode: string;
  coAgencyCodes: readonly string[];
  startDate: IsoDate;
  dueDate: IsoDate;
  weight: number;
  assignedAt: IsoDate;
  replyDueAt: IsoDate;
  repliedAt: IsoDate;
  replyClass: ReplyClass;
  satisfaction: SatisfactionKey;
  feedbackAt: IsoDate;
  actions: readonly SampleAction[];
}

export interface SampleEvidence {
  /** A recommendation code ("R2") or an action code ("R2.2"). */
  target: string;
  url: string;
  titleZh: string;
  titleEn: string;
  kind: EvidenceKind;
  publisher: string;
  publishedAt: IsoDate | null;
  note: string;
  isPublic: boolean;
  /** The effectiveDate of the target's status update that cites this evidence. */
  citedBy: IsoDate;
}

/** A change of a recommendation's rolled-up state, and the actions whose updates caused it. */
export interface DerivedHistoryEntry extends RollUpResult {
  effectiveDate: IsoDate;
  actionCodes: string[];
}

// ---------------------------------------------------------------------------------------------
// Pure functions

/** The state an action had on a date: its last history entry on or before it (not started before any). */
export function actionStateOn(action: SampleAction, date: IsoDate): RollUpResult {
  let state: RollUpResult = { status: "not_started", progress: 0 };
  for (const entry of action.history) {
    if (entry.effectiveDate <= date) state = { status: entry.status, progress: entry.progress };
  }
  return state;
}

/**
 * A recommendation's own history, derived from its actions': at each date on which one of its actions
 * changed, the roll-up of all its actions as they stood that day, kept only when it differs from the
 * previous roll-up (starting from not started, 0 %).
 */
export function deriveRecommendationHistory(actions: readonly SampleAction[]): DerivedHistoryEntry[] {
  const dates = [
    ...new Set(actions.flatMap((action) => action.history.map((entry) => entry.effectiveDate))),
  ].sort();
  const derived: DerivedHistoryEntry[] = [];
  let previous: RollUpResult = { status: "not_started", progress: 0 };
  for (const date of dates) {
    const state = rollUp(
      actions.map((action) => ({ ...actionStateOn(action, date), weight: action.weight })),
    );
    if (state.status === previous.status && state.progress === previous.progress) continue;
    const actionCodes = actions
      .filter((action) => action.history.some((entry) => entry.effectiveDate === date))
      .map((action) => action.code);
    derived.push({ effectiveDate: date, ...state, actionCodes });
    previous = state;
  }
  return derived;
}

function entry(
  effectiveDate: IsoDate,
  status: ItemStatus,
  progress: number,
  commentZh: string,
): SampleHistoryEntry {
  return { effectiveDate, status, progress, commentZh };
}

// ---------------------------------------------------------------------------------------------
// The proposal, themes, agencies and users

export const SAMPLE_PROPOSAL: SampleProposal = {
  code: "LLM-2024",
  // The congress office's number is not known; it is never made up.
  officialNumber: null,
  titleZh: "关于上海加快建设具有全球影响力的大模型创新集聚区的建议",
  titleEn:
    "Proposal on accelerating Shanghai's build-up of a globally influential large-model innovation cluster",
  authorZh: "王延峰",
  authorEn: "Wang Yanfeng",
  congressSessionZh: "上海市第十六届人民代表大会第二次会议",
  congressSessionEn: "2nd Session of the 16th Shanghai Municipal People's Congress",
  submittedAt: "2024-01-26",
  summaryZh:
    "王延峰指出，国内基础大模型研发机构数量众多，但研究力量分散、热衷“刷榜”，离产生“世界级”产品还有很大差距。" +
    "《建议》提出上海应当集中精力、抢抓发展机遇，加快建设具有全球影响力的大模型创新集聚区，避免中美大模型方面的差距进一步拉大；" +
    "具体建议包括集中力量研发基础大模型、为科研力量提供算力支持、实施完全开源开放、组建产业联盟、建设容错的应用测试平台、" +
    "建立语料数据联盟、聚集人才形成创新共同体，以及以市场应用为导向。",
  summaryEn:
    "Wang Yanfeng observes that China has many foundation-model developers, but its research strength is scattered, " +
    "too focused on leaderboards, and still far from producing world-class products. The proposal asks Shanghai to " +
    "concentrate its efforts, seize the opportunity and accelerate a globally influential large-model innovation cluster, " +
    "so that the China–US gap in large models does not widen further. Its recommendations: concentrate on a few " +
    "foundation models, give researchers compute, go fully open source, form industry alliances, build a fault-tolerant " +
    "testing platform, set up a corpus data alliance, gather talent into an innovation community, and let market " +
    "applications lead.",
  sourceReferenceZh: "机器之心对第十六届上海市人大代表王延峰教授的专访",
  sourceReferenceEn:
    "An interview by Synced (机器之心) with Prof. Wang Yanfeng, deputy to the 16th Shanghai Municipal People's Congress",
  // No address of the interview is known; it is never made up.
  sourceUrl: null,
  isSample: true,
};

export const SAMPLE_THEMES: readonly SampleTheme[] = [
  { code: "MODEL", nameZh: "基础模型研发", nameEn: "Foundation models", sortOrder: 1 },
  { code: "COMPUTE", nameZh: "算力与数据", nameEn: "Compute and data", sortOrder: 2 },
  { code: "ECOSYSTEM", nameZh: "开源与产业生态", nameEn: "Open source and industry ecosystem", sortOrder: 3 },
  { code: "GOVERNANCE", nameZh: "安全与治理", nameEn: "Safety and governance", sortOrder: 4 },
  { code: "TALENT", nameZh: "人才与创新共同体", nameEn: "Talent and innovation community", sortOrder: 5 },
  { code: "APPLICATION", nameZh: "应用落地", nameEn: "Applications", sortOrder: 6 },
];

export const SAMPLE_AGENCIES: readonly SampleAgency[] = [
  {
    code: "SHEITC",
    nameZh: "上海市经济和信息化委员会",
    nameEn: "Shanghai Municipal Commission of Economy and Informatization",
    shortNameZh: "市经济信息化委",
    shortNameEn: "Economy and IT Commission",
  },
  {
    code: "STCSM",
    nameZh: "上海市科学技术委员会",
    nameEn: "Science and Technology Commission of Shanghai Municipality",
    shortNameZh: "市科委",
    shortNameEn: "Science and Technology Commission",
  },
  {
    code: "SHDRC",
    nameZh: "上海市发展和改革委员会",
    nameEn: "Shanghai Municipal Development and Reform Commission",
    shortNameZh: "市发展改革委",
    shortNameEn: "Development and Reform Commission",
  },
  {
    code: "SHMEC",
    nameZh: "上海市教育委员会",
    nameEn: "Shanghai Municipal Education Commission",
    shortNameZh: "市教委",
    shortNameEn: "Education Commission",
  },
  {
    code: "SHCAC",
    nameZh: "中共上海市委网络安全和信息化委员会办公室",
    nameEn: "Office of the Cyberspace Affairs Commission of the CPC Shanghai Municipal Committee",
    shortNameZh: "市委网信办",
    shortNameEn: "Cyberspace Office",
  },
  {
    code: "SHDATA",
    nameZh: "上海市数据局",
    nameEn: "Shanghai Municipal Data Bureau",
    shortNameZh: "市数据局",
    shortNameEn: "Data Bureau",
    updatesNeedReview: true,
  },
  {
    code: "SHHC",
    nameZh: "上海市卫生健康委员会",
    nameEn: "Shanghai Municipal Health Commission",
    shortNameZh: "市卫生健康委",
    shortNameEn: "Health Commission",
  },
  {
    code: "SHHRSS",
    nameZh: "上海市人力资源和社会保障局",
    nameEn: "Shanghai Municipal Human Resources and Social Security Bureau",
    shortNameZh: "市人力资源社会保障局",
    shortNameEn: "HR and Social Security Bureau",
  },
  {
    code: "SHFB",
    nameZh: "上海市财政局",
    nameEn: "Shanghai Municipal Finance Bureau",
    shortNameZh: "市财政局",
    shortNameEn: "Finance Bureau",
  },
];

/** The demo accounts' password, listed in the README and on the sign-in page while the sample is loaded. */
export const SAMPLE_PASSWORD = "tracker-demo-2024";

// Addresses use the reserved .example domain, so that no sample user can be a real mailbox.
export const SAMPLE_USERS: readonly SampleUser[] = [
  { email: "admin@tracker.example", name: "周丽", role: "admin", agencyCode: null },
  { email: "staff.jxw@tracker.example", name: "张敏", role: "staff", agencyCode: "SHEITC" },
  { email: "staff.kw@tracker.example", name: "李强", role: "staff", agencyCode: "STCSM" },
  { email: "official@tracker.example", name: "王主任", role: "official", agencyCode: null },
  { email: "office@tracker.example", name: "陈静", role: "office", agencyCode: null },
  // Staff of the data bureau, whose updates its unit head reviews (prisma/sample-cycle.ts).
  { email: "staff.sjj@tracker.example", name: "王磊", role: "staff", agencyCode: "SHDATA" },
  {
    email: "reviewer.jxw@tracker.example",
    name: "刘洋",
    role: "staff",
    agencyCode: "SHEITC",
    isReviewer: true,
  },
  // The sample proposal's author (领衔代表), as a demo deputy account: named as a sample, since the
  // person is real and the account is not theirs.
  { email: "deputy.wang@tracker.example", name: "王延峰（示例）", role: "deputy", agencyCode: null },
];

// ---------------------------------------------------------------------------------------------
// Recommendations R1–R8 and their actions

const R1_ACTIONS: readonly SampleAction[] = [
  {
    code: "R1.1",
    titleZh: "遴选并稳定支持 1–2 个基础大模型研发团队",
    titleEn: "Select and steadily support one or two foundation-model research teams",
    descriptionZh: "在本市研发力量中遴选少数高效、高水平的基础大模型研发团队，给予长期稳定支持。",
    descriptionEn:
      "Select a few efficient, top-level foundation-model teams in Shanghai and give them long-term, stable support.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHFB"],
    startDate: "2024-03-01",
    dueDate: "2026-12-31",
    weight: 3,
    history: [
      entry("2024-04-15", "in_progress", 10, "启动研发团队遴选，征求高校和研究机构意见。"),
      entry("2024-10-30", "in_progress", 35, "完成首轮遴选评审。"),
      entry("2025-07-15", "in_progress", 60, "稳定支持机制开始实施。"),
      entry("2026-09-10", "in_progress", 75, "完成支持团队中期评估。"),
    ],
  },
  {
    code: "R1.2",
    titleZh: "统筹算力、数据与资金资源向重点研发团队集中",
    titleEn: "Pool compute, data and funding on the selected teams",
    descriptionZh: "改变零散投入的做法，将可统筹的算力、数据和资金资源集中配置给重点研发团队。",
    descriptionEn:
      "Replace scattered funding by pooling the compute, data and money the city can allocate on the selected teams.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHEITC", "SHFB"],
    startDate: "2024-06-01",
    dueDate: "2026-06-30",
    weight: 2,
    history: [
      entry("2024-07-01", "in_progress", 15, "梳理全市可统筹的算力与数据资源。"),
      entry("2025-03-20", "in_progress", 45, "形成资源统筹配置方案。"),
      entry("2026-02-10", "in_progress", 70, "资源集中配置方案试行。"),
    ],
  },
  {
    code: "R1.3",
    titleZh: "建立研发团队绩效评估与动态调整机制",
    titleEn: "Set up performance reviews and adjustment for the supported teams",
    descriptionZh: "定期评估受支持团队的研发成效，依据评估结果动态调整支持力度，避免低效投入。",
    descriptionEn:
      "Review the results of the supported teams regularly and adjust support accordingly, to avoid inefficient spending.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: [],
    startDate: "2025-01-01",
    dueDate: "2026-12-31",
    weight: 1,
    history: [
      entry("2024-12-20", "not_started", 0, "列入下一年度工作计划。"),
      entry("2025-10-15", "not_started", 0, "待支持团队中期评估完成后启动。"),
    ],
  },
];

const R2_ACTIONS: readonly SampleAction[] = [
  {
    code: "R2.1",
    titleZh: "建立面向高校青年科学家的算力与科研资源支持机制",
    titleEn: "Compute and research-resource support for young university scientists",
    descriptionZh: "通过创新体制机制，为顶尖高校人工智能领域的杰出青年科学家提供充足的算力和科研资源。",
    descriptionEn:
      "Give outstanding young AI scientists at leading universities enough compute and research resources, through new institutional arrangements.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHMEC", "SHEITC"],
    startDate: "2024-03-15",
    dueDate: "2025-12-31",
    weight: 3,
    history: [
      entry("2024-04-20", "in_progress", 15, "调研高校青年科学家的算力需求。"),
      entry("2024-11-15", "in_progress", 40, "以算力补贴方式开展首批试点。"),
      entry("2025-09-10", "in_progress", 55, "试点范围扩大到更多高校。"),
      entry("2026-04-22", "stalled", 55, "公共算力采购周期延长，新一批算力资源尚未到位，发放暂缓。"),
    ],
  },
  {
    code: "R2.2",
    titleZh: "推广高效推理框架，降低大模型算力成本",
    titleEn: "Promote efficient inference frameworks to cut the compute cost of large models",
    descriptionZh: "推动开源高效推理框架在公共算力平台和科研团队中的应用，在现有硬件上提升运算效率。",
    descriptionEn:
      "Promote open, efficient inference frameworks on public compute platforms and in research teams, to get more out of existing hardware.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-04-01",
    dueDate: "2025-12-31",
    weight: 2,
    history: [
      entry("2024-05-10", "in_progress", 20, "组织开源推理框架应用交流。"),
      entry("2024-12-05", "in_progress", 60, "在公共算力平台部署高效推理框架。"),
      entry("2025-08-28", "completed", 100, "完成推广应用总结。"),
    ],
  },
  {
    code: "R2.3",
    titleZh: "设立“下一代人工智能算法与架构”自由探索项目",
    titleEn: "Open-ended research projects on next-generation AI algorithms and architectures",
    descriptionZh: "设立自由探索类项目，支持青年科研力量探索下一代人工智能算法与架构的原创技术路径。",
    descriptionEn:
      "Fund open-ended projects in which young researchers explore original paths towards next-generation AI algorithms and architectures.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHFB"],
    startDate: "2024-06-01",
    dueDate: "2025-12-31",
    weight: 2,
    history: [
      entry("2024-07-15", "in_progress", 20, "发布项目申报指南。"),
      entry("2025-01-20", "in_progress", 60, "完成立项评审。"),
      entry("2025-11-28", "completed", 100, "首批项目全部启动，完成年度检查。"),
    ],
  },
];

const R3_ACTIONS: readonly SampleAction[] = [
  {
    code: "R3.1",
    titleZh: "制定支持大模型开源开放的政策措施",
    titleEn: "Policy measures supporting open-source large models",
    descriptionZh: "研究制定鼓励基础大模型及相关工具完全开源开放的支持措施。",
    descriptionEn:
      "Draw up measures that encourage foundation models and their tools to be fully open-sourced.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-03-01",
    dueDate: "2025-06-30",
    weight: 2,
    history: [
      entry("2024-04-10", "in_progress", 20, "起草开源开放支持措施。"),
      entry("2024-09-20", "in_progress", 70, "支持措施征求意见。"),
      entry("2025-03-31", "completed", 100, "支持措施完成并开始实施。"),
    ],
  },
  {
    code: "R3.2",
    titleZh: "建设高质量大模型开源生态与开发者社区",
    titleEn: "Build a high-quality open-source model ecosystem and developer community",
    descriptionZh: "围绕本市开源基础大模型建设开源生态系统和开发者社区，推动行业共同发展。",
    descriptionEn:
      "Grow an open-source ecosystem and developer community around Shanghai's open foundation models.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-04-01",
    dueDate: "2026-06-30",
    weight: 2,
    history: [
      entry("2024-05-20", "in_progress", 15, "梳理本市开源大模型项目。"),
      entry("2025-01-15", "in_progress", 45, "开源社区运营机制建立。"),
      entry("2025-10-20", "in_progress", 70, "开源模型与工具链持续发布。"),
      entry("2026-08-05", "completed", 100, "完成开源生态建设评估，转入常态化运营。"),
    ],
  },
  {
    code: "R3.3",
    titleZh: "建立吸引全球人才参与的开源协作机制",
    titleEn: "Open collaboration that draws in developers worldwide",
    descriptionZh: "通过开源协作活动和国际交流，吸引全球人才加入开源大模型协作。",
    descriptionEn:
      "Draw talent from around the world into open large-model collaboration through open-source events and exchanges.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHEITC"],
    startDate: "2024-09-01",
    dueDate: "2026-06-30",
    weight: 1,
    history: [
      entry("2024-10-15", "in_progress", 10, "筹划国际开源协作活动。"),
      entry("2025-06-18", "in_progress", 50, "举办开源协作交流活动。"),
      entry("2026-05-12", "completed", 100, "开源协作机制形成常态化安排。"),
    ],
  },
];

const R4_ACTIONS: readonly SampleAction[] = [
  {
    code: "R4.1",
    titleZh: "参照万亿参数联盟模式组建大模型产业联盟",
    titleEn: "Form a large-model industry alliance on the Trillion Parameter Consortium model",
    descriptionZh: "借鉴美国万亿参数联盟的组织方式，联合研究机构和数字化基础扎实的行业领军企业组建产业联盟。",
    descriptionEn:
      "Following the Trillion Parameter Consortium, bring research institutes and digitally strong industry leaders into one alliance.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["SHDRC", "STCSM"],
    startDate: "2024-06-01",
    dueDate: "2025-12-31",
    weight: 3,
    history: [
      entry("2024-07-05", "in_progress", 20, "研究万亿参数联盟的组织模式。"),
      entry("2024-12-18", "in_progress", 60, "联盟章程征求成员单位意见。"),
      entry("2025-07-09", "completed", 100, "产业联盟组建完成。"),
    ],
  },
  {
    code: "R4.2",
    titleZh: "媒体领域大模型场景联合攻关",
    titleEn: "Joint work on large-model scenarios in the media",
    descriptionZh: "联合国家级媒体，利用海量音视频资源研发媒体大模型，促进传统媒体业务智能化转型。",
    descriptionEn:
      "Work with national media on media models built on their audio and video archives, to make traditional media work smarter.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-09-01",
    dueDate: "2026-12-31",
    weight: 2,
    history: [
      entry("2024-10-22", "in_progress", 10, "对接媒体机构，梳理音视频应用场景需求。"),
      entry("2025-06-10", "in_progress", 35, "确定首批联合研发场景。"),
      entry("2026-06-16", "in_progress", 55, "首批场景进入试用。"),
    ],
  },
  {
    code: "R4.3",
    titleZh: "金融领域大模型场景联合攻关",
    titleEn: "Joint work on large-model scenarios in finance",
    descriptionZh: "支持银行等金融机构利用大模型开展线上业务，加速向在线新经济转型。",
    descriptionEn:
      "Help banks and other financial institutions use large models for online business as they move to the online economy.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["SHDRC"],
    startDate: "2024-09-01",
    dueDate: "2026-12-31",
    weight: 2,
    history: [
      entry("2024-11-12", "in_progress", 10, "征集金融机构应用场景。"),
      entry("2025-05-15", "stalled", 10, "部分金融机构数据合规评估尚未完成，场景对接暂缓。"),
      entry("2025-12-03", "in_progress", 30, "合规评估完成，恢复场景对接。"),
      entry("2026-10-21", "in_progress", 50, "首批场景完成联合测试。"),
    ],
  },
  {
    code: "R4.4",
    titleZh: "设立平台企业大模型专项扶持",
    titleEn: "A dedicated support scheme for platform companies' large models",
    descriptionZh: "研究是否单独设立专项，鼓励平台企业以平台优势提升大模型竞争力。",
    descriptionEn:
      "Consider a separate scheme encouraging platform companies to use their platforms to make large models more competitive.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["SHFB"],
    startDate: "2024-06-01",
    dueDate: "2025-12-31",
    weight: 1,
    history: [
      entry("2024-06-20", "not_started", 0, "列入研究事项。"),
      entry("2024-11-28", "not_adopted", 0, "经研究，平台企业已纳入产业联盟统筹支持，不再单列专项。"),
    ],
  },
];

const R5_ACTIONS: readonly SampleAction[] = [
  {
    code: "R5.1",
    titleZh: "建设有容错能力的大模型应用测试（沙盒）平台",
    titleEn: "Build a fault-tolerant testing (sandbox) platform for large-model applications",
    descriptionZh: "定向选择先进力量建设应用测试平台，监测大模型创新测试，及时发现和管理潜在风险。",
    descriptionEn:
      "Have selected leading institutions build a testing platform that monitors large-model trials and catches and manages risks early.",
    leadAgencyCode: "SHCAC",
    coAgencyCodes: ["SHEITC", "STCSM"],
    startDate: "2024-06-01",
    dueDate: "2027-06-30",
    weight: 3,
    history: [
      entry("2024-08-15", "in_progress", 10, "研究测试平台建设方案。"),
      entry("2025-04-25", "in_progress", 30, "定向遴选平台建设力量。"),
      entry("2026-01-14", "in_progress", 45, "平台一期进入试运行。"),
    ],
  },
  {
    code: "R5.2",
    titleZh: "建立跨学科专家咨询与公众参与机制",
    titleEn: "Interdisciplinary expert panel and public participation",
    descriptionZh: "汇集跨学科专家并鼓励公众参与，为大模型的监管和治理提供意见。",
    descriptionEn:
      "Bring in interdisciplinary experts and the public to advise on the oversight and governance of large models.",
    leadAgencyCode: "SHCAC",
    coAgencyCodes: ["STCSM"],
    startDate: "2025-01-01",
    dueDate: "2027-12-31",
    weight: 2,
    history: [
      entry("2025-03-12", "not_started", 0, "列入工作计划。"),
      entry("2025-12-10", "not_started", 0, "待测试平台一期建成后启动。"),
    ],
  },
  {
    code: "R5.3",
    titleZh: "开展政策干预和社会影响实验",
    titleEn: "Policy-intervention and social-impact experiments",
    descriptionZh: "依托测试平台开展政策干预和社会影响实验，在安全框架内探索监管和治理方案。",
    descriptionEn:
      "Use the testing platform for policy-intervention and social-impact experiments, to explore oversight within a safe frame.",
    leadAgencyCode: "SHCAC",
    coAgencyCodes: ["SHDRC"],
    startDate: "2025-06-01",
    dueDate: "2027-12-31",
    weight: 1,
    history: [
      entry("2025-09-01", "in_progress", 10, "设计实验框架。"),
      entry("2026-07-08", "stalled", 10, "实验所需的跨部门数据授权尚未落实。"),
    ],
  },
];

const R6_ACTIONS: readonly SampleAction[] = [
  {
    code: "R6.1",
    titleZh: "组建大模型语料数据联盟",
    titleEn: "Form a large-model corpus data alliance",
    descriptionZh: "联合数据持有方组建语料数据联盟，挖掘私域数据的价值。",
    descriptionEn:
      "Bring data holders together in a corpus data alliance to unlock the value of private-domain data.",
    leadAgencyCode: "SHDATA",
    coAgencyCodes: ["SHEITC"],
    startDate: "2024-04-01",
    dueDate: "2025-09-30",
    weight: 3,
    history: [
      entry("2024-05-08", "in_progress", 20, "起草语料数据联盟组建方案。"),
      entry("2024-10-16", "in_progress", 70, "征集联盟成员单位。"),
      entry("2025-02-26", "completed", 100, "语料数据联盟组建完成。"),
    ],
  },
  {
    code: "R6.2",
    titleZh: "推动高质量语料开放供给",
    titleEn: "Open up a supply of high-quality corpora",
    descriptionZh: "编制可开放语料目录，通过开放数据平台稳定供给高质量训练语料。",
    descriptionEn:
      "List the corpora that can be opened and supply high-quality training data steadily through open data platforms.",
    leadAgencyCode: "SHDATA",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-06-01",
    dueDate: "2026-09-30",
    weight: 2,
    history: [
      entry("2024-07-25", "in_progress", 15, "梳理可开放语料目录。"),
      entry("2025-04-09", "in_progress", 45, "首批语料通过开放数据平台供给。"),
      entry("2026-02-04", "in_progress", 70, "扩充多模态语料供给。"),
      entry("2026-11-05", "in_progress", 80, "开展语料质量评估。"),
    ],
  },
  {
    code: "R6.3",
    titleZh: "探索私域数据价值挖掘与合规流通机制",
    titleEn: "Rules for using private-domain data lawfully",
    descriptionZh: "研究私域数据用于大模型训练的合规流通规则，保障数据安全。",
    descriptionEn:
      "Work out compliant rules for using private-domain data to train large models, keeping the data secure.",
    leadAgencyCode: "SHDATA",
    coAgencyCodes: ["SHCAC"],
    startDate: "2024-09-01",
    dueDate: "2026-09-30",
    weight: 2,
    history: [
      entry("2024-10-10", "in_progress", 10, "开展私域数据合规流通研究。"),
      entry("2025-08-20", "in_progress", 40, "形成合规流通规则草案。"),
      entry("2026-06-24", "in_progress", 60, "规则在联盟成员中试行。"),
    ],
  },
];

const R7_ACTIONS: readonly SampleAction[] = [
  {
    code: "R7.1",
    titleZh: "探索共建特区型人工智能学院",
    titleEn: "Explore a jointly built “special-zone” AI college",
    descriptionZh:
      "支持上海人工智能实验室与上海交通大学探索共建特区型人工智能学院，打造教育科技人才三位一体的合作网络。",
    descriptionEn:
      "Support Shanghai AI Laboratory and Shanghai Jiao Tong University in building a special-zone AI college that joins education, research and talent.",
    leadAgencyCode: "SHMEC",
    coAgencyCodes: ["STCSM", "SHHRSS"],
    startDate: "2024-03-15",
    dueDate: "2027-08-31",
    weight: 3,
    history: [
      entry("2024-04-18", "in_progress", 15, "支持共建方开展学院建设论证。"),
      entry("2024-12-12", "in_progress", 40, "学院建设方案形成。"),
      entry("2025-09-03", "in_progress", 60, "首批培养项目启动。"),
      entry("2026-09-16", "in_progress", 75, "开展建设情况评估。"),
    ],
  },
  {
    code: "R7.2",
    titleZh: "推动形成人工智能科技创新共同体",
    titleEn: "Build an AI science and technology innovation community",
    descriptionZh: "联合大学、研究院、科技企业等创新主体中分散的研究力量，共同进行大模型研发攻关。",
    descriptionEn:
      "Join the scattered research strengths of universities, institutes and technology companies in common large-model research.",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHMEC"],
    startDate: "2024-06-01",
    dueDate: "2027-06-30",
    weight: 2,
    history: [
      entry("2024-07-10", "in_progress", 10, "研究共同体的组织方式。"),
      entry("2025-05-28", "in_progress", 35, "首批成员单位确定。"),
      entry("2026-05-06", "in_progress", 55, "联合攻关项目启动。"),
    ],
  },
  {
    code: "R7.3",
    titleZh: "战略科技人才引进与集聚支持",
    titleEn: "Attract and retain strategic science and technology talent",
    descriptionZh: "完善人工智能领域战略科技人才的引进和支持措施，在更大范围内实现人才聚集。",
    descriptionEn:
      "Improve the measures that attract and support strategic AI talent, to gather it on a larger scale.",
    leadAgencyCode: "SHHRSS",
    coAgencyCodes: ["SHMEC"],
    startDate: "2024-06-01",
    dueDate: "2026-12-31",
    weight: 2,
    history: [
      entry("2024-08-01", "in_progress", 20, "梳理人工智能人才支持政策。"),
      entry("2025-03-05", "in_progress", 50, "人才支持措施征求意见。"),
      entry("2025-11-19", "completed", 100, "人才支持措施纳入年度人才工作安排。"),
    ],
  },
];

const R8_ACTIONS: readonly SampleAction[] = [
  {
    code: "R8.1",
    titleZh: "医疗大模型示范应用",
    titleEn: "Demonstration uses of medical large models",
    descriptionZh: "在医疗影像诊断等场景开展医疗大模型示范应用，推动模型融入日常医疗实践。",
    descriptionEn:
      "Demonstrate medical large models in settings such as diagnostic imaging, so that they become part of everyday medical practice.",
    leadAgencyCode: "SHHC",
    coAgencyCodes: ["SHEITC"],
    startDate: "2024-04-01",
    dueDate: "2025-12-31",
    weight: 3,
    history: [
      entry("2024-05-15", "in_progress", 15, "遴选示范应用医疗机构。"),
      entry("2024-12-10", "in_progress", 50, "示范应用在首批医疗机构上线。"),
      entry("2025-06-25", "in_progress", 80, "示范应用覆盖影像诊断等场景。"),
      entry("2026-04-15", "completed", 100, "完成示范应用总结评估。"),
    ],
  },
  {
    code: "R8.2",
    titleZh: "教育大模型应用试点",
    titleEn: "Pilot uses of large models in education",
    descriptionZh: "试点基于大模型的智能教育助手，回答学生问题、提供解释和示范，因材施教。",
    descriptionEn:
      "Pilot intelligent teaching assistants built on large models that answer students' questions, explain and demonstrate, and adapt to each student.",
    leadAgencyCode: "SHMEC",
    coAgencyCodes: ["SHEITC"],
    startDate: "2024-09-01",
    dueDate: "2025-12-31",
    weight: 2,
    history: [
      entry("2024-09-20", "in_progress", 10, "确定试点学校。"),
      entry("2025-03-18", "in_progress", 40, "试点学校开始使用智能教育助手。"),
      entry("2025-11-12", "in_progress", 65, "开展试点效果评估。"),
    ],
  },
  {
    code: "R8.3",
    titleZh: "建立以应用效果为导向的大模型评测机制",
    titleEn: "Evaluation of large models by their results in use",
    descriptionZh: "超越榜单的局限，建立以实际应用效果为导向的评测办法，避免“刷榜”带来的评测失真。",
    descriptionEn:
      "Go beyond leaderboards with an evaluation method based on results in real use, avoiding the distortions of leaderboard chasing.",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-06-01",
    dueDate: "2025-06-30",
    weight: 2,
    history: [
      entry("2024-07-18", "in_progress", 20, "调研现有大模型评测平台与方法。"),
      entry("2025-01-22", "in_progress", 60, "评测办法征求意见。"),
      entry("2025-06-20", "completed", 100, "评测办法形成并试行。"),
    ],
  },
];

export const SAMPLE_RECOMMENDATIONS: readonly SampleRecommendation[] = [
  {
    code: "R1",
    titleZh: "集中力量研发基础大模型",
    titleEn: "Concentrate on 1–2 foundation models",
    themeCode: "MODEL",
    descriptionZh:
      "大模型市场具有“赢者通吃”的特性，零散和低效的努力难以取得领先地位。建议集中力量办大事，专注于研发 1–2 个真正高质量的基础大模型，" +
      "重点建立和强化少数高效、高水平的大模型研发团队。",
    descriptionEn:
      "The large-model market is winner-takes-all, and scattered, inefficient efforts cannot lead it. The proposal asks to " +
      "pool resources on one or two truly high-quality foundation models and to build up a few efficient, top-level research teams.",
    sourceQuote:
      "大模型市场的 “赢者通吃” 特性强化了国内研发策略调整的必要性,即应集中力量办大事,专注于研发 1-2 个真正高质量的基础大模型。" +
      "在这个以规模和技术优势决定成败的领域,零散和低效的努力难以取得领先地位。\n" +
      "因此,我们应重点聚焦于建立和强化少数高效、高水平的大模型研发团队,这不仅是提升国家科技竞争力的关键,也是形成聚焦效应、实现技术突破的必然选择。",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHEITC", "SHFB"],
    startDate: "2024-03-01",
    dueDate: "2026-12-31",
    weight: 1,
    assignedAt: "2024-02-20",
    replyDueAt: replyDueDate("2024-02-20"),
    repliedAt: "2024-05-10",
    replyClass: "B",
    satisfaction: "satisfied",
    feedbackAt: "2024-05-24",
    actions: R1_ACTIONS,
  },
  {
    code: "R2",
    titleZh: "算力与科研资源支持",
    titleEn: "Compute support for researchers",
    themeCode: "COMPUTE",
    descriptionZh:
      "顶尖高校的杰出青年科学家受算力等资源所限，往往未能充分参与大模型的主流创新研究。建议通过创新体制机制整合这些分散但极具潜力的科研力量，" +
      "为其提供充足的算力和科研资源，支持其自由探索“下一代人工智能算法与架构”的原创技术路径。",
    descriptionEn:
      "Outstanding young scientists at leading universities are often kept out of mainstream large-model research by a lack " +
      "of compute. The proposal asks for new institutional arrangements that bring these scattered but promising researchers " +
      "together and give them enough compute and research resources to explore original paths towards next-generation AI " +
      "algorithms and architectures.",
    sourceQuote:
      "对于我国来说,尽管顶尖高校人工智能领域的杰出青年科学家具备了成为 “世界级选手” 的潜力,但巧妇难为无米之炊,由于算力等资源的限制,他们往往未能充分参与大模型的主流创新研究。" +
      "因此,迫切需要通过创新体制机制,整合这些分散但极具潜力的科研创新力量,为他们提供充足的算力和科研资源支持,使他们能够自由探索 “下一代人工智能算法与架构” 的原创技术路径。",
    leadAgencyCode: "STCSM",
    coAgencyCodes: ["SHMEC", "SHEITC"],
    startDate: "2024-03-01",
    dueDate: "2025-12-31",
    weight: 1,
    assignedAt: "2024-02-20",
    replyDueAt: replyDueDate("2024-02-20"),
    repliedAt: "2024-05-16",
    replyClass: "B",
    satisfaction: "basically_satisfied",
    feedbackAt: "2024-05-30",
    actions: R2_ACTIONS,
  },
  {
    code: "R3",
    titleZh: "完全开源开放",
    titleEn: "Full open-source strategy",
    themeCode: "ECOSYSTEM",
    descriptionZh:
      "与主要以盈利为目标、仅开源非尖端技术的国外私企不同，我国可以实施完全开源开放的策略。建议建立高质量的万亿参数大模型开源生态系统，" +
      "推动行业发展、提升大模型整体竞争力，并吸引全球人才加入协作。",
    descriptionEn:
      "Unlike foreign private firms that open-source only non-frontier technology, China can pursue a fully open strategy. " +
      "The proposal asks for a high-quality open-source ecosystem of trillion-parameter models, to lift the whole industry " +
      "and draw talent from around the world into the collaboration.",
    sourceQuote:
      "此外,与主要以盈利为目标且仅开源非尖端技术的国外私企不同,我国可以实施完全开源开放的策略。" +
      "通过建立高质量的万亿参数大模型开源生态系统,我们不仅可以推动行业发展,提升大模型的整体竞争力,还能吸引全球人才加入协作,加速技术创新。" +
      "这种开源战略不仅在国际上产生深远影响,也可能成为构筑我国大模型全球竞争力的关键途径。",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["STCSM"],
    startDate: "2024-03-01",
    dueDate: "2026-06-30",
    weight: 1,
    assignedAt: "2024-02-20",
    replyDueAt: replyDueDate("2024-02-20"),
    repliedAt: "2024-04-26",
    replyClass: "A",
    satisfaction: "satisfied",
    feedbackAt: "2024-05-10",
    actions: R3_ACTIONS,
  },
  {
    code: "R4",
    titleZh: "产业联盟与行业融合",
    titleEn: "Industry alliances",
    themeCode: "ECOSYSTEM",
    descriptionZh:
      "借鉴美国万亿参数联盟（TPC）的模式，整合国内数字化基础扎实的行业领军企业，针对各类应用场景和行业痛点提供创新解决方案，形成有效的研发反馈闭环。" +
      "访谈举例：媒体领域可联合中央广播电视总台等国家级媒体，金融领域可支持银行利用大模型开展线上业务，并鼓励平台企业发挥平台优势。",
    descriptionEn:
      "Following the model of the US Trillion Parameter Consortium (TPC), bring together industry leaders with strong " +
      "digital foundations to solve real application scenarios and industry pain points, closing the loop between research " +
      "and feedback. The interview's examples: media (with national broadcasters such as China Media Group), finance " +
      "(banks moving business online) and platform companies.",
    sourceQuote:
      "借鉴美国万亿参数联盟的模式,我们可以整合国内数字化基础扎实的行业领军企业,针对各类应用场景和行业痛点提供创新解决方案," +
      "推动大模型深度融入经济和产业核心,形成有效的研发反馈闭环,提升大模型的综合应用能力,从而加快产业创新和经济转型。",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["SHDRC", "STCSM"],
    startDate: "2024-03-15",
    dueDate: "2027-06-30",
    weight: 1,
    assignedAt: "2024-03-05",
    replyDueAt: replyDueDate("2024-03-05"),
    // Replied after the statutory deadline, so the late reply shows.
    repliedAt: "2024-06-18",
    replyClass: "B",
    satisfaction: "basically_satisfied",
    feedbackAt: "2024-07-02",
    actions: R4_ACTIONS,
  },
  {
    code: "R5",
    titleZh: "容错的应用测试平台（沙盒）",
    titleEn: "Fault-tolerant sandbox testing platform",
    themeCode: "GOVERNANCE",
    descriptionZh:
      "大模型技术风险和社会影响存在显著的不确定性，需把握好创新与安全的平衡。建议定向选择先进力量建立有容错能力的大模型应用测试平台，" +
      "监测创新测试、及时发现和管理潜在风险，并汇集跨学科专家、鼓励公众参与，进行政策干预和社会影响实验。",
    descriptionEn:
      "The risks and social impact of large models are highly uncertain, so innovation and safety must be balanced. The " +
      "proposal asks for a fault-tolerant testing platform for large-model applications, built by selected leading " +
      "institutions, to monitor trials, catch and manage risks early, and run policy-intervention and social-impact " +
      "experiments with interdisciplinary experts and public participation.",
    sourceQuote:
      "同时,大模型技术风险和社会影响存在显著的不确定性,把握好创新与安全的平衡至关重要。" +
      "通过定向选择一些先进力量建立有容错能力的大模型应用测试平台,监测大模型创新测试,及时发现和管理潜在风险,并汇集跨学科专家,鼓励公众参与," +
      "进行政策干预和社会影响实验,以确保在安全框架内探索最佳监管和治理方案。",
    leadAgencyCode: "SHCAC",
    coAgencyCodes: ["SHEITC", "STCSM"],
    startDate: "2024-03-15",
    dueDate: "2027-12-31",
    weight: 1,
    assignedAt: "2024-03-05",
    replyDueAt: replyDueDate("2024-03-05"),
    repliedAt: "2024-05-30",
    replyClass: "C",
    satisfaction: "dissatisfied",
    feedbackAt: "2024-06-12",
    actions: R5_ACTIONS,
  },
  {
    code: "R6",
    titleZh: "语料数据联盟",
    titleEn: "Corpus data alliance",
    themeCode: "COMPUTE",
    descriptionZh:
      "模型训练数据的需求增长迅速，访谈引述的研究预测高质量语言数据将在 2026 年耗尽。建议通过建立大模型语料数据联盟等机制挖掘私域数据的价值，" +
      "保证高质量数据供应。",
    descriptionEn:
      "Demand for training data is growing fast; research cited in the interview predicts that high-quality language data " +
      "will run out in 2026. The proposal asks for mechanisms such as a large-model corpus data alliance to unlock the value " +
      "of private-domain data and secure a supply of high-quality data.",
    sourceQuote:
      "据研究预测,高质量语言数据将在 2026 年耗尽,而低质量语言和图像数据将在 2030 至 2060 年间耗尽。" +
      "我们通过建立大模型语料数据联盟等机制来挖掘私域数据的价值,保证高质量数据供应。",
    leadAgencyCode: "SHDATA",
    coAgencyCodes: ["SHEITC"],
    startDate: "2024-03-15",
    dueDate: "2026-09-30",
    weight: 1,
    assignedAt: "2024-03-05",
    replyDueAt: replyDueDate("2024-03-05"),
    repliedAt: "2024-05-28",
    replyClass: "B",
    satisfaction: "satisfied",
    feedbackAt: "2024-06-11",
    actions: R6_ACTIONS,
  },
  {
    code: "R7",
    titleZh: "人才聚集与创新共同体",
    titleEn: "Talent and an AI innovation community",
    themeCode: "TALENT",
    descriptionZh:
      "国外人工智能人才正向拥有顶级数据和算力平台的产业界流动。建议在更大范围内实现战略科技人才的聚集，联合大学、研究院、科技企业等创新主体中分散的研究力量，" +
      "形成人工智能科技创新共同体；访谈提到上海人工智能实验室与上海交通大学正在探索共建特区型的人工智能学院。",
    descriptionEn:
      "Abroad, AI talent is moving to industry, where the best data and compute are. The proposal asks to gather strategic " +
      "science and technology talent on a larger scale and to join the scattered research strengths of universities, " +
      "institutes and companies into an AI innovation community; the interview mentions that Shanghai AI Laboratory and " +
      "Shanghai Jiao Tong University are exploring a jointly built “special-zone” AI college.",
    sourceQuote:
      "我们也应当进一步思考如何能够在更大范围内实现战略科技人才的聚集,如何更有效地联合大学、研究院、科技企业等创新主体中分散的研究力量, " +
      "形成人工智能科技创新共同体,来共同进行大模型研发攻关。\n" +
      "上海人工智能实验室与上海交通大学正在探索共建特区型的人工智能学院,打造教育科技人才三位一体的深度合作网络,推进下一代人工智能算法与框架的原始创新。",
    leadAgencyCode: "SHMEC",
    coAgencyCodes: ["STCSM", "SHHRSS"],
    startDate: "2024-03-01",
    dueDate: "2027-08-31",
    weight: 1,
    assignedAt: "2024-02-20",
    replyDueAt: replyDueDate("2024-02-20"),
    repliedAt: "2024-05-15",
    replyClass: "B",
    satisfaction: "satisfied",
    feedbackAt: "2024-05-29",
    actions: R7_ACTIONS,
  },
  {
    code: "R8",
    titleZh: "以应用为导向、超越刷榜",
    titleEn: "Application-led, beyond leaderboards",
    themeCode: "APPLICATION",
    descriptionZh:
      "国内大模型存在过于热衷“刷榜”的现象，真正广泛应用的案例仍然少见。建议超越榜单的局限，以市场应用为导向，实现从数量到质量的转变；" +
      "访谈将医疗和教育列为最值得期待的落地领域。",
    descriptionEn:
      "Chinese large models chase leaderboards too much, and widely used applications remain rare. The proposal asks to move " +
      "beyond leaderboards, let market applications lead, and shift from quantity to quality; the interview names medicine " +
      "and education as the fields where it most expects applications.",
    sourceQuote:
      "在新一轮竞争中,中国大模型如何能够超越榜单的局限,以市场应用为导向,实现从数量到质量的转变,值得我们深思。",
    leadAgencyCode: "SHEITC",
    coAgencyCodes: ["SHHC", "SHMEC"],
    startDate: "2024-03-01",
    dueDate: "2025-12-31",
    weight: 1,
    assignedAt: "2024-02-20",
    replyDueAt: replyDueDate("2024-02-20"),
    repliedAt: "2024-05-08",
    replyClass: "A",
    satisfaction: "satisfied",
    feedbackAt: "2024-05-22",
    actions: R8_ACTIONS,
  },
];

// ---------------------------------------------------------------------------------------------
// Evidence: real public pages only (see DOMAIN.md); publication dates are unknown, so left empty.

export const SAMPLE_EVIDENCE: readonly SampleEvidence[] = [
  {
    target: "R1.1",
    url: "https://github.com/InternLM/InternLM",
    titleZh: "书生·浦语（InternLM）开源基础大模型（GitHub 仓库）",
    titleEn: "InternLM open foundation models (GitHub repository)",
    kind: "repository",
    publisher: "上海人工智能实验室",
    publishedAt: null,
    note: "本市研究机构公开发布的基础大模型，作为基础大模型研发团队及其成果的公开参考。",
    isPublic: true,
    citedBy: "2025-07-15",
  },
  {
    target: "R2.2",
    url: "https://github.com/SJTU-IPADS/PowerInfer",
    titleZh: "PowerInfer 开源推理框架（GitHub 仓库）",
    titleEn: "PowerInfer open-source inference engine (GitHub repository)",
    kind: "repository",
    publisher: "上海交通大学 IPADS 实验室",
    publishedAt: null,
    note: "《建议》访谈提到的开源推理框架，可在现有硬件上加快大模型推理，是推广高效推理框架的参考对象。",
    isPublic: true,
    citedBy: "2024-05-10",
  },
  {
    target: "R3.2",
    url: "https://github.com/InternLM/InternLM",
    titleZh: "书生·浦语（InternLM）开源基础大模型（GitHub 仓库）",
    titleEn: "InternLM open foundation models (GitHub repository)",
    kind: "repository",
    publisher: "上海人工智能实验室",
    publishedAt: null,
    note: "本市开源发布的基础大模型，属于开源生态建设梳理的项目之一。",
    isPublic: true,
    citedBy: "2024-05-20",
  },
  {
    target: "R4.1",
    url: "https://tpc.dev",
    titleZh: "万亿参数联盟（Trillion Parameter Consortium）官网",
    titleEn: "Trillion Parameter Consortium website",
    kind: "other",
    publisher: "Trillion Parameter Consortium",
    publishedAt: null,
    note: "《建议》提出借鉴的联盟模式，用于研究其组织方式。",
    isPublic: true,
    citedBy: "2024-07-05",
  },
  {
    target: "R5.1",
    url: "https://github.com/open-compass/opencompass",
    titleZh: "OpenCompass 大模型开放评测平台（GitHub 仓库）",
    titleEn: "OpenCompass open evaluation platform for large models (GitHub repository)",
    kind: "repository",
    publisher: "上海人工智能实验室",
    publishedAt: null,
    note: "公开的大模型评测工具，可作为应用测试平台监测模型表现的技术参考。",
    isPublic: true,
    citedBy: "2026-01-14",
  },
  {
    target: "R6.2",
    url: "https://opendatalab.com",
    titleZh: "OpenDataLab 开放数据平台",
    titleEn: "OpenDataLab open data platform",
    kind: "dataset",
    publisher: "OpenDataLab",
    publishedAt: null,
    note: "面向人工智能的开放数据平台，是高质量语料开放供给的渠道之一。",
    isPublic: true,
    citedBy: "2025-04-09",
  },
  {
    target: "R7.1",
    url: "https://www.shlab.org.cn",
    titleZh: "上海人工智能实验室官网",
    titleEn: "Shanghai Artificial Intelligence Laboratory website",
    kind: "other",
    publisher: "上海人工智能实验室",
    publishedAt: null,
    note: "访谈提到与上海交通大学探索共建特区型人工智能学院的共建方。",
    isPublic: true,
    citedBy: "2024-04-18",
  },
  {
    target: "R8.1",
    url: "https://github.com/chaoyi-wu/RadFM",
    titleZh: "RadFM 开源多模态医疗放射基础模型（GitHub 仓库）",
    titleEn: "RadFM open multimodal radiology foundation model (GitHub repository)",
    kind: "repository",
    publisher: "王延峰教授团队",
    publishedAt: null,
    note: "访谈提到的全球首个开源多模态医疗基础模型，可用于医疗影像诊断等示范场景。",
    isPublic: true,
    citedBy: "2024-05-15",
  },
  {
    target: "R8.3",
    url: "https://github.com/open-compass/opencompass",
    titleZh: "OpenCompass 大模型开放评测平台（GitHub 仓库）",
    titleEn: "OpenCompass open evaluation platform for large models (GitHub repository)",
    kind: "repository",
    publisher: "上海人工智能实验室",
    publishedAt: null,
    note: "公开的大模型评测平台，在调研现有评测平台与方法时参考。",
    isPublic: true,
    citedBy: "2024-07-18",
  },
];
