// The dry run: what each row of an import would change, and every problem, without writing anything.
// The rules are the status form's (its schema, lib/status-updates/schema.ts, and statusUpdateProblems);
// rights, versions and the items come from the database in a few bulk reads (the form's loadItems),
// not one read per row.
import type { z } from "zod";
import type { Actor } from "@/lib/auth/permissions";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { DbClient } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/db/enums";
import { type LoadedItem, loadItems, statusUpdateProblems } from "@/lib/status-updates/record";
import { type StatusUpdateInput, statusUpdateInput, statusUpdateNote } from "@/lib/status-updates/schema";
import { reviewingAgencyOf } from "@/lib/update-review/rule";
import { readDay, readProgress, readStatus, readText, readVersion } from "./cells";
import type { ImportField, ImportRow } from "./columns";

const CHUNK = 500;

/** A problem of one cell (or of the row, field "row"), as a key of the "import.problem" messages. */
export type RowProblem = {
  field: ImportField | "row";
  key: string;
  values?: Record<string, string | number>;
  /** A cell's problem: the cell as the file has it (null: empty), so that the message can quote it. */
  cell?: string | null;
};

type State = { status: ItemStatus; progress: number };

export type PlannedRow = {
  sheet: string | null;
  row: number;
  kind: "recommendation" | "action";
  /** proposal / recommendation / action codes, as in the file. */
  label: string;
  item: {
    id: string;
    titleZh: string;
    titleEn: string | null;
    href: string;
    code: string;
    /** The item's recommendation (itself, for a recommendation), and the day of that one's latest update. */
    recommendationId: string;
    recommendationLatest: Date | null;
  } | null;
  before: State | null;
  after: State | null;
  /**
   * A rolled-up recommendation's progress as the file has it, where it differs from the roll-up now
   * because its actions moved since the export: the column is read-only, shown beside the current one.
   */
  fileProgress: number | null;
  effectiveDate: string | null;
  comment: string | null;
  evidence: { url: string; title: string } | null;
  /** update: would be recorded; unchanged: nothing to record (or recorded already); problem: see problems. */
  outcome: "update" | "unchanged" | "problem";
  problems: RowProblem[];
  /** What the apply records for an "update" row. */
  input: StatusUpdateInput | null;
};

export type ImportPlan = {
  rows: PlannedRow[];
  counts: { update: number; unchanged: number; problem: number };
};

type PlanItem = LoadedItem & {
  kind: "recommendation" | "action";
  href: string;
  latestEffective: Date | null;
  /** For an action: its recommendation's latest update. */
  recommendationLatest: Date | null;
};

export async function planImport(
  db: DbClient,
  actor: Actor,
  rows: ImportRow[],
  now: Date = new Date(),
): Promise<ImportPlan> {
  return (await planImportAndRead(db, actor, rows, now)).plan;
}

/** An action and what its recommendation's roll-up needs of it. */
export type Sibling = { id: string; status: ItemStatus; progress: number; weight: number; version: number };

/**
 * What the dry run read of the recommendations the file's actions roll up into: their states and all
 * their actions (not only the file's), as the writing needs them (lib/import/write.ts).
 */
export type Families = {
  states: Map<string, State & { version: number }>;
  actions: Map<string, Sibling[]>;
};

/** The dry run, and the families it read, so that applying the import need not read them again. */
export async function planImportAndRead(
  db: DbClient,
  actor: Actor,
  rows: ImportRow[],
  now: Date = new Date(),
): Promise<{ plan: ImportPlan; families: Families }> {
  const { items, families } = await loadPlanItems(db, actor, rows);
  const today = toShanghaiDateString(now);

  // An item named by more than one row: which row is meant is not for the import to guess.
  const rowsPerItem = new Map<string, number>();
  for (const row of rows) {
    const key = itemKey(row);
    if (key) rowsPerItem.set(key, (rowsPerItem.get(key) ?? 0) + 1);
  }
  // An action's update must not predate its recommendation's, including one this file records: the
  // recommendations' rows are planned first, and only those that record an update set a day (a row left
  // as exported, its date empty, is no update of today).
  const recommendationDays = new Map<string, string>();
  const recommendationRows = new Map<ImportRow, PlannedRow>();
  for (const row of rows) {
    if (readText(row.values.recommendation ?? null)) continue;
    const planned = planRow(row, items, rowsPerItem, recommendationDays, today, now);
    recommendationRows.set(row, planned);
    if (planned.outcome === "update" && planned.item && planned.effectiveDate)
      recommendationDays.set(planned.item.id, planned.effectiveDate);
  }

  const planned = rows.map((row) =>
    withCells(
      recommendationRows.get(row) ?? planRow(row, items, rowsPerItem, recommendationDays, today, now),
      row,
    ),
  );
  // Staff of an agency whose updates need review enter them through the status form, for their reviewer:
  // an import would record them unreviewed (lib/update-review/rule.ts). An admin's import stays direct.
  const reviewing = await reviewingAgencyOf(db, actor);
  const reviewed = reviewing
    ? planned.map(
        (row): PlannedRow =>
          row.outcome === "update"
            ? {
                ...row,
                outcome: "problem",
                problems: [...row.problems, { field: "row", key: "needsReview" }],
                input: null,
              }
            : row,
      )
    : planned;
  const counts = { update: 0, unchanged: 0, problem: 0 };
  for (const row of reviewed) counts[row.outcome]++;
  return { plan: { rows: reviewed, counts }, families };
}

function planRow(
  row: ImportRow,
  items: Map<string, PlanItem>,
  rowsPerItem: Map<string, number>,
  recommendationDays: Map<string, string>,
  today: string,
  now: Date,
): PlannedRow {
  const { values } = row;
  const problems: RowProblem[] = [];
  const key = itemKey(row);
  const kind = readText(values.recommendation ?? null) ? "action" : "recommendation";
  const label = [values.proposal, values.recommendation, values.code]
    .map((cell) => readText(cell ?? null))
    .filter(Boolean)
    .join(" / ");
  const base = { sheet: row.sheet, row: row.row, kind, label } as const;
  const item = key ? items.get(key) : undefined;

  if (!key) problems.push({ field: "code", key: "itemMissing" });
  else if (!item) problems.push({ field: "code", key: "unknownItem" });
  if (key && (rowsPerItem.get(key) ?? 0) > 1) problems.push({ field: "row", key: "duplicateItem" });

  const status = readStatus(values.status ?? null);
  const progress = readProgress(values.progress ?? null);
  const day = readDay(values.effectiveDate ?? null);
  const version = readVersion(values.version ?? null);
  const url = readText(values.evidenceUrl ?? null);
  const title = readText(values.evidenceTitle ?? null);
  // The comment and the link by the status form's rules; a link from a file is of no particular kind.
  const note = statusUpdateNote.safeParse({
    comment: readText(values.comment ?? null),
    newEvidenceUrl: url,
    newEvidenceTitle: title,
    newEvidenceKind: url || title ? "other" : undefined,
  });
  if (status && "problem" in status) problems.push({ field: "status", key: status.problem });
  if (progress && "problem" in progress) problems.push({ field: "progress", key: progress.problem });
  if (day && "problem" in day) problems.push({ field: "effectiveDate", key: day.problem });
  if (!version) problems.push({ field: "version", key: "versionMissing" });
  else if ("problem" in version) problems.push({ field: "version", key: version.problem });
  if (!note.success) problems.push(...schemaProblems(note.error));
  const comment = note.success ? (note.data.comment ?? null) : readText(values.comment ?? null);
  const { newEvidenceUrl, newEvidenceTitle } = note.success ? note.data : {};
  const evidence =
    newEvidenceUrl && newEvidenceTitle ? { url: newEvidenceUrl, title: newEvidenceTitle } : null;

  const effectiveDate = day === null ? today : "value" in day ? day.value : null;
  const described = {
    ...base,
    item: item
      ? {
          id: item.id,
          titleZh: item.titleZh,
          titleEn: item.titleEn,
          href: item.href,
          code: item.code,
          recommendationId: item.recommendationId,
          recommendationLatest: item.kind === "action" ? item.recommendationLatest : item.latestEffective,
        }
      : null,
    effectiveDate,
    comment,
    evidence,
    fileProgress: null as number | null,
  };
  if (!item) return { ...described, before: null, after: null, outcome: "problem", problems, input: null };

  const before = { status: item.status, progress: item.progress };
  const after = {
    status: status && "value" in status ? status.value : item.status,
    progress: item.progressIsRolledUp
      ? item.progress
      : progress && "value" in progress
        ? progress.value
        : item.progress,
  };
  // A roll-up's column is the export's copy of what the actions make it: read-only. Differing from now
  // after the item moved since the export (a colleague's update of an action, this file applied
  // before), it is the old roll-up, shown and ignored; only a value typed over the exported one is refused.
  if (item.progressIsRolledUp && progress && "value" in progress && progress.value !== item.progress) {
    if (version && "value" in version && version.value === item.version)
      problems.push({ field: "progress", key: "progressRolledUp", values: { now: item.progress } });
    else described.fileProgress = progress.value;
  }
  const changes = after.status !== before.status || after.progress !== before.progress;

  if (!item.allowed) {
    // Another agency's item in an exported view: left as it was, it is no business of this import.
    if (!changes && !comment && !evidence && problems.length === 0)
      return { ...described, before, after, outcome: "unchanged", problems, input: null };
    problems.push({ field: "code", key: "notYourItem" });
    return { ...described, before: null, after: null, outcome: "problem", problems, input: null };
  }

  if (version && "value" in version && version.value !== item.version) {
    // Changed since the export. Already in the state the row asks for (this file applied before, or the
    // same change made by hand): nothing to do; otherwise the row would overwrite someone's update.
    if (!changes)
      return {
        ...described,
        before,
        after,
        outcome: problems.length ? "problem" : "unchanged",
        problems,
        input: null,
      };
    problems.push({ field: "version", key: "versionConflict", values: { version: item.version } });
  }

  if (effectiveDate && problems.length === 0) {
    const recommendationDay =
      item.kind === "action" ? recommendationDays.get(item.recommendationId) : undefined;
    const rules = statusUpdateProblems(
      {
        status: after.status,
        progress: after.progress,
        effectiveDate,
        comment: comment ?? undefined,
        hasEvidence: evidence !== null,
      },
      {
        ...item,
        recommendationLatestEffective: latest(item.recommendationLatest, recommendationDay),
      },
      now,
    );
    if (rules.form?.includes("nothingToRecord"))
      return { ...described, before, after, outcome: "unchanged", problems, input: null };
    // The days a rule compares with, so that the message says which days are allowed.
    const ruleDays: Record<string, Date | string | null> = {
      dateInFuture: today,
      dateBeforeStart: item.startDate,
      dateBeforeLatest: item.latestEffective,
      dateBeforeRecommendationLatest: latest(item.recommendationLatest, recommendationDay),
    };
    for (const [field, keys] of Object.entries(rules))
      for (const ruleKey of keys) {
        const day = ruleDays[ruleKey];
        problems.push({
          field: fieldOfRule(field),
          key: ruleKey,
          ...(day ? { values: { day: typeof day === "string" ? day : toShanghaiDateString(day) } } : {}),
        });
      }
  }
  if (problems.length) {
    // A status or progress the file has but nobody can read is no "after" to show.
    const unreadable = problems.some((problem) => problem.field === "status" || problem.field === "progress");
    return {
      ...described,
      before,
      after: unreadable ? null : after,
      outcome: "problem",
      problems,
      input: null,
    };
  }
  // What the status form would send for the row, through the form's own schema.
  const input = statusUpdateInput.safeParse({
    itemType: item.kind,
    itemId: item.id,
    version: item.version,
    status: after.status,
    progress: item.progressIsRolledUp ? undefined : after.progress,
    effectiveDate: effectiveDate ?? today,
    comment: comment ?? undefined,
    newEvidenceUrl: evidence?.url,
    newEvidenceTitle: evidence?.title,
    newEvidenceKind: evidence ? "other" : undefined,
  });
  if (!input.success)
    return {
      ...described,
      before,
      after,
      outcome: "problem",
      problems: schemaProblems(input.error),
      input: null,
    };
  return { ...described, before, after, outcome: "update", problems, input: input.data };
}

/** The schema's fields as the file's columns. */
const COLUMN_OF_FIELD: Record<string, RowProblem["field"]> = {
  comment: "comment",
  newEvidenceUrl: "evidenceUrl",
  newEvidenceTitle: "evidenceTitle",
  status: "status",
  progress: "progress",
  effectiveDate: "effectiveDate",
  version: "version",
};

/** The status form's schema's problems as the row's, each in its column (the schema's limit said). */
function schemaProblems(error: z.ZodError): RowProblem[] {
  return error.issues.map((issue) => ({
    field: COLUMN_OF_FIELD[String(issue.path[0])] ?? "row",
    key: issue.message,
    ...(issue.code === "too_big" ? { values: { max: Number(issue.maximum) } } : {}),
  }));
}

/** Each cell's problem with the cell's text, as the person filling the file in typed it. */
function withCells(planned: PlannedRow, row: ImportRow): PlannedRow {
  if (!planned.problems.length) return planned;
  const problems = planned.problems.map((problem) =>
    problem.field === "row" ? problem : { ...problem, cell: readText(row.values[problem.field] ?? null) },
  );
  return { ...planned, problems };
}

/** The row's item as proposal / (recommendation /) code; null when a code is missing. */
function itemKey(row: ImportRow): string | null {
  const proposal = readText(row.values.proposal ?? null);
  const recommendation = readText(row.values.recommendation ?? null);
  const code = readText(row.values.code ?? null);
  if (!proposal || !code) return null;
  return recommendation ? keyOf(proposal, recommendation, code) : keyOf(proposal, code);
}

const keyOf = (...codes: string[]) => codes.join("\u0000");

/** The later of a stored day and a day this file records ("YYYY-MM-DD"). */
function latest(stored: Date | null, recorded: string | undefined): Date | null {
  if (!recorded) return stored;
  const day = shanghaiDate(recorded);
  return stored && stored > day ? stored : day;
}

/** The status rules name the form's fields; "form" is the row as a whole. */
const fieldOfRule = (field: string): RowProblem["field"] =>
  field === "form" ? "row" : (field as ImportField);

function chunks<T>(values: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < values.length; index += CHUNK) result.push(values.slice(index, index + CHUNK));
  return result;
}

/**
 * Every item the rows name, by itemKey, with what the rules and rights need (the status form's
 * loadItems, a few hundred codes at a time); and their families.
 */
async function loadPlanItems(
  db: DbClient,
  actor: Actor,
  rows: ImportRow[],
): Promise<{ items: Map<string, PlanItem>; families: Families }> {
  const named = rows.flatMap((row) => {
    const proposal = readText(row.values.proposal ?? null);
    const code = readText(row.values.code ?? null);
    if (!proposal || !code) return [];
    return [{ proposal, recommendation: readText(row.values.recommendation ?? null), code }];
  });
  const proposals = new Map<string, string>();
  for (const codes of chunks([...new Set(named.map((name) => name.proposal))])) {
    for (const proposal of await db.proposal.findMany({
      where: { code: { in: codes } },
      select: { id: true, code: true },
    }))
      proposals.set(proposal.id, proposal.code);
  }
  const recommendationCodes = [...new Set(named.map((name) => name.recommendation ?? name.code))];
  // Archived recommendations (and their actions) take no updates: to an import they are unknown.
  const recommendations = (
    await Promise.all(
      chunks(recommendationCodes).map(
        async (codes) =>
          (
            await loadItems(db, actor, {
              recommendations: { proposalId: { in: [...proposals.keys()] }, code: { in: codes } },
            })
          ).recommendations,
      ),
    )
  ).flat();
  const recommendationByKey = new Map(
    recommendations.map((rec) => [keyOf(proposals.get(rec.proposalId) ?? "", rec.code), rec]),
  );
  // Actions by the recommendations they are under: each statement names a few hundred parents, rather
  // than every parent beside a few hundred codes (seconds for a file of 10,000 rows).
  const codesByParent = new Map<string, Set<string>>();
  for (const name of named) {
    if (!name.recommendation) continue;
    const parent = recommendationByKey.get(keyOf(name.proposal, name.recommendation))?.id;
    if (!parent) continue;
    const codes = codesByParent.get(parent) ?? new Set<string>();
    codes.add(name.code);
    codesByParent.set(parent, codes);
  }
  const family = (
    await Promise.all(
      chunks([...codesByParent.keys()]).map(
        async (parents) =>
          (
            await loadItems(db, actor, { actions: { recommendationId: { in: parents } } })
          ).actions,
      ),
    )
  ).flat();
  const actions = family.filter((action) => codesByParent.get(action.recommendationId)?.has(action.code));
  const families: Families = { states: new Map(), actions: new Map() };
  for (const parent of codesByParent.keys()) families.actions.set(parent, []);
  for (const { id, status, progress, version } of recommendations)
    if (families.actions.has(id)) families.states.set(id, { status, progress, version });
  for (const { id, recommendationId, status, progress, weight, version } of family)
    families.actions.get(recommendationId)?.push({ id, status, progress, weight, version });

  const latestOf = async (kind: "recommendationId" | "actionId", ids: string[]) => {
    const days = new Map<string, Date>();
    for (const part of chunks(ids)) {
      const groups = await db.statusUpdate.groupBy({
        by: [kind],
        where: { [kind]: { in: part } },
        _max: { effectiveDate: true },
      });
      for (const group of groups) {
        const id = group[kind];
        if (id && group._max.effectiveDate) days.set(id, group._max.effectiveDate);
      }
    }
    return days;
  };
  const [recommendationLatest, actionLatest] = await Promise.all([
    latestOf(
      "recommendationId",
      recommendations.map((rec) => rec.id),
    ),
    latestOf(
      "actionId",
      actions.map((action) => action.id),
    ),
  ]);

  const items = new Map<string, PlanItem>();
  const recommendationById = new Map(recommendations.map((rec) => [rec.id, rec]));
  for (const [key, rec] of recommendationByKey) {
    const proposalCode = proposals.get(rec.proposalId) ?? "";
    items.set(key, {
      ...rec,
      href: `/proposals/${proposalCode}/${rec.code}`,
      latestEffective: recommendationLatest.get(rec.id) ?? null,
      recommendationLatest: null,
    });
  }
  for (const action of actions) {
    const parent = recommendationById.get(action.recommendationId);
    if (!parent) continue;
    const proposalCode = proposals.get(parent.proposalId) ?? "";
    items.set(keyOf(proposalCode, parent.code, action.code), {
      ...action,
      href: `/proposals/${proposalCode}/${parent.code}#action-${action.code}`,
      latestEffective: actionLatest.get(action.id) ?? null,
      recommendationLatest: recommendationLatest.get(parent.id) ?? null,
    });
  }
  return { items, families };
}
