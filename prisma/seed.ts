// Loads the sample data (prisma/sample-data.ts) into the database DATABASE_URL names.
//   npx tsx prisma/seed.ts      seeds only an empty database (no proposal yet)
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { hashPassword } from "better-auth/crypto";
import type { Prisma } from "../generated/sqlite/client";
import { recordAudit } from "../lib/audit/record";
import { publishedCalendar } from "../lib/cycle/holidays";
import { addWorkingDays, type WorkingCalendar } from "../lib/cycle/working-days";
import { shanghaiDate, toShanghaiDateString } from "../lib/dates";
import { createPrismaClient, type Db, providerOf } from "../lib/db/client";
import type { CycleStage, ItemStatus } from "../lib/db/enums";
import { sql } from "../lib/db/sql";
import { createStatusUpdate } from "../lib/history-chain/append";
import { addDays, MAX_CATCH_UP_DAYS, runReminders } from "../lib/notifications/scheduler";
import { createSampleComments } from "./sample-comments";
import { createSampleContacts } from "./sample-contacts";
import { SAMPLE_CYCLE } from "./sample-cycle";
import {
  deriveRecommendationHistory,
  type IsoDate,
  SAMPLE_AGENCIES,
  SAMPLE_EVIDENCE,
  SAMPLE_PASSWORD,
  SAMPLE_PROPOSAL,
  SAMPLE_RECOMMENDATIONS,
  SAMPLE_THEMES,
  SAMPLE_USERS,
  type SampleAction,
  type SampleRecommendation,
} from "./sample-data";
import { createSampleRatings, SAMPLE_RATING } from "./sample-rating";

type Tx = Prisma.TransactionClient;

export interface SeedOptions {
  /** Write nothing (and return null) when the database already holds a proposal. */
  onlyIfEmpty?: boolean;
}

export interface SeedCounts {
  themes: number;
  agencies: number;
  users: number;
  proposals: number;
  recommendations: number;
  actions: number;
  statusUpdates: number;
  evidence: number;
  evidenceLinks: number;
}

/** What the status updates of one item (recommendation or action) hang on. */
type UpdateParent = { recommendationId: string } | { actionId: string };

// Sample records were entered on the working day they describe: at 10:00 Shanghai time, and the
// roll-up of a recommendation a few minutes after the action updates that caused it.
const RECORDED_AT_HOUR = 10;
const ROLL_UP_DELAY_MINUTES = 5;
// Reference data existed before the first assignment (2024-02-20).
const REFERENCE_DATA_CREATED_ON: IsoDate = "2024-02-01";

function recordedAt(date: IsoDate, extraMinutes = 0): Date {
  return new Date(shanghaiDate(date).getTime() + (RECORDED_AT_HOUR * 60 + extraMinutes) * 60_000);
}

function earliest(dates: readonly IsoDate[]): IsoDate {
  const [first] = [...dates].sort();
  if (first === undefined) throw new Error("earliest() needs at least one date");
  return first;
}

function lastOf<T>(items: readonly T[]): T | undefined {
  return items[items.length - 1];
}

function updateKey(itemCode: string, date: IsoDate): string {
  return `${itemCode}@${date}`;
}

/** Writes the sample proposal and everything around it, in one transaction. */
export async function seedSampleData(db: Db, options: SeedOptions = {}): Promise<SeedCounts | null> {
  // Two app processes starting at once on an empty PostgreSQL database both seed it: the second waits
  // for the first before it counts, then finds its proposal. (On SQLite, one machine's file, a second
  // start cannot get this far: its migrations need the file to themselves.)
  const postgresql = providerOf(db) === "postgresql";
  return db.$transaction(
    async (tx) => {
      if (postgresql) {
        // Another process's seeding may take longer than the app's lock timeout (lib/db/client.ts).
        await tx.$executeRaw(sql`SET LOCAL lock_timeout = 0`);
        await tx.$executeRaw(sql`SELECT pg_advisory_xact_lock(hashtext('seedSampleData'))`);
      }
      if (options.onlyIfEmpty && (await tx.proposal.count()) > 0) return null;
      return writeSampleData(tx);
    },
    { timeout: 60_000 },
  );
}

async function writeSampleData(tx: Tx): Promise<SeedCounts> {
  const referenceCreatedAt = recordedAt(REFERENCE_DATA_CREATED_ON);
  const themeIds = await createThemes(tx, referenceCreatedAt);
  const agencyIds = await createAgencies(tx, referenceCreatedAt);
  const users = await createUsers(tx, agencyIds, referenceCreatedAt);
  const calendar = await createCalendar(tx);
  const proposalId = await createProposal(tx, referenceCreatedAt);

  // Status updates by item code and effective date, so that evidence can be linked to the one citing it.
  const updateIds = new Map<string, string>();
  // Item ids and authors by item code.
  const items = new Map<string, { parent: UpdateParent; authorId: string }>();

  for (const [index, recommendation] of SAMPLE_RECOMMENDATIONS.entries()) {
    const recommendationId = await createRecommendation(tx, {
      recommendation,
      sortOrder: index + 1,
      proposalId,
      themeIds,
      agencyIds,
      calendar,
      users,
    });
    const recommendationAuthor = users.authorFor(recommendation.leadAgencyCode);
    items.set(recommendation.code, { parent: { recommendationId }, authorId: recommendationAuthor });

    for (const [actionIndex, action] of recommendation.actions.entries()) {
      const actionId = await createAction(tx, {
        action,
        sortOrder: actionIndex + 1,
        recommendationId,
        agencyIds,
      });
      const authorId = users.authorFor(action.leadAgencyCode);
      items.set(action.code, { parent: { actionId }, authorId });
      await createActionHistory(tx, action, { actionId }, authorId, updateIds);
    }
    await createRecommendationHistory(tx, recommendation, { recommendationId }, recommendationAuthor, {
      updateIds,
      items,
    });
  }

  const evidenceLinks = await createEvidence(tx, items, updateIds);
  await createProposedUpdates(tx, items, agencyIds, users);
  await createSampleContacts(tx, {
    recommendationId: (code) => {
      const parent = items.get(code)?.parent;
      if (!parent || !("recommendationId" in parent)) throw new Error(`No sample recommendation ${code}`);
      return parent.recommendationId;
    },
    staffOf: (agency) => users.stepTakerFor("staff", agency),
    agencyId: (agency) => requireId(agencyIds, agency, "agency"),
    deputyId:
      (await tx.proposal.findUnique({ where: { id: proposalId }, select: { authorUserId: true } }))
        ?.authorUserId ?? null,
    recordedAt: (date) => recordedAt(date),
  });
  await createSampleRatings(tx, recommendationIdsOf(items));
  await createSampleComments(tx);

  const counts = {
    themes: themeIds.size,
    agencies: agencyIds.size,
    users: SAMPLE_USERS.length,
    proposals: 1,
    recommendations: SAMPLE_RECOMMENDATIONS.length,
    actions: SAMPLE_RECOMMENDATIONS.reduce((sum, recommendation) => sum + recommendation.actions.length, 0),
    statusUpdates: updateIds.size,
    evidence: SAMPLE_EVIDENCE.length,
    evidenceLinks,
  };
  // Loading the sample is a write like any other: the audit log says when it happened.
  await recordAudit(tx, {
    actorId: null,
    action: "sample.load",
    entityType: "Proposal",
    entityId: proposalId,
    after: counts,
  });
  return counts;
}

/** The working-day calendar of the years the sample covers, as published. */
async function createCalendar(tx: Tx): Promise<WorkingCalendar> {
  const rows = publishedCalendar(2024, 2026);
  await tx.calendarDay.createMany({ data: rows });
  return new Map(rows.map((row) => [toShanghaiDateString(row.day), row.workday]));
}

async function createThemes(tx: Tx, createdAt: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const theme of SAMPLE_THEMES) {
    const { id } = await tx.theme.create({ data: { ...theme, createdAt, updatedAt: createdAt } });
    ids.set(theme.code, id);
  }
  return ids;
}

async function createAgencies(tx: Tx, createdAt: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const agency of SAMPLE_AGENCIES) {
    const { id } = await tx.agency.create({ data: { ...agency, createdAt, updatedAt: createdAt } });
    ids.set(agency.code, id);
  }
  return ids;
}

/** The sample users, and who records the updates of an item: its lead agency's staff member, else the admin. */
async function createUsers(tx: Tx, agencyIds: Map<string, string>, createdAt: Date) {
  const staffByAgency = new Map<string, string>();
  const reviewerByAgency = new Map<string, string>();
  let adminId: string | undefined;
  let officeId: string | undefined;
  for (const user of SAMPLE_USERS) {
    const { id } = await tx.user.create({
      data: {
        name: user.name,
        email: user.email,
        role: user.role,
        isReviewer: user.isReviewer ?? false,
        agencyId: user.agencyCode === null ? null : requireId(agencyIds, user.agencyCode, "agency"),
        createdAt,
        updatedAt: createdAt,
      },
    });
    // The authentication library's credential record (its accountId is the user id), with its own
    // scrypt hash of the shared demo password.
    await tx.account.create({
      data: {
        id: `credential-${id}`,
        providerId: "credential",
        accountId: id,
        userId: id,
        password: await hashPassword(SAMPLE_PASSWORD),
      },
    });
    if (user.role === "admin") adminId ??= id;
    if (user.role === "office") officeId ??= id;
    if (user.role === "staff" && user.agencyCode !== null && user.isReviewer)
      reviewerByAgency.set(user.agencyCode, id);
    if (user.role === "staff" && user.agencyCode !== null && !user.isReviewer)
      staffByAgency.set(user.agencyCode, id);
  }
  if (adminId === undefined) throw new Error("The sample data needs an admin user");
  const fallbackAuthorId = adminId;
  return {
    authorFor: (leadAgencyCode: string): string => staffByAgency.get(leadAgencyCode) ?? fallbackAuthorId,
    /** Who takes a step of the sample's cycle stories (each story names an agency with a sample user). */
    stepTakerFor: (kind: "office" | "staff" | "reviewer", agencyCode?: string): string => {
      const id =
        kind === "office"
          ? officeId
          : (kind === "staff" ? staffByAgency : reviewerByAgency).get(agencyCode ?? "");
      if (id === undefined)
        throw new Error(`The sample has no ${kind} user${agencyCode ? ` of ${agencyCode}` : ""}`);
      return id;
    },
  };
}

async function createProposal(tx: Tx, createdAt: Date): Promise<string> {
  const { submittedAt, ...fields } = SAMPLE_PROPOSAL;
  // The demo deputy account is the proposal's first author.
  const author = await tx.user.findFirst({ where: { role: "deputy" }, select: { id: true } });
  const { id } = await tx.proposal.create({
    data: {
      ...fields,
      authorUserId: author?.id ?? null,
      submittedAt: shanghaiDate(submittedAt),
      createdAt,
      updatedAt: createdAt,
    },
  });
  return id;
}

function agencyRows(lead: string, coHandlers: readonly string[], agencyIds: Map<string, string>) {
  return [
    { agencyId: requireId(agencyIds, lead, "agency"), role: "lead" as const },
    ...coHandlers.map((code) => ({
      agencyId: requireId(agencyIds, code, "agency"),
      role: "co_handler" as const,
    })),
  ];
}

async function createRecommendation(
  tx: Tx,
  input: {
    recommendation: SampleRecommendation;
    sortOrder: number;
    proposalId: string;
    themeIds: Map<string, string>;
    agencyIds: Map<string, string>;
    calendar: WorkingCalendar;
    users: SampleUsers;
  },
): Promise<string> {
  const { recommendation: r, sortOrder, proposalId, themeIds, agencyIds, calendar, users } = input;
  const history = deriveRecommendationHistory(r.actions);
  const current = lastOf(history);
  const createdAt = recordedAt(r.assignedAt);
  const approvedExtension = SAMPLE_CYCLE.extensions.find(
    (extension) => extension.recommendation === r.code && extension.approved,
  );
  const closedOn = SAMPLE_CYCLE.closed[r.code];
  const unrated = SAMPLE_RATING.unrated.includes(r.code);
  const { id } = await tx.recommendation.create({
    data: {
      proposalId,
      code: r.code,
      sortOrder,
      titleZh: r.titleZh,
      titleEn: r.titleEn,
      descriptionZh: r.descriptionZh,
      descriptionEn: r.descriptionEn,
      sourceQuote: r.sourceQuote,
      themeId: requireId(themeIds, r.themeCode, "theme"),
      status: current?.status ?? "not_started",
      progress: current?.progress ?? 0,
      startDate: shanghaiDate(r.startDate),
      dueDate: shanghaiDate(r.dueDate),
      weight: r.weight,
      assignedAt: shanghaiDate(r.assignedAt),
      // Only an approved extension moves the reply deadline.
      replyDueAt: shanghaiDate(approvedExtension?.requestedDue ?? r.replyDueAt),
      repliedAt: shanghaiDate(r.repliedAt),
      replyClass: r.replyClass,
      // Every sample recommendation was replied to in 2024 and rated, but the ones that await the
      // deputy's rating (prisma/sample-rating.ts); some were closed since.
      satisfaction: unrated ? null : r.satisfaction,
      feedbackAt: unrated ? null : shanghaiDate(r.feedbackAt),
      stage: closedOn ? "closed" : unrated ? "replied" : "evaluated",
      closedAt: closedOn ? recordedAt(closedOn) : null,
      priority: r.code in SAMPLE_CYCLE.priority,
      createdAt,
      updatedAt: current ? recordedAt(current.effectiveDate, ROLL_UP_DELAY_MINUTES) : createdAt,
    },
  });
  // Each agency acknowledged its assignment on the next working day, the co-handlers a day later
  // (but the ones the stories say never did).
  const unacknowledged = new Set(
    (SAMPLE_CYCLE.unacknowledged[r.code] ?? []).map((code) => requireId(agencyIds, code, "agency")),
  );
  const agencies = agencyRows(r.leadAgencyCode, r.coAgencyCodes, agencyIds).map((row) => ({
    ...row,
    recommendationId: id,
    createdAt,
    acknowledgedAt: unacknowledged.has(row.agencyId)
      ? null
      : recordedAt(addWorkingDays(calendar, r.assignedAt, row.role === "lead" ? 1 : 2)),
  }));
  await tx.recommendationAgency.createMany({ data: agencies });
  // The cycle's history as far as the sample's dates tell it.
  const event = (
    step: string,
    fromStage: CycleStage,
    toStage: CycleStage,
    at: Date,
    agencyId: string | null = null,
  ) => ({ recommendationId: id, step, fromStage, toStage, agencyId, note: "示例数据", createdAt: at });
  const lead = agencies[0];
  const acknowledged = agencies.flatMap((row) =>
    row.acknowledgedAt ? [{ ...row, at: row.acknowledgedAt }] : [],
  );
  const reply = SAMPLE_CYCLE.replies.find((story) => story.recommendation === r.code);
  await tx.cycleEvent.createMany({
    data: [
      event("assign", "unassigned", "assigned", createdAt),
      ...acknowledged.map((row) =>
        event("acknowledge", row.role === "lead" ? "assigned" : "handling", "handling", row.at, row.agencyId),
      ),
      {
        ...event("acceptReply", "submitted", "replied", recordedAt(r.repliedAt), lead?.agencyId),
        ...(reply && {
          actorId: users.stepTakerFor("office"),
          data: { replyClass: r.replyClass, draftClass: reply.draftClass },
        }),
      },
      ...(unrated
        ? []
        : [event("recordFeedback", "replied", "evaluated", recordedAt(r.feedbackAt), lead?.agencyId)]),
    ],
  });
  await createCycleStories(tx, { recommendation: r, id, agencyIds, users, event });
  return id;
}

type SampleUsers = Awaited<ReturnType<typeof createUsers>>;

/** The recommendations' ids by code, of the items written. */
function recommendationIdsOf(items: Map<string, { parent: UpdateParent }>): Map<string, string> {
  return new Map(
    [...items].flatMap(([code, { parent }]) =>
      "recommendationId" in parent ? [[code, parent.recommendationId] as const] : [],
    ),
  );
}

/** The stories' updates waiting for, or refused in, review: ProposedUpdate rows beside the history. */
async function createProposedUpdates(
  tx: Tx,
  items: Map<string, { parent: UpdateParent }>,
  agencyIds: Map<string, string>,
  users: SampleUsers,
) {
  for (const story of SAMPLE_CYCLE.proposedUpdates) {
    const parent = items.get(story.action)?.parent;
    if (!parent || !("actionId" in parent)) throw new Error(`The sample has no action ${story.action}`);
    const { version } = await tx.action.findUniqueOrThrow({ where: { id: parent.actionId } });
    await tx.proposedUpdate.create({
      data: {
        actionId: parent.actionId,
        agencyId: requireId(agencyIds, story.agency, "agency"),
        baseVersion: version,
        statusAfter: story.status,
        progressAfter: story.progress,
        effectiveDate: shanghaiDate(story.proposedOn),
        comment: story.comment,
        authorId: users.stepTakerFor("staff", story.agency),
        createdAt: recordedAt(story.proposedOn),
        ...(story.rejected && {
          state: "rejected" as const,
          reviewedById: users.stepTakerFor("office"),
          reviewedAt: recordedAt(story.rejected.on),
          reviewReason: story.rejected.reason,
        }),
      },
    });
  }
}
type SampleEvent = {
  recommendationId: string;
  step: string;
  fromStage: CycleStage;
  toStage: CycleStage;
  agencyId: string | null;
  note: string;
  createdAt: Date;
};

/** The steps of SAMPLE_CYCLE's stories of one recommendation: its requests, reply, 督办 and closing. */
async function createCycleStories(
  tx: Tx,
  input: {
    recommendation: SampleRecommendation;
    id: string;
    agencyIds: Map<string, string>;
    users: SampleUsers;
    event: (
      step: string,
      from: CycleStage,
      to: CycleStage,
      at: Date,
      agencyId?: string | null,
    ) => SampleEvent;
  },
) {
  const { recommendation: r, id: recommendationId, agencyIds, users, event } = input;
  const of = <T extends { recommendation: string }>(stories: readonly T[]) =>
    stories.filter((story) => story.recommendation === r.code);
  const leadId = requireId(agencyIds, r.leadAgencyCode, "agency");
  const office = users.stepTakerFor("office");
  const events: (SampleEvent & { actorId: string; data?: Prisma.InputJsonValue })[] = [];

  for (const story of of(SAMPLE_CYCLE.extensions)) {
    const requestedById = users.stepTakerFor("staff", r.leadAgencyCode);
    const [asked, decided] = [recordedAt(story.askedOn), recordedAt(story.decidedOn)];
    await tx.extensionRequest.create({
      data: {
        recommendationId,
        previousDueAt: shanghaiDate(r.replyDueAt),
        requestedDueAt: shanghaiDate(story.requestedDue),
        reason: story.reason,
        requestedById,
        state: story.approved ? "approved" : "rejected",
        decidedById: office,
        decidedAt: decided,
        decisionReason: story.decisionReason,
        createdAt: asked,
      },
    });
    const data = { requestedDueAt: story.requestedDue, previousDueAt: r.replyDueAt };
    events.push(
      { ...event("requestExtension", "handling", "handling", asked, leadId), actorId: requestedById, data },
      {
        ...event("decideExtension", "handling", "handling", decided, leadId),
        actorId: office,
        note: story.decisionReason,
        data: { ...data, decision: story.approved ? "approved" : "rejected" },
      },
    );
  }

  for (const story of of(SAMPLE_CYCLE.handbacks)) {
    const agencyId = requireId(agencyIds, story.agency, "agency");
    const requestedById = users.stepTakerFor("staff", story.agency);
    const [asked, decided] = [recordedAt(story.askedOn), recordedAt(story.decidedOn)];
    await tx.handbackRequest.create({
      data: {
        recommendationId,
        agencyId,
        reason: story.reason,
        requestedById,
        state: story.approved ? "approved" : "rejected",
        decidedById: office,
        decidedAt: decided,
        decisionReason: story.decisionReason,
        createdAt: asked,
      },
    });
    events.push(
      {
        ...event("requestHandback", "handling", "handling", asked, agencyId),
        actorId: requestedById,
        note: story.reason,
      },
      {
        ...event("decideHandback", "handling", "handling", decided, agencyId),
        actorId: office,
        note: story.decisionReason,
        data: { decision: story.approved ? "approved" : "rejected" },
      },
    );
  }

  for (const story of of(SAMPLE_CYCLE.replies)) {
    const draftedById = users.stepTakerFor("staff", r.leadAgencyCode);
    const accepted = recordedAt(r.repliedAt);
    await tx.replyDraft.create({
      data: {
        recommendationId,
        replyClass: story.draftClass,
        text: story.text,
        draftedById,
        acceptedClass: r.replyClass,
        acceptedAt: accepted,
        createdAt: recordedAt(story.draftedOn),
        updatedAt: accepted,
      },
    });
    const coHandlers = r.coAgencyCodes.map((code) => ({
      code,
      agencyId: requireId(agencyIds, code, "agency"),
    }));
    await tx.replySignoff.createMany({
      data: coHandlers.map(({ code, agencyId }) => ({
        recommendationId,
        round: 1,
        agencyId,
        decision: "signed" as const,
        userId: users.stepTakerFor("staff", code),
        createdAt: recordedAt(story.signedOn),
      })),
    });
    events.push(
      {
        ...event("draftReply", "handling", "drafting", recordedAt(story.draftedOn), leadId),
        actorId: draftedById,
        data: { replyClass: story.draftClass },
      },
      {
        ...event("submitDraft", "drafting", "cosigning", recordedAt(story.draftedOn, 30), leadId),
        actorId: draftedById,
        data: { round: 1 },
      },
      ...coHandlers.map(({ code, agencyId }, index) => ({
        ...event(
          "signoff",
          "cosigning",
          index === coHandlers.length - 1 ? "reviewing" : "cosigning",
          recordedAt(story.signedOn, index),
          agencyId,
        ),
        actorId: users.stepTakerFor("staff", code),
        data: { round: 1, decision: "signed" },
      })),
      {
        ...event("reviewReply", "reviewing", "submitted", recordedAt(story.reviewedOn), leadId),
        actorId: users.stepTakerFor("reviewer", r.leadAgencyCode),
        data: { decision: "approved" },
      },
    );
  }

  const priorityOn = SAMPLE_CYCLE.priority[r.code];
  if (priorityOn)
    events.push({
      ...event("setPriority", "evaluated", "evaluated", recordedAt(priorityOn)),
      actorId: office,
      data: { priority: true },
    });

  for (const story of of(SAMPLE_CYCLE.notices)) {
    const answeredById = users.stepTakerFor("staff", r.leadAgencyCode);
    const [issued, acknowledged, answered] = [story.issuedOn, story.acknowledgedOn, story.answeredOn].map(
      (day) => recordedAt(day),
    ) as [Date, Date, Date];
    await tx.supervisionNotice.create({
      data: {
        recommendationId,
        agencyId: leadId,
        level: story.level,
        text: story.text,
        answerDueAt: shanghaiDate(story.answerDue),
        issuedById: office,
        acknowledgedAt: acknowledged,
        acknowledgedById: answeredById,
        answer: story.answer,
        answeredAt: answered,
        answeredById,
        createdAt: issued,
      },
    });
    const data = { level: story.level, answerDue: story.answerDue };
    events.push(
      {
        ...event("issueNotice", "evaluated", "evaluated", issued, leadId),
        actorId: office,
        note: story.text,
        data,
      },
      {
        ...event("acknowledgeNotice", "evaluated", "evaluated", acknowledged, leadId),
        actorId: answeredById,
      },
      {
        ...event("answerNotice", "evaluated", "evaluated", answered, leadId),
        actorId: answeredById,
        note: story.answer,
      },
    );
  }

  const closedOn = SAMPLE_CYCLE.closed[r.code];
  if (closedOn)
    events.push({ ...event("close", "evaluated", "closed", recordedAt(closedOn)), actorId: office });

  if (events.length) await tx.cycleEvent.createMany({ data: events });
}

async function createAction(
  tx: Tx,
  input: {
    action: SampleAction;
    sortOrder: number;
    recommendationId: string;
    agencyIds: Map<string, string>;
  },
): Promise<string> {
  const { action: a, sortOrder, recommendationId, agencyIds } = input;
  const current = lastOf(a.history);
  // Some actions were put on the plan before their start date; the record exists from whichever came first.
  const createdAt = recordedAt(earliest([a.startDate, ...a.history.map((entry) => entry.effectiveDate)]));
  const { id } = await tx.action.create({
    data: {
      recommendationId,
      code: a.code,
      sortOrder,
      titleZh: a.titleZh,
      titleEn: a.titleEn,
      descriptionZh: a.descriptionZh,
      descriptionEn: a.descriptionEn,
      status: current?.status ?? "not_started",
      progress: current?.progress ?? 0,
      startDate: shanghaiDate(a.startDate),
      dueDate: shanghaiDate(a.dueDate),
      weight: a.weight,
      createdAt,
      updatedAt: current ? recordedAt(current.effectiveDate) : createdAt,
    },
  });
  await tx.actionAgency.createMany({
    data: agencyRows(a.leadAgencyCode, a.coAgencyCodes, agencyIds).map((row) => ({
      ...row,
      actionId: id,
      createdAt,
    })),
  });
  return id;
}

interface HistoryStep {
  effectiveDate: IsoDate;
  status: ItemStatus;
  progress: number;
  comment: string | null;
  /** For a roll-up: the action update that caused it, its action, and who recorded it. */
  rollUpOf?: { updateId: string; authorId: string; actionCode: string };
}

/** Appends an item's history, each update recording the state it replaced (none for the first). */
async function createHistory(
  tx: Tx,
  itemCode: string,
  steps: readonly HistoryStep[],
  parent: UpdateParent,
  authorId: string,
  updateIds: Map<string, string>,
  extraMinutes = 0,
): Promise<void> {
  let previous: HistoryStep | undefined;
  for (const step of steps) {
    const { id } = await createStatusUpdate(tx, {
      ...parent,
      statusBefore: previous?.status ?? null,
      progressBefore: previous?.progress ?? null,
      statusAfter: step.status,
      progressAfter: step.progress,
      effectiveDate: shanghaiDate(step.effectiveDate),
      comment: step.comment,
      source: "seed",
      authorId: step.rollUpOf?.authorId ?? authorId,
      rollUpOfId: step.rollUpOf?.updateId ?? null,
      rollUpCause: step.rollUpOf ? "action_update" : null,
      rollUpActionCode: step.rollUpOf?.actionCode ?? null,
      createdAt: recordedAt(step.effectiveDate, extraMinutes),
    });
    updateIds.set(updateKey(itemCode, step.effectiveDate), id);
    previous = step;
  }
}

function createActionHistory(
  tx: Tx,
  action: SampleAction,
  parent: UpdateParent,
  authorId: string,
  updateIds: Map<string, string>,
): Promise<void> {
  const steps = action.history.map((entry) => ({ ...entry, comment: entry.commentZh }));
  return createHistory(tx, action.code, steps, parent, authorId, updateIds);
}

/**
 * The recommendation's roll-ups, each linked to the action update that caused it (the last one when
 * several actions moved that day) and recorded by the same person, as the status form does.
 */
function createRecommendationHistory(
  tx: Tx,
  recommendation: SampleRecommendation,
  parent: UpdateParent,
  authorId: string,
  known: { updateIds: Map<string, string>; items: Map<string, { authorId: string }> },
): Promise<void> {
  const steps = deriveRecommendationHistory(recommendation.actions).map((entry) => {
    const cause = lastOf(entry.actionCodes);
    const updateId = cause && known.updateIds.get(updateKey(cause, entry.effectiveDate));
    const causeAuthor = cause && known.items.get(cause)?.authorId;
    return {
      ...entry,
      comment: null,
      rollUpOf:
        updateId && causeAuthor && cause ? { updateId, authorId: causeAuthor, actionCode: cause } : undefined,
    };
  });
  return createHistory(
    tx,
    recommendation.code,
    steps,
    parent,
    authorId,
    known.updateIds,
    ROLL_UP_DELAY_MINUTES,
  );
}

/** Writes the evidence and links each to the status update that cites it; returns the number of links. */
async function createEvidence(
  tx: Tx,
  items: Map<string, { parent: UpdateParent; authorId: string }>,
  updateIds: Map<string, string>,
): Promise<number> {
  let links = 0;
  for (const evidence of SAMPLE_EVIDENCE) {
    const { target, citedBy, publishedAt, ...fields } = evidence;
    const item = items.get(target);
    if (!item) throw new Error(`Evidence ${evidence.url} targets unknown item ${target}`);
    const statusUpdateId = updateIds.get(updateKey(target, citedBy));
    if (!statusUpdateId)
      throw new Error(`Evidence ${evidence.url}: ${target} has no status update on ${citedBy}`);

    const createdAt = recordedAt(citedBy);
    const { id } = await tx.evidence.create({
      data: {
        ...fields,
        ...item.parent,
        publishedAt: publishedAt === null ? null : shanghaiDate(publishedAt),
        createdById: item.authorId,
        createdAt,
        updatedAt: createdAt,
      },
    });
    await tx.statusUpdateEvidence.create({ data: { statusUpdateId, evidenceId: id } });
    links += 1;
  }
  return links;
}

function requireId(ids: Map<string, string>, code: string, what: string): string {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`The sample data names an unknown ${what}: ${code}`);
  return id;
}

/**
 * What a newcomer's bell holds: the demo people follow some items (the official the whole proposal,
 * each staff member a recommendation of the other's agency), the official takes the weekly digest,
 * and the reminders the sample's dates imply over the last two weeks are written, as a scheduler
 * running all along would have (overdue actions, a digest on Monday).
 */
export async function seedSampleNotifications(
  db: Db,
  today: string = toShanghaiDateString(new Date()),
): Promise<string> {
  const users = new Map(
    (await db.user.findMany({ select: { id: true, email: true } })).map((u) => [u.email, u.id]),
  );
  const proposal = await db.proposal.findUniqueOrThrow({
    where: { code: SAMPLE_PROPOSAL.code },
    select: { id: true },
  });
  const recommendation = async (code: string) =>
    (
      await db.recommendation.findFirstOrThrow({
        where: { proposalId: proposal.id, code },
        select: { id: true },
      })
    ).id;
  const follows = [
    { email: "official@tracker.example", itemType: "proposal", itemId: proposal.id },
    { email: "staff.jxw@tracker.example", itemType: "recommendation", itemId: await recommendation("R2") },
    { email: "staff.kw@tracker.example", itemType: "recommendation", itemId: await recommendation("R1") },
  ];
  for (const { email, ...item } of follows) {
    const userId = users.get(email);
    if (userId) await db.follow.create({ data: { userId, ...item } });
  }
  const official = users.get("official@tracker.example");
  if (official) await db.notificationSettings.create({ data: { userId: official, weeklyDigest: true } });
  const { written } = await runReminders(db, today, { since: addDays(today, -MAX_CATCH_UP_DAYS) });
  return `sample notifications: ${follows.length} follows, ${written} reminders of the last ${MAX_CATCH_UP_DAYS} days`;
}

function summary(counts: SeedCounts): string {
  return (
    `seeded sample data: ${counts.proposals} proposal, ${counts.recommendations} recommendations, ` +
    `${counts.actions} actions, ${counts.statusUpdates} status updates, ${counts.evidence} evidence ` +
    `(${counts.evidenceLinks} cited), ${counts.themes} themes, ${counts.agencies} agencies, ${counts.users} users`
  );
}

async function main(): Promise<void> {
  const db = createPrismaClient();
  try {
    const counts = await seedSampleData(db, { onlyIfEmpty: true });
    console.log(counts ? summary(counts) : "database already has data; not seeding");
    if (counts) console.log(await seedSampleNotifications(db));
  } finally {
    await db.$disconnect();
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
