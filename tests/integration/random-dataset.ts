// A small random dataset with the shape of real use: several proposals, themes and agencies, items
// with and without schedules, histories appended in order, replies at every stage, and evidence.
// Seeded, so that a failure can be reproduced.
import { addMonths, shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import type { Db } from "@/lib/db/client";
import type { ItemStatus, ReplyClass } from "@/lib/db/enums";

/** mulberry32: a tiny seeded PRNG. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

export const WORDS = [
  "大模型",
  "算力",
  "开源",
  "沙盒",
  "数据要素",
  "产业联盟",
  "人才",
  "集成电路",
  "语料",
  "标准",
];
const DAY = 86_400_000;
const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

export async function createRandomDataset(db: Db, seed = 42, today = shanghaiDate("2026-11-29")) {
  const random = generator(seed);
  const themes = await Promise.all(
    ["算力与数据", "开源生态", "产业协同", "人才培养"].map((nameZh, index) =>
      db.theme.create({ data: { code: `T${index}`, nameZh, nameEn: `Theme ${index}`, sortOrder: index } }),
    ),
  );
  const agencies = await Promise.all(
    [0, 1, 2, 3, 4].map((index) =>
      db.agency.create({
        data: { code: `AG${index}`, nameZh: `测试单位${index}`, nameEn: `Agency ${index}` },
      }),
    ),
  );
  const submissions = ["2023-06-15", "2024-01-26", "2025-03-05"];
  let clock = shanghaiDate("2023-01-01").getTime();
  // Every history row gets its own creation time, so that the order of the history is never a tie.
  const tick = () => {
    clock += 60_000;
    return new Date(clock);
  };

  for (const [p, submitted] of submissions.entries()) {
    const proposal = await db.proposal.create({
      data: {
        code: `RND-${p}`,
        titleZh: `随机建议${p}`,
        authorZh: "测试代表",
        congressSessionZh: "测试会议",
        submittedAt: shanghaiDate(submitted),
        summaryZh: "测试",
      },
    });
    for (let r = 0; r < 6; r++) {
      const word = random.pick(WORDS);
      const assignedAt = random.chance(0.85) ? addDays(shanghaiDate(submitted), random.int(10, 60)) : null;
      const replyDueAt = assignedAt ? shanghaiDate(addMonths(toShanghaiDateString(assignedAt), 3)) : null;
      const repliedAt = assignedAt && random.chance(0.7) ? addDays(assignedAt, random.int(20, 150)) : null;
      const replyClass = repliedAt ? random.pick<ReplyClass>(["A", "B", "C", "D"]) : null;
      const feedbackAt = repliedAt && random.chance(0.8) ? addDays(repliedAt, random.int(5, 40)) : null;
      const schedule = itemSchedule(random, submitted);
      const recommendation = await db.recommendation.create({
        data: {
          proposalId: proposal.id,
          code: `R${r + 1}`,
          sortOrder: r,
          titleZh: `推进${word}建设第${r + 1}项`,
          titleEn: r === 0 ? "Discount 100%_off" : `Item ${r + 1}`,
          descriptionZh: `关于${random.pick(WORDS)}的说明`,
          sourceQuote: "原文",
          themeId: random.chance(0.9) ? random.pick(themes).id : null,
          ...schedule,
          assignedAt,
          replyDueAt,
          repliedAt: repliedAt && repliedAt <= today ? repliedAt : null,
          replyClass: repliedAt && repliedAt <= today ? replyClass : null,
          satisfaction:
            feedbackAt && feedbackAt <= today
              ? random.pick(["satisfied", "basically_satisfied", "dissatisfied"])
              : null,
          feedbackAt: feedbackAt && feedbackAt <= today ? feedbackAt : null,
          stage:
            repliedAt && repliedAt <= today
              ? feedbackAt && feedbackAt <= today
                ? "evaluated"
                : "replied"
              : assignedAt
                ? "handling"
                : "unassigned",
        },
      });
      await assign(db, random, agencies, { recommendationId: recommendation.id });
      await recordHistory(
        db,
        random,
        { recommendationId: recommendation.id },
        schedule.startDate ?? shanghaiDate(submitted),
        today,
        tick,
      );
      if (random.chance(0.6)) {
        await db.evidence.create({
          data: {
            recommendationId: recommendation.id,
            url: "https://example.org/evidence",
            titleZh: `${random.pick(WORDS)}证明材料`,
          },
        });
      }
      const actionCount = random.int(0, 3);
      for (let a = 0; a < actionCount; a++) {
        const actionSchedule = itemSchedule(random, submitted);
        const action = await db.action.create({
          data: {
            recommendationId: recommendation.id,
            code: `R${r + 1}.${a + 1}`,
            sortOrder: a,
            titleZh: `落实${random.pick(WORDS)}举措`,
            descriptionZh: random.chance(0.5) ? `围绕${random.pick(WORDS)}开展工作` : null,
            ...actionSchedule,
          },
        });
        await assign(db, random, agencies, { actionId: action.id });
        await recordHistory(
          db,
          random,
          { actionId: action.id },
          actionSchedule.startDate ?? shanghaiDate(submitted),
          today,
          tick,
        );
        if (random.chance(0.5)) {
          await db.evidence.create({
            data: {
              actionId: action.id,
              url: "https://example.org/a",
              titleZh: `${random.pick(WORDS)}进展报道`,
            },
          });
        }
      }
    }
  }
}

type Random = ReturnType<typeof generator>;

function itemSchedule(random: Random, submitted: string) {
  if (random.chance(0.1))
    return { startDate: null, dueDate: random.chance(0.5) ? shanghaiDate("2025-06-30") : null };
  const startDate = addDays(shanghaiDate(submitted), random.int(0, 120));
  return { startDate, dueDate: random.chance(0.95) ? addDays(startDate, random.int(60, 1100)) : null };
}

async function assign(
  db: Db,
  random: Random,
  agencies: { id: string }[],
  owner: { recommendationId: string } | { actionId: string },
) {
  const shuffled = [...agencies].sort(() => random.next() - 0.5);
  const [lead, ...others] = shuffled;
  const coHandlers = others.slice(0, random.int(0, 2));
  const rows = [
    ...(lead && random.chance(0.95) ? [{ agencyId: lead.id, role: "lead" as const }] : []),
    ...coHandlers.map((agency) => ({ agencyId: agency.id, role: "co_handler" as const })),
  ];
  if ("recommendationId" in owner) {
    await db.recommendationAgency.createMany({ data: rows.map((row) => ({ ...row, ...owner })) });
  } else {
    await db.actionAgency.createMany({ data: rows.map((row) => ({ ...row, ...owner })) });
  }
}

/** Appends 0–6 updates in order, each from the state the one before left, and leaves the item there. */
async function recordHistory(
  db: Db,
  random: Random,
  owner: { recommendationId: string } | { actionId: string },
  startDate: Date,
  today: Date,
  tick: () => Date,
) {
  let status: ItemStatus | null = null;
  let progress: number | null = null;
  let day = startDate;
  const count = random.int(0, 6);
  for (let index = 0; index < count; index++) {
    // Two updates on one day happen too.
    day = addDays(day, random.chance(0.15) ? 0 : random.int(1, 120));
    if (day > today) break;
    const nextStatus: ItemStatus = random.chance(0.08)
      ? "not_adopted"
      : random.chance(0.15)
        ? "stalled"
        : random.chance(0.2)
          ? "completed"
          : "in_progress";
    const nextProgress: number =
      nextStatus === "completed" ? 100 : Math.min(99, (progress ?? 0) + random.int(0, 40));
    await db.statusUpdate.create({
      data: {
        ...owner,
        statusBefore: status,
        statusAfter: nextStatus,
        progressBefore: progress,
        progressAfter: nextProgress,
        effectiveDate: day,
        createdAt: tick(),
        source: "seed",
      },
    });
    status = nextStatus;
    progress = nextProgress;
    if (status === "completed" || status === "not_adopted") break;
  }
  if (status !== null && progress !== null) {
    if ("recommendationId" in owner) {
      await db.recommendation.update({ where: { id: owner.recommendationId }, data: { status, progress } });
    } else {
      await db.action.update({ where: { id: owner.actionId }, data: { status, progress } });
    }
  }
}
