// The national-scale dataset: by default 10,000 proposals, 40,000 recommendations, 60,000 actions,
// 300,000 evidence links and 1,000,000 status updates over 60 agencies and 15 themes, written straight
// through the drivers into a freshly migrated database (SQLite or PostgreSQL). Deterministic: one seed,
// one dataset. `scale` shrinks every count but the reference data proportionally, for tests.
//
// The history is made the way the app makes it (lib/status-updates/record.ts): each item's updates are
// appended in effective-date order, each records the state it replaced (none for the first), and the
// item's current state is its last update's. An action's update rolls its recommendation's progress up
// (lib/recommendations/roll-up.ts) with a linked roll-up record when the progress changes; staff set a
// recommendation's status themselves. Recommendations without actions are updated directly.
import { addMonths, DAY_MS } from "../../lib/dates";
import type { ItemStatus } from "../../lib/db/enums";
import { rollUp } from "../../lib/recommendations/roll-up";
import { type BulkWriter, openBulkWriter, type Row, type TableSpec } from "./bulk-writer";
import { distribute, IdMaker, Random } from "./random";
import {
  ACTION,
  ACTION_AGENCY,
  AGENCY,
  AUDIT_EVENT,
  chainRows,
  EVIDENCE,
  EVIDENCE_CREATED_AT,
  PROPOSAL,
  RECOMMENDATION,
  RECOMMENDATION_AGENCY,
  STATUS_UPDATE,
  STATUS_UPDATE_CREATED_AT,
  STATUS_UPDATE_EVIDENCE,
  THEME,
  USER,
} from "./tables";
import {
  ACTION_OBJECTS,
  ACTION_VERBS,
  AGENCIES,
  AI_CLAUSE,
  COMMENTS,
  congressSession,
  DESCRIPTION_SENTENCES,
  GIVEN_NAMES,
  NEWS_HOSTS,
  OBJECTS,
  RARE_TOPICS,
  SURNAMES,
  THEMES,
  type Topic,
  VERBS,
  WITHDRAWAL_REASONS,
} from "./vocabulary";

/** Bump when the data a seed produces changes, so that benchmarks regenerate instead of reusing. */
export const NATIONAL_GENERATOR_VERSION = 2;
/** The day the dataset is "as of": every date in it is on or before it, whenever it is generated. */
export const NATIONAL_DATASET_TODAY = "2026-11-28";
export const DEFAULT_SEED = 20_261_128;
/** The audit event that records a generated dataset (and marks it complete: it is written last). */
export const DATASET_AUDIT_ACTION = "dataset.generate";

/** Counts at scale 1. */
export const NATIONAL_SIZES = {
  proposals: 10_000,
  recommendations: 40_000,
  actions: 60_000,
  evidence: 300_000,
  statusUpdates: 1_000_000,
} as const;

export interface GenerateOptions {
  /** 1 is the national scale; 0.01 a hundredth of it. */
  scale?: number;
  seed?: number;
  /** Gather planner statistics afterwards (VACUUM ANALYZE / ANALYZE). Default: PostgreSQL yes, SQLite no. */
  analyze?: boolean;
  log?: (message: string) => void;
}

export interface DatasetCounts {
  themes: number;
  agencies: number;
  users: number;
  proposals: number;
  recommendations: number;
  recommendationAgencies: number;
  actions: number;
  actionAgencies: number;
  evidence: number;
  statusUpdates: number;
  rollUps: number;
  statusUpdateEvidence: number;
}

export interface DatasetInfo {
  generator: "national";
  version: number;
  scale: number;
  seed: number;
  today: string;
  counts: DatasetCounts;
}

export interface GenerateResult extends DatasetInfo {
  elapsedMs: { generate: number; write: number; analyze: number; total: number };
}

// ---------------------------------------------------------------------------------------------
// Days: calendar dates are whole days counted from 1970-01-01, stored as midnight in Shanghai.

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** Midnight in Shanghai (UTC+8 all year) of a day: how the app stores a calendar date. */
const midnight = (day: number) => day * DAY_MS - 8 * HOUR_MS;
const plusMonths = (day: number, months: number) => dayNumber(addMonths(isoDay(day), months));

const TODAY = dayNumber(NATIONAL_DATASET_TODAY);
/** The last effective date of any update: recorded up to a day later, before "today". */
const LAST_DAY = TODAY - 2;
/** Nothing is recorded after this instant. */
const RECORDING_ENDS = midnight(TODAY) - 2 * HOUR_MS;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

// ---------------------------------------------------------------------------------------------
// The plan of the dataset, in memory.

type State = { status: ItemStatus; progress: number };
type Step = State & { day: number; comment: string | null };
type UpdateRef = { id: string; createdMs: number };

interface Item {
  id: string;
  startDay: number;
  dueDay: number;
  createdMs: number;
  weight: number;
  lead: number;
  coHandlers: number[];
  /** How busy the item is: updates and evidence are dealt out in proportion. 0: never updated. */
  activity: number;
  evidenceCount: number;
  topic: Topic;
  // Filled in by the history.
  state: State;
  updates: UpdateRef[];
  updatedMs: number;
}

interface ProposalPlan {
  id: string;
  submittedDay: number;
  theme: number;
}

interface Rec extends Item {
  proposal: ProposalPlan;
  code: string;
  sortOrder: number;
  theme: number | null;
  assignedDay: number;
  replyClass: "A" | "B" | "C" | "D" | null;
  /** The chance that its work past due is done: most go well, some are troubled. */
  health: number;
  row: Row;
  actions: Act[];
}

interface Act extends Item {
  rec: Rec;
  code: string;
  updateCount: number;
  row: Row;
}

/** Rows of every table, in insertion order once sorted. */
class Rows {
  readonly byTable = new Map<TableSpec, Row[]>();
  add(table: TableSpec, row: Row) {
    let rows = this.byTable.get(table);
    if (!rows) {
      rows = [];
      this.byTable.set(table, rows);
    }
    rows.push(row);
  }
  of(table: TableSpec): Row[] {
    return this.byTable.get(table) ?? [];
  }
}

export async function generateNationalDataset(
  url: string,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => {});
  if (!(scale > 0)) throw new RangeError(`scale must be positive, got ${scale}`);
  const started = performance.now();

  const writer = openBulkWriter(url);
  try {
    const existing = await writer.query<{ n: number | bigint }>('SELECT COUNT(*) AS n FROM "Proposal"');
    if (Number(existing[0]?.n ?? 0) > 0)
      throw new Error("The database already holds proposals: generate into a freshly migrated database.");

    const plan = new DatasetPlan(scale, seed);
    plan.build();
    const generated = performance.now();
    log(`generated in memory in ${((generated - started) / 1000).toFixed(1)} s`);

    const counts = plan.counts();
    const info: DatasetInfo = {
      generator: "national",
      version: NATIONAL_GENERATOR_VERSION,
      scale,
      seed,
      today: NATIONAL_DATASET_TODAY,
      counts,
    };
    await writer.begin();
    for (const table of plan.tablesInOrder()) {
      const rows = plan.rows.of(table);
      const tableStarted = performance.now();
      const batch = writer.provider === "postgresql" ? 5000 : rows.length;
      for (let i = 0; i < rows.length; i += batch) await writer.insert(table, rows.slice(i, i + batch));
      log(
        `  ${table.name}: ${rows.length} rows in ${((performance.now() - tableStarted) / 1000).toFixed(1)} s`,
      );
    }
    // Written last, in the same transaction: its presence says the dataset is complete.
    const now = Date.now();
    const datasetEvent: Row[] = [
      [
        new IdMaker(new Random(now)).next(now),
        null,
        DATASET_AUDIT_ACTION,
        "Dataset",
        "national",
        JSON.stringify(info),
        now,
      ],
    ];
    // The audit chain's first row: the database was freshly migrated, with no audit events.
    chainRows(AUDIT_EVENT, datasetEvent);
    await writer.insert(AUDIT_EVENT, datasetEvent);
    await writer.commit();
    const written = performance.now();
    log(`written in ${((written - generated) / 1000).toFixed(1)} s`);

    await writer.finish({ analyze: options.analyze ?? writer.provider === "postgresql" });
    const finished = performance.now();
    return {
      ...info,
      elapsedMs: {
        generate: Math.round(generated - started),
        write: Math.round(written - generated),
        analyze: Math.round(finished - written),
        total: Math.round(finished - started),
      },
    };
  } finally {
    await writer.close();
  }
}

/** Reads the record of the generated dataset, or null when the database holds none. */
export async function readDatasetInfo(writer: BulkWriter): Promise<DatasetInfo | null> {
  const rows = await writer.query<{ after: unknown }>(
    'SELECT "after" FROM "AuditEvent" WHERE "action" = ? ORDER BY "createdAt" DESC LIMIT 1',
    [DATASET_AUDIT_ACTION],
  );
  const after = rows[0]?.after;
  if (after === undefined || after === null) return null;
  return (typeof after === "string" ? JSON.parse(after) : after) as DatasetInfo;
}

// ---------------------------------------------------------------------------------------------

class DatasetPlan {
  readonly rows = new Rows();
  private readonly random: Random;
  private readonly ids: IdMaker;
  private readonly sizes: Record<keyof typeof NATIONAL_SIZES, number>;
  private themeIds: string[] = [];
  private agencyIds: string[] = [];
  private adminId = "";
  private staffByAgency = new Map<number, string>();
  private recs: Rec[] = [];
  private rollUps = 0;

  constructor(scale: number, seed: number) {
    this.random = new Random(seed);
    this.ids = new IdMaker(new Random(seed ^ 0x5bd1e995));
    const proposals = Math.max(1, Math.round(NATIONAL_SIZES.proposals * scale));
    this.sizes = {
      proposals,
      recommendations: Math.max(proposals, Math.round(NATIONAL_SIZES.recommendations * scale)),
      actions: Math.round(NATIONAL_SIZES.actions * scale),
      evidence: Math.round(NATIONAL_SIZES.evidence * scale),
      statusUpdates: Math.round(NATIONAL_SIZES.statusUpdates * scale),
    };
  }

  tablesInOrder(): TableSpec[] {
    return [
      THEME,
      AGENCY,
      USER,
      PROPOSAL,
      RECOMMENDATION,
      RECOMMENDATION_AGENCY,
      ACTION,
      ACTION_AGENCY,
      EVIDENCE,
      STATUS_UPDATE,
      STATUS_UPDATE_EVIDENCE,
    ];
  }

  counts(): DatasetCounts {
    return {
      themes: this.rows.of(THEME).length,
      agencies: this.rows.of(AGENCY).length,
      users: this.rows.of(USER).length,
      proposals: this.rows.of(PROPOSAL).length,
      recommendations: this.rows.of(RECOMMENDATION).length,
      recommendationAgencies: this.rows.of(RECOMMENDATION_AGENCY).length,
      actions: this.rows.of(ACTION).length,
      actionAgencies: this.rows.of(ACTION_AGENCY).length,
      evidence: this.rows.of(EVIDENCE).length,
      statusUpdates: this.rows.of(STATUS_UPDATE).length,
      rollUps: this.rollUps,
      statusUpdateEvidence: this.rows.of(STATUS_UPDATE_EVIDENCE).length,
    };
  }

  build() {
    this.referenceData();
    const proposals = this.proposals();
    this.structure(proposals);
    this.history();
    this.finishItems();
    // Rows go in in the order the app would have written them.
    const byCreatedAt = (index: number) => (a: Row, b: Row) =>
      (a[index] as number) - (b[index] as number) || String(a[0]).localeCompare(String(b[0]));
    this.rows.of(RECOMMENDATION).sort(byCreatedAt(RECOMMENDATION.columns.length - 2));
    this.rows.of(ACTION).sort(byCreatedAt(ACTION.columns.length - 2));
    this.rows.of(EVIDENCE).sort(byCreatedAt(EVIDENCE_CREATED_AT));
    this.rows.of(STATUS_UPDATE).sort(byCreatedAt(STATUS_UPDATE_CREATED_AT));
    // The history chain, in the order the rows are written (lib/history-chain).
    chainRows(STATUS_UPDATE, this.rows.of(STATUS_UPDATE));
  }

  // Themes, agencies, users ------------------------------------------------------------------

  private referenceData() {
    const createdMs = midnight(dayNumber("2019-01-02")) + 9 * HOUR_MS;
    this.themeIds = THEMES.map((theme, index) => {
      const id = this.ids.next(createdMs);
      this.rows.add(THEME, [id, theme.code, theme.nameZh, theme.nameEn, index + 1, createdMs, createdMs]);
      return id;
    });
    this.agencyIds = AGENCIES.map((agency) => {
      const id = this.ids.next(createdMs);
      this.rows.add(AGENCY, [
        id,
        agency.code,
        agency.nameZh,
        agency.nameEn,
        agency.shortNameZh,
        agency.code,
        true,
        createdMs,
        createdMs,
      ]);
      return id;
    });
    const user = (name: string, email: string, role: string, agency: number | null) => {
      const id = this.ids.next(createdMs);
      const agencyId = agency === null ? null : (this.agencyIds[agency] ?? null);
      this.rows.add(USER, [id, name, email, false, role, agencyId, false, createdMs, createdMs]);
      return id;
    };
    this.adminId = user("系统管理员", "admin@national.example", "admin", null);
    user("市人大代表联络处", "official@national.example", "official", null);
    user("市政府督查室", "inspector@national.example", "official", null);
    // Staff of the agencies that lead the most items; the others' updates are recorded by the admin.
    for (const agency of [0, 1, 2, 3, 4, 5, 10, 11, 12, 15, 16, 44]) {
      const code = AGENCIES[agency]?.code.toLowerCase() ?? String(agency);
      const name = `${AGENCIES[agency]?.shortNameZh ?? ""}工作人员`;
      this.staffByAgency.set(agency, user(name, `staff.${code}@national.example`, "staff", agency));
    }
  }

  private authorOf(item: Item): string {
    return this.staffByAgency.get(item.lead) ?? this.adminId;
  }

  // Proposals ----------------------------------------------------------------------------------

  private proposals(): ProposalPlan[] {
    const random = this.random;
    // More proposals in later years; Shanghai's congress meets in January.
    const years = Array.from({ length: 8 }, (_, i) => 2019 + i);
    const plans = Array.from({ length: this.sizes.proposals }, () => {
      const year = random.weighted(years, (y) => y - 2010);
      return { year, day: dayNumber(`${year}-01-10`) + random.int(0, 18) };
    }).sort((a, b) => a.day - b.day);
    const perYear = new Map<number, number>();
    return plans.map(({ year, day }) => {
      const seq = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, seq);
      const theme = random.weighted(
        THEMES.map((_, i) => i),
        (i) => THEMES[i]?.weight ?? 0,
      );
      const topic = this.topicOf(theme);
      const [verb, verbEn] = random.pick(VERBS);
      const [object, objectEn] = this.object();
      const author = this.personName() + (random.chance(0.3) ? `等${random.int(2, 12)}名代表` : "");
      const session = congressSession(year);
      const createdMs = midnight(day) + 10 * HOUR_MS + random.int(0, 480) * MINUTE_MS;
      const id = this.ids.next(createdMs);
      const [second] = this.object();
      this.rows.add(PROPOSAL, [
        id,
        `NP-${year}-${String(seq).padStart(4, "0")}`,
        `${year}第${String(seq).padStart(4, "0")}号`,
        `关于${verb}${topic.zh}${object}的建议`,
        random.chance(0.6) ? `Proposal to ${verbEn.toLowerCase()} ${objectEn} for ${topic.en}` : null,
        author,
        null,
        session.zh,
        session.en,
        midnight(day),
        `${author}建议${verb}${topic.zh}${object}，并就${second}等提出具体意见。`,
        random.chance(0.4)
          ? `The deputies ask the city to ${verbEn.toLowerCase()} ${objectEn} for ${topic.en}.`
          : null,
        `${session.zh}代表建议`,
        null,
        null,
        false,
        createdMs,
        createdMs,
      ]);
      return { id, submittedDay: day, theme };
    });
  }

  private personName(): string {
    const surname = SURNAMES[Math.floor(this.random.next() * SURNAMES.length)] ?? "王";
    const length = this.random.chance(0.7) ? 2 : 1;
    let given = "";
    for (let i = 0; i < length; i++)
      given += GIVEN_NAMES[Math.floor(this.random.next() * GIVEN_NAMES.length)];
    return surname + given;
  }

  private topicOf(theme: number): Topic {
    for (const rare of RARE_TOPICS) if (this.random.chance(rare.probability)) return rare;
    return this.random.weighted(THEMES[theme]?.topics ?? [], (topic) => topic.weight);
  }

  private object(): [string, string] {
    const [zh, en] = this.random.weighted(OBJECTS, ([, , weight]) => weight);
    return [zh, en];
  }

  // Recommendations, actions and their agencies ---------------------------------------------------

  private structure(proposals: ProposalPlan[]) {
    const random = this.random;
    const recsPerProposal = distribute(
      this.sizes.recommendations - proposals.length,
      proposals.map(() => 1),
      random,
    );
    for (const [index, proposal] of proposals.entries()) {
      const count = 1 + (recsPerProposal[index] ?? 0);
      for (let sortOrder = 1; sortOrder <= count; sortOrder++)
        this.recs.push(this.recommendation(proposal, sortOrder));
    }
    // A quarter or so of the recommendations are handled without separate actions.
    const actionsPerRec = distribute(
      this.sizes.actions,
      this.recs.map(() => (random.chance(0.12) ? 0 : 0.5 + random.next())),
      random,
    );
    for (const [index, rec] of this.recs.entries()) {
      for (let sortOrder = 1; sortOrder <= (actionsPerRec[index] ?? 0); sortOrder++)
        rec.actions.push(this.action(rec, sortOrder));
    }
    const items: Item[] = this.recs.flatMap((rec) => [rec, ...rec.actions]);
    const evidence = distribute(
      this.sizes.evidence,
      items.map((item) => 0.2 + item.activity),
      random,
    );
    items.forEach((item, i) => {
      item.evidenceCount = evidence[i] ?? 0;
    });
  }

  private activity(startDay: number): number {
    const elapsed = LAST_DAY - startDay;
    if (elapsed < 14) return 0;
    // Some items are never touched, more of them among the recent ones.
    if (this.random.chance(0.04 + (elapsed < 180 ? 0.3 : 0))) return 0;
    return (elapsed / 365) ** 0.7 * Math.exp(0.6 * this.random.normal());
  }

  private leadFor(theme: number | null): number {
    const leads = theme === null ? [] : (THEMES[theme]?.leads ?? []);
    if (leads.length && this.random.chance(0.85))
      return this.random.weighted(leads, (i) => 1 / (leads.indexOf(i) + 1));
    return this.random.int(0, AGENCIES.length - 1);
  }

  private coHandlersFor(theme: number | null, lead: number): number[] {
    const wanted = this.random.weighted([0, 1, 2], (n) => [50, 35, 15][n] ?? 0);
    const chosen: number[] = [];
    for (let attempt = 0; chosen.length < wanted && attempt < 10; attempt++) {
      const agency = this.leadFor(theme);
      if (agency !== lead && !chosen.includes(agency)) chosen.push(agency);
    }
    return chosen;
  }

  private recommendation(proposal: ProposalPlan, sortOrder: number): Rec {
    const random = this.random;
    const theme = random.chance(0.02)
      ? null
      : random.chance(0.75)
        ? proposal.theme
        : random.weighted(
            THEMES.map((_, i) => i),
            (i) => THEMES[i]?.weight ?? 0,
          );
    const topic = this.topicOf(theme ?? proposal.theme);
    const [verb, verbEn] = random.pick(VERBS);
    const [object, objectEn] = this.object();

    const assignedDay = proposal.submittedDay + random.int(25, 60);
    const extended = random.chance(0.06);
    const replyDueDay = plusMonths(assignedDay, extended ? 6 : 3);
    let repliedDay: number | null = null;
    if (replyDueDay <= LAST_DAY) {
      if (random.chance(0.97))
        repliedDay = Math.min(
          LAST_DAY,
          random.int(assignedDay + 20, replyDueDay + (random.chance(0.05) ? 30 : 0)),
        );
    } else if (assignedDay + 20 < LAST_DAY && random.chance(0.4))
      repliedDay = random.int(assignedDay + 20, LAST_DAY);
    const replyClass =
      repliedDay === null
        ? null
        : random.weighted(["A", "B", "C", "D"] as const, (c) => ({ A: 35, B: 35, C: 18, D: 12 })[c]);
    let satisfaction: string | null = null;
    let feedbackDay: number | null = null;
    let rehandlingDay: number | null = null;
    let followUpDay: number | null = null;
    if (repliedDay !== null && repliedDay + 7 < LAST_DAY && random.chance(0.85)) {
      feedbackDay = Math.min(LAST_DAY, repliedDay + random.int(3, 30));
      satisfaction = random.weighted(
        ["satisfied", "basically_satisfied", "dissatisfied"],
        (key) => ({ satisfied: 72, basically_satisfied: 20, dissatisfied: 8 })[key] ?? 0,
      );
      if (satisfaction === "dissatisfied" && feedbackDay + 30 < LAST_DAY && random.chance(0.8))
        rehandlingDay = feedbackDay + random.int(5, 30);
    }
    if (
      repliedDay !== null &&
      (replyClass === "B" || replyClass === "C") &&
      repliedDay + 60 < LAST_DAY &&
      random.chance(0.35)
    )
      followUpDay = Math.min(LAST_DAY, repliedDay + random.int(60, 400));

    const startDay = assignedDay + random.int(0, 45);
    const dueDay = startDay + random.int(180, 1100);
    const lead = this.leadFor(theme);
    const createdMs = midnight(assignedDay) + 8 * HOUR_MS + random.int(0, 59) * MINUTE_MS;
    const id = this.ids.next(createdMs);

    let description = `建议${verb}${topic.zh}${object}。`;
    if (random.chance(0.06)) description += `${AI_CLAUSE}${topic.zh}发展。`;
    description += random.pick(DESCRIPTION_SENTENCES);
    if (random.chance(0.3)) {
      const other = random.pick(THEMES);
      description += `同时关注${random.weighted(other.topics, (t) => t.weight).zh}领域的${this.object()[0]}。`;
    }
    const rec: Rec = {
      id,
      proposal,
      code: `R${sortOrder}`,
      sortOrder,
      theme,
      topic,
      assignedDay,
      replyClass,
      health: random.chance(0.88) ? 0.96 : 0.45,
      startDay,
      dueDay,
      createdMs,
      weight: random.weighted([1, 2, 0.5], (w) => ({ 1: 85, 2: 10, 0.5: 5 })[w] ?? 0),
      lead,
      coHandlers: this.coHandlersFor(theme, lead),
      activity: this.activity(startDay),
      evidenceCount: 0,
      state: { status: "not_started", progress: 0 },
      updates: [],
      updatedMs: createdMs,
      actions: [],
      row: [],
    };
    rec.row = [
      id,
      proposal.id,
      rec.code,
      sortOrder,
      `${verb}${topic.zh}${object}`,
      random.chance(0.75) ? `${verbEn} ${objectEn} for ${topic.en}` : null,
      description,
      random.chance(0.5) ? `Recommends to ${verbEn.toLowerCase()} ${objectEn} for ${topic.en}.` : null,
      `……${verb}${topic.zh}${object}……`,
      theme === null ? null : (this.themeIds[theme] ?? null),
      null, // status, progress: from the history
      null,
      midnight(startDay),
      midnight(dueDay),
      rec.weight,
      midnight(assignedDay),
      midnight(replyDueDay),
      extended ? "涉及多部门协调，经批准延期答复" : null,
      repliedDay === null ? null : midnight(repliedDay),
      replyClass,
      satisfaction,
      feedbackDay === null ? null : midnight(feedbackDay),
      rehandlingDay === null ? null : midnight(rehandlingDay),
      followUpDay === null ? null : midnight(followUpDay),
      // Where its dates put it in the handling cycle (the database checks that they agree).
      repliedDay === null ? "handling" : feedbackDay === null ? "replied" : "evaluated",
      null, // version, createdAt, updatedAt: from the history
      createdMs,
      null,
    ];
    this.agencyRows(RECOMMENDATION_AGENCY, rec, createdMs);
    return rec;
  }

  private action(rec: Rec, sortOrder: number): Act {
    const random = this.random;
    const topic = random.chance(0.8) ? rec.topic : this.topicOf(rec.theme ?? rec.proposal.theme);
    const [verb, verbEn] = random.pick(ACTION_VERBS);
    const [object, objectEn] = random.pick(ACTION_OBJECTS);
    const startDay = Math.min(LAST_DAY, rec.startDay + random.int(0, 120));
    const dueDay = startDay + random.int(60, 720);
    const createdDay = random.int(
      rec.assignedDay,
      Math.max(rec.assignedDay, Math.min(startDay, rec.assignedDay + 14)),
    );
    const createdMs = Math.max(
      rec.createdMs + MINUTE_MS,
      midnight(createdDay) + 8 * HOUR_MS + random.int(0, 59) * MINUTE_MS,
    );
    const lead = random.chance(0.7) ? rec.lead : this.leadFor(rec.theme);
    const id = this.ids.next(createdMs);
    const act: Act = {
      id,
      rec,
      code: `${rec.code}.${sortOrder}`,
      topic,
      startDay,
      dueDay,
      createdMs,
      weight: random.weighted([1, 2, 0.5, 3], (w) => ({ 1: 75, 2: 12, 0.5: 8, 3: 5 })[w] ?? 0),
      lead,
      coHandlers: this.coHandlersFor(rec.theme, lead),
      activity: this.activity(startDay),
      evidenceCount: 0,
      updateCount: 0,
      state: { status: "not_started", progress: 0 },
      updates: [],
      updatedMs: createdMs,
      row: [],
    };
    const leadName = AGENCIES[lead]?.shortNameZh ?? "";
    act.row = [
      id,
      rec.id,
      act.code,
      sortOrder,
      `${verb}${topic.zh}${object}`,
      random.chance(0.6) ? `${verbEn} ${objectEn} on ${topic.en}` : null,
      random.chance(0.6) ? `由${leadName}牵头，${random.pick(DESCRIPTION_SENTENCES)}` : null,
      null,
      null, // status, progress
      null,
      midnight(startDay),
      midnight(dueDay),
      act.weight,
      null, // version
      createdMs,
      null, // updatedAt
    ];
    this.agencyRows(ACTION_AGENCY, act, createdMs);
    return act;
  }

  private agencyRows(table: TableSpec, item: Item, createdMs: number) {
    // Recommendations' assignments were acknowledged (签收) when given; actions' have no 签收.
    const acknowledged = table === RECOMMENDATION_AGENCY ? [createdMs] : [];
    this.rows.add(table, [item.id, this.agencyIds[item.lead], "lead", createdMs, ...acknowledged]);
    for (const agency of item.coHandlers)
      this.rows.add(table, [item.id, this.agencyIds[agency], "co_handler", createdMs, ...acknowledged]);
  }

  // The history ---------------------------------------------------------------------------------

  private history() {
    const random = this.random;
    const withActions = this.recs.filter((rec) => rec.actions.length > 0);
    const withoutActions = this.recs.filter((rec) => rec.actions.length === 0);
    // Actions take about 46 % of the updates, their recommendations' roll-ups and status updates
    // somewhat more; the recommendations without actions share what is left, so the total is exact.
    const actions = withActions.flatMap((rec) => rec.actions);
    const perAction = distribute(
      Math.round(this.sizes.statusUpdates * 0.46),
      actions.map((act) => act.activity),
      random,
    );
    actions.forEach((act, i) => {
      act.updateCount = perAction[i] ?? 0;
    });
    for (const rec of withActions) this.recommendationWithActions(rec);

    const left = this.sizes.statusUpdates - this.rows.of(STATUS_UPDATE).length;
    const perRec = distribute(
      Math.max(0, left),
      withoutActions.map((rec) => rec.activity),
      random,
    );
    withoutActions.forEach((rec, i) => {
      this.directHistory(rec, perRec[i] ?? 0);
    });
  }

  /**
   * Where an item ends up: from how far it is into its planned span, how well its recommendation is
   * going (shared by its actions, so that most recommendations past due are done and some are troubled
   * throughout) and the class of the reply.
   */
  private target(item: Item, rec: Rec): ItemStatus {
    const random = this.random;
    if (rec.replyClass === "D" && random.chance(0.6)) return "not_adopted";
    if (rec.replyClass === "C" && random.chance(0.3)) return "stalled";
    const elapsed = (LAST_DAY - item.startDay) / Math.max(1, item.dueDay - item.startDay);
    if (elapsed >= 1) {
      if (random.chance(rec.health)) return "completed";
      return random.weighted(
        ["in_progress", "stalled", "not_adopted"] as const,
        (s) => ({ in_progress: 45, stalled: 35, not_adopted: 20 })[s],
      );
    }
    const done = 0.45 * elapsed * elapsed * rec.health;
    const x = random.next();
    if (x < done) return "completed";
    if (x < done + 0.03) return "not_adopted";
    if (x < done + 0.03 + (rec.health < 0.9 ? 0.15 : 0.03)) return "stalled";
    return "in_progress";
  }

  /** `n` steps of an item's history ending in `target`, on days between its start and today. */
  private timeline(item: Item, n: number, target: ItemStatus): Step[] {
    if (n === 0) return [];
    const random = this.random;
    const span = Math.max(1, item.dueDay - item.startDay);
    let end =
      target === "completed"
        ? item.startDay + Math.round(span * (0.5 + 0.8 * random.next()))
        : LAST_DAY - random.int(0, 120);
    end = clamp(end, item.startDay, LAST_DAY);
    const days = Array.from({ length: n }, () => random.int(item.startDay, end)).sort((a, b) => a - b);
    if (target === "completed") days[n - 1] = end;

    const elapsed = Math.min(1, (end - item.startDay) / span);
    const ceiling =
      target === "completed"
        ? random.int(40, 95)
        : target === "in_progress"
          ? clamp(Math.round(100 * elapsed * (0.5 + 0.7 * random.next())), 5, 95)
          : clamp(Math.round(100 * elapsed * (0.3 + 0.5 * random.next())), 1, 90);
    const moving = target === "in_progress" ? n : n - 1;
    const values = Array.from({ length: moving }, () => random.int(1, ceiling)).sort((a, b) => a - b);
    if (target === "in_progress") values[moving - 1] = ceiling;

    const states: State[] = values.map((progress) => ({ status: "in_progress", progress }));
    // Now and then a stalled spell in the middle, at the progress reached before it.
    if (moving >= 3 && random.chance(0.15)) {
      const i = random.int(1, moving - 2);
      states[i] = { status: "stalled", progress: states[i - 1]?.progress ?? 0 };
    }
    const reached = values[moving - 1] ?? 0;
    if (target === "completed") states.push({ status: "completed", progress: 100 });
    if (target === "stalled")
      states.push({ status: "stalled", progress: moving ? reached : random.int(0, 10) });
    if (target === "not_adopted") states.push({ status: "not_adopted", progress: moving ? reached : 0 });

    return states.map((state, i) => ({
      ...state,
      day: days[i] ?? end,
      comment: this.comment(states[i - 1], state),
    }));
  }

  /** The status form asks for a comment on a move to stalled, not adopted or completed, and when nothing else changed. */
  private comment(before: State | undefined, after: State): string | null {
    const needed =
      (after.status !== before?.status && ["stalled", "not_adopted", "completed"].includes(after.status)) ||
      (before?.status === after.status && before.progress === after.progress);
    if (!needed && !this.random.chance(0.5)) return null;
    const key = after.status === "not_started" ? "in_progress" : after.status;
    return this.random.pick(COMMENTS[key]);
  }

  private recommendationWithActions(rec: Rec) {
    const random = this.random;
    const events = rec.actions.flatMap((act, a) =>
      this.timeline(act, act.updateCount, this.target(act, rec)).map((step, s) => ({ act, a, s, step })),
    );
    events.sort((x, y) => x.step.day - y.step.day || x.a - y.a || x.s - y.s);
    const clock = new Clock(random);
    let statusSet = false;
    for (const { act, step } of events) {
      const source = this.source(step.day);
      const createdMs = clock.at(step.day);
      const cause = this.update(act, step, step.day, createdMs, source, this.authorOf(act));
      const rolled = rollUp(rec.actions.map((action) => ({ ...action.state, weight: action.weight })));
      if (rolled.progress !== rec.state.progress) {
        // The roll-up is written in the same transaction as the action's update, moments later.
        const after = { status: rec.state.status, progress: rolled.progress, comment: null };
        this.update(rec, after, step.day, clock.soon(), source, this.authorOf(act), {
          cause,
          actionCode: act.code,
        });
        this.rollUps++;
      }
      // Staff bring the recommendation's status in line when the work starts, and now and then later.
      if ((!statusSet && rolled.status !== rec.state.status) || random.chance(0.06)) {
        this.directUpdate(rec, rolled.status, step.day, clock);
        statusSet = true;
      }
    }
    const last = events[events.length - 1];
    const final = rollUp(rec.actions.map((action) => ({ ...action.state, weight: action.weight })));
    if (last && final.status !== rec.state.status) this.directUpdate(rec, final.status, last.step.day, clock);
  }

  private directUpdate(rec: Rec, status: ItemStatus, day: number, clock: Clock) {
    const after = { status, progress: rec.state.progress };
    const step = { ...after, comment: this.comment(rec.updates.length ? rec.state : undefined, after) };
    this.update(rec, step, day, clock.at(day), this.source(day), this.authorOf(rec));
  }

  private directHistory(rec: Rec, n: number) {
    const clock = new Clock(this.random);
    for (const step of this.timeline(rec, n, this.target(rec, rec)))
      this.update(rec, step, step.day, clock.at(step.day), this.source(step.day), this.authorOf(rec));
  }

  /** Older updates partly came in through the yearly spreadsheet imports. */
  private source(day: number): { source: "form" | "import"; file: string | null } {
    const year = Number(isoDay(day).slice(0, 4));
    if (year <= 2021 && this.random.chance(0.5))
      return { source: "import", file: `${year}年建议办理进展汇总表.xlsx` };
    return { source: "form", file: null };
  }

  /** Appends one update to an item's history and makes its after-state the item's state. */
  private update(
    item: Item,
    after: State & { comment: string | null },
    day: number,
    createdMs: number,
    origin: { source: string; file: string | null },
    authorId: string,
    rollUpOf?: { cause: string; actionCode: string },
  ): string {
    const before = item.updates.length ? item.state : null;
    const id = this.ids.next(createdMs);
    const isAction = "rec" in item;
    this.rows.add(STATUS_UPDATE, [
      id,
      isAction ? null : item.id,
      isAction ? item.id : null,
      before?.status ?? null,
      after.status,
      before?.progress ?? null,
      after.progress,
      midnight(day),
      after.comment,
      origin.source,
      origin.file,
      authorId,
      rollUpOf?.cause ?? null,
      rollUpOf ? "action_update" : null,
      rollUpOf?.actionCode ?? null,
      createdMs,
    ]);
    item.state = { status: after.status, progress: after.progress };
    item.updates.push({ id, createdMs });
    item.updatedMs = Math.max(item.updatedMs, createdMs);
    return id;
  }

  // Items' final rows and their evidence ------------------------------------------------------------

  private finishItems() {
    for (const rec of this.recs) {
      this.finishItem(rec, rec.row, RECOMMENDATION);
      this.rows.add(RECOMMENDATION, rec.row);
      for (const act of rec.actions) {
        this.finishItem(act, act.row, ACTION);
        this.rows.add(ACTION, act.row);
      }
    }
  }

  private finishItem(item: Item, row: Row, table: TableSpec) {
    for (let i = 0; i < item.evidenceCount; i++) this.evidence(item);
    const column = (name: string) => table.columns.findIndex(([column]) => column === name);
    row[column("status")] = item.state.status;
    row[column("progress")] = item.state.progress;
    row[column("version")] = 1 + item.updates.length;
    row[column("updatedAt")] = item.updatedMs;
  }

  private evidence(item: Item) {
    const random = this.random;
    const isAction = "rec" in item;
    // About half is cited by an update of the item, created with it in the status form.
    const citedBy = item.updates.length && random.chance(0.55) ? random.pick(item.updates) : null;
    const createdMs = citedBy
      ? citedBy.createdMs - 500
      : random.int(item.createdMs + MINUTE_MS, Math.max(item.createdMs + MINUTE_MS, RECORDING_ENDS));
    const id = this.ids.next(createdMs);
    const createdDay = Math.floor((createdMs + 8 * HOUR_MS) / DAY_MS);
    const year = isoDay(createdDay).slice(0, 4);
    const agency =
      AGENCIES[random.chance(0.8) ? item.lead : random.int(0, AGENCIES.length - 1)] ?? AGENCIES[0];
    const host = `${agency?.code.toLowerCase()}.gov.example`;
    const topic = item.topic;
    const [object] = this.object();
    const kind = random.weighted(
      ["policy_document", "news", "report", "meeting_minutes", "dataset", "repository", "other"] as const,
      (k) =>
        ({
          policy_document: 25,
          news: 30,
          report: 15,
          meeting_minutes: 10,
          dataset: 5,
          repository: 3,
          other: 12,
        })[k],
    );
    let title: string;
    let url: string;
    let publisher: string | null = agency?.nameZh ?? null;
    const page = `${id.slice(-10)}.html`;
    switch (kind) {
      case "policy_document":
        title = `关于印发《${topic.zh}${random.pick(ACTION_OBJECTS)[0]}》的通知`;
        url = `https://${host}/xxgk/${year}/${page}`;
        break;
      case "news": {
        const outlet = random.pick(NEWS_HOSTS);
        title = random.chance(0.5)
          ? `${agency?.shortNameZh}推进${topic.zh}${object}工作`
          : `${topic.zh}${object}取得新进展`;
        url = `https://${outlet}/${year}/${page}`;
        publisher = outlet;
        break;
      }
      case "report":
        title = `${year}年${topic.zh}${object}工作情况报告`;
        url = `https://${host}/gzbg/${year}/${page}`;
        break;
      case "meeting_minutes":
        title = `${topic.zh}${object}专题推进会会议纪要`;
        url = `https://${host}/hyjy/${page}`;
        break;
      case "dataset":
        title = `${topic.zh}相关公共数据集`;
        url = `https://data.gov.example/dataset/${id.slice(-12)}`;
        publisher = "公共数据开放平台";
        break;
      case "repository":
        title = `${topic.zh}开源项目代码仓库`;
        url = `https://git.example/${agency?.code.toLowerCase()}/${id.slice(-8)}`;
        publisher = null;
        break;
      default:
        title = `${topic.zh}${object}相关材料`;
        url = `http://${host}/files/${page}`;
    }
    // A few very long links (tracking parameters), still within the 2,000 characters allowed.
    if (random.chance(0.002)) url += `?ref=${"x".repeat(random.int(500, 1800))}`;
    const withdrawnMs = random.chance(0.02) ? createdMs + random.int(1, 90) * DAY_MS : null;
    const withdrawn = withdrawnMs !== null && withdrawnMs <= RECORDING_ENDS;
    this.rows.add(EVIDENCE, [
      id,
      isAction ? null : item.id,
      isAction ? item.id : null,
      url,
      title,
      random.chance(0.2) ? `${topic.en}: progress material` : null,
      kind,
      publisher,
      midnight(createdDay - random.int(0, 20)),
      random.chance(0.1) ? "原文已归档" : null,
      random.chance(0.45),
      withdrawn ? withdrawnMs : null,
      withdrawn ? random.pick(WITHDRAWAL_REASONS) : null,
      this.authorOf(item),
      createdMs,
      withdrawn ? withdrawnMs : createdMs,
    ]);
    if (citedBy) this.rows.add(STATUS_UPDATE_EVIDENCE, [citedBy.id, id]);
  }
}

/**
 * When updates were recorded: on their effective day during office hours, sometimes a few days later,
 * and always later than the group's previous record, so that each item's history is made in order.
 */
class Clock {
  private last = 0;
  constructor(private readonly random: Random) {}

  at(day: number): number {
    let t = midnight(day) + 9 * HOUR_MS + this.random.next() * 9 * HOUR_MS;
    if (this.random.chance(0.15)) t += this.random.int(1, 5) * DAY_MS;
    t = Math.min(t, RECORDING_ENDS);
    this.last = Math.floor(Math.max(t, this.last + MINUTE_MS + this.random.next() * 10 * MINUTE_MS));
    return this.last;
  }

  /** A moment after the previous record, in the same transaction. */
  soon(): number {
    this.last += 1000 + this.random.int(0, 4000);
    return this.last;
  }
}
