// What 督办 shows: a recommendation's priority mark, its warning level today (lib/cycle/warning.ts) and
// its 督办单 with their answers (the item page's panel), and the notices still to be answered (the
// office's desk), those whose answer is late first.
import type { Actor } from "@/lib/auth/permissions";
import { shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import type { DbClient } from "@/lib/db/client";
import type { CycleStage, WarningLevel } from "@/lib/db/enums";
import { liveRecommendations } from "@/lib/db/live";
import { checkStep } from "./machine";
import { loadCycleSettings } from "./settings";
import { warningDeadline, warningOn } from "./warning";

export type NoticeView = {
  id: string;
  level: WarningLevel;
  text: string;
  agencyZh: string;
  agencyEn: string | null;
  /** "YYYY-MM-DD" (Shanghai). */
  issuedOn: string;
  issuedBy: string;
  answerDue: string;
  acknowledgedOn: string | null;
  answer: string | null;
  answeredOn: string | null;
  /** Not answered and past its answer day, or answered after it. */
  late: boolean;
  /** What the viewer may do with it now. */
  canAcknowledge: boolean;
  canAnswer: boolean;
};

export type SupervisionPanelData = {
  recommendationId: string;
  version: number;
  stage: CycleStage;
  priority: boolean;
  warning: WarningLevel | null;
  /** The deadline the warning looks at, "YYYY-MM-DD". */
  deadline: string | null;
  notices: NoticeView[];
  canSetPriority: boolean;
  canIssue: boolean;
  /** The earliest answer day the office may set: today. */
  today: string;
};

const noticeSelect = {
  id: true,
  level: true,
  text: true,
  agencyId: true,
  answerDueAt: true,
  acknowledgedAt: true,
  answer: true,
  answeredAt: true,
  createdAt: true,
  agency: { select: { nameZh: true, nameEn: true } },
  issuedBy: { select: { name: true } },
} as const;

type NoticeRow = {
  id: string;
  level: WarningLevel;
  text: string;
  answerDueAt: Date;
  acknowledgedAt: Date | null;
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
  agency: { nameZh: string; nameEn: string | null };
  issuedBy: { name: string };
};

const day = (date: Date | null) => (date ? toShanghaiDateString(date) : null);

function noticeView(row: NoticeRow, today: string): Omit<NoticeView, "canAcknowledge" | "canAnswer"> {
  const answerDue = toShanghaiDateString(row.answerDueAt);
  const answeredOn = day(row.answeredAt);
  return {
    id: row.id,
    level: row.level,
    text: row.text,
    agencyZh: row.agency.nameZh,
    agencyEn: row.agency.nameEn,
    issuedOn: toShanghaiDateString(row.createdAt),
    issuedBy: row.issuedBy.name,
    answerDue,
    acknowledgedOn: day(row.acknowledgedAt),
    answer: row.answer,
    answeredOn,
    late: (answeredOn ?? today) > answerDue,
  };
}

export async function loadSupervisionPanel(
  db: DbClient,
  recommendationId: string,
  viewer: Actor,
  now: Date = new Date(),
): Promise<SupervisionPanelData | null> {
  const rec = await db.recommendation.findUnique({
    where: liveRecommendations({ id: recommendationId }),
    select: {
      id: true,
      version: true,
      stage: true,
      status: true,
      priority: true,
      replyDueAt: true,
      repliedAt: true,
      dueDate: true,
      agencies: { select: { agencyId: true, role: true } },
      supervisionNotices: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: noticeSelect },
    },
  });
  if (!rec) return null;
  const settings = await loadCycleSettings(db);
  const today = toShanghaiDateString(now);
  const can = (step: "setPriority" | "issueNotice" | "acknowledgeNotice" | "answerNotice") =>
    checkStep(step, rec.stage, viewer, rec.agencies).ok;
  const deadline = warningDeadline(rec);
  return {
    recommendationId: rec.id,
    version: rec.version,
    stage: rec.stage,
    priority: rec.priority,
    warning: warningOn(rec, shanghaiToday(now), settings),
    deadline: day(deadline),
    notices: rec.supervisionNotices.map((row) => {
      const own = row.agencyId === viewer.agencyId;
      return {
        ...noticeView(row, today),
        canAcknowledge: own && row.acknowledgedAt === null && can("acknowledgeNotice"),
        canAnswer: own && row.acknowledgedAt !== null && row.answeredAt === null && can("answerNotice"),
      };
    }),
    canSetPriority: can("setPriority"),
    canIssue: can("issueNotice") && rec.agencies.some((agency) => agency.role === "lead"),
    today,
  };
}

export type OpenNotice = Omit<NoticeView, "canAcknowledge" | "canAnswer"> & {
  recommendationCode: string;
  titleZh: string;
  titleEn: string | null;
  proposalCode: string;
};

/** The notices not yet answered, of items still live: those late first, then by answer day. */
export async function loadOpenNotices(db: DbClient, now: Date = new Date()): Promise<OpenNotice[]> {
  const rows = await db.supervisionNotice.findMany({
    where: { answeredAt: null, recommendation: liveRecommendations() },
    orderBy: [{ answerDueAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: {
      ...noticeSelect,
      recommendation: {
        select: { code: true, titleZh: true, titleEn: true, proposal: { select: { code: true } } },
      },
    },
  });
  const today = toShanghaiDateString(now);
  // Ordered by answer day, the late ones already come first; kept explicit should the order change.
  return rows
    .map(({ recommendation, ...row }) => ({
      ...noticeView(row, today),
      recommendationCode: recommendation.code,
      titleZh: recommendation.titleZh,
      titleEn: recommendation.titleEn,
      proposalCode: recommendation.proposal.code,
    }))
    .sort((a, b) => Number(b.late) - Number(a.late));
}

/** The panel for a page (pages read through their features, never the database themselves). */
export function supervisionPanelOf(recommendationId: string, viewer: Actor) {
  return loadSupervisionPanel(db, recommendationId, viewer);
}

/** The office's desk: the 督办单 still to be answered. */
export function openNoticesOnDesk() {
  return loadOpenNotices(db);
}
