// Promises in replies become actions (issue 21): the reviewed promises of a reply's text are created as
// actions through the one path that adds an action, all or none, each keeping its sentence; a role that
// may not add actions is refused, and bad input writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { createPromisedMeasures } from "@/lib/promises/actions";
import { promiseReviewOf } from "@/lib/promises/queries";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";

const TEXT = [
  "王延峰代表：您提出的建议收悉，现答复如下。",
  "2024年以来，我委已发放算力券1.2亿元。",
  "下一步，我委将于2027年6月底前出台算力调度实施方案。",
  "力争2028年底前建成智能算力调度平台。",
].join("\n");
const FIRST = "下一步，我委将于2027年6月底前出台算力调度实施方案。";
const SECOND = "力争2028年底前建成智能算力调度平台。";

let recommendationId: string;
let leadAgencyId: string;
let staffEmail: string;
let otherStaffEmail: string;

async function signIn(email: string) {
  const { headers } = await createAuth(db).api.signInEmail({
    body: { email, password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  request.headers = new Headers({ cookie: headers.get("set-cookie")?.split(";")[0] ?? "" });
  return db.user.findUniqueOrThrow({ where: { email } });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const items = (rows: { sentence: string; titleZh: string; dueDate?: string; leadAgencyId?: string }[]) =>
  JSON.stringify(rows.map((row) => ({ leadAgencyId, ...row })));

const counts = () => Promise.all([db.action.count(), db.auditEvent.count(), db.actionAgency.count()]);

beforeAll(async () => {
  await seedSampleData(db);
  const rec = await db.recommendation.findFirstOrThrow({
    where: { archivedAt: null, agencies: { some: { role: "lead" } } },
    orderBy: { code: "asc" },
    include: { agencies: true },
  });
  recommendationId = rec.id;
  leadAgencyId = rec.agencies.find((a) => a.role === "lead")?.agencyId ?? "";
  const staff = await db.user.findFirstOrThrow({ where: { role: "staff", agencyId: leadAgencyId } });
  const other = await db.user.findFirstOrThrow({
    where: { role: "staff", agencyId: { notIn: rec.agencies.map((a) => a.agencyId) } },
  });
  staffEmail = staff.email;
  otherStaffEmail = other.email;
  await db.replyDraft.upsert({
    where: { recommendationId },
    create: { recommendationId, replyClass: "B", text: TEXT, draftedById: staff.id },
    update: { text: TEXT },
  });
});

describe("creating actions from a reply's promises", () => {
  it("offers the reply's promises, not its past facts, to the lead's staff only", async () => {
    const staff = await signIn(staffEmail);
    const review = await promiseReviewOf(recommendationId, staff);
    expect(review?.promises.map((p) => [p.sentence, p.dueDate])).toEqual([
      [FIRST, "2027-06-30"],
      [SECOND, "2028-12-31"],
    ]);
    expect(review?.leadAgencyId).toBe(leadAgencyId);
    const other = await signIn(otherStaffEmail);
    expect(await promiseReviewOf(recommendationId, other)).toBeNull();
  });

  it("refuses a role that may not add actions to the recommendation, writing nothing", async () => {
    await signIn(otherStaffEmail);
    const before = await counts();
    const outcome = await callAction(() =>
      createPromisedMeasures(
        {},
        form({ recommendationId, round: "1", items: items([{ sentence: FIRST, titleZh: "出台方案" }]) }),
      ),
    );
    expect(outcome).toEqual({ returned: { formError: "validation.forbidden" } });
    expect(await counts()).toEqual(before);
  });

  it.each([
    ["no title", [{ sentence: FIRST, titleZh: "  " }], "items.0.titleZh"],
    [
      "a date that is no date",
      [{ sentence: FIRST, titleZh: "出台方案", dueDate: "2027-02-30" }],
      "items.0.dueDate",
    ],
    [
      "a bad row after a good one (all or none)",
      [
        { sentence: FIRST, titleZh: "出台方案" },
        { sentence: SECOND, titleZh: "建成平台", leadAgencyId: "no-such-agency" },
      ],
      "items.1.leadAgencyId",
    ],
  ])("refuses %s, writing nothing", async (_name, rows, field) => {
    await signIn(staffEmail);
    const before = await counts();
    const outcome = (await callAction(() =>
      createPromisedMeasures({}, form({ recommendationId, round: "1", items: items(rows) })),
    )) as { returned: { fieldErrors?: Record<string, string[]> } };
    expect(Object.keys(outcome.returned.fieldErrors ?? {})).toEqual([field]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a sentence that is not in the current draft, and none ticked", async () => {
    await signIn(staffEmail);
    const before = await counts();
    const forged = await callAction(() =>
      createPromisedMeasures(
        {},
        form({
          recommendationId,
          round: "1",
          items: items([{ sentence: "我委将建成不存在的平台。", titleZh: "x平台" }]),
        }),
      ),
    );
    expect(forged).toEqual({ returned: { formError: "promises.stale" } });
    const none = (await callAction(() =>
      createPromisedMeasures({}, form({ recommendationId, round: "1", items: "[]" })),
    )) as { returned: { fieldErrors?: Record<string, string[]> } };
    expect(none.returned.fieldErrors?.items).toEqual(["promises.noneSelected"]);
    expect(await counts()).toEqual(before);
  });

  it("creates the ticked promises as actions, audited, each keeping its sentence", async () => {
    const staff = await signIn(staffEmail);
    const [actionsBefore] = await counts();
    const outcome = await callAction(() =>
      createPromisedMeasures(
        {},
        form({
          recommendationId,
          round: "1",
          items: items([
            { sentence: FIRST, titleZh: "出台算力调度实施方案", dueDate: "2027-07-31" },
            { sentence: SECOND, titleZh: "建成智能算力调度平台", dueDate: "" },
          ]),
        }),
      ),
    );
    expect(outcome).toEqual({ returned: { notice: "promises.created" } });
    expect(await db.action.count()).toBe(actionsBefore + 2);
    const made = await db.action.findMany({
      where: { recommendationId, promiseSource: { not: null } },
      orderBy: { sortOrder: "asc" },
      include: { agencies: true },
    });
    expect(
      made.map((a) => [a.titleZh, a.promiseSource, a.promiseRound, a.dueDate?.toISOString() ?? null]),
    ).toEqual([
      ["出台算力调度实施方案", FIRST, 1, "2027-07-30T16:00:00.000Z"],
      ["建成智能算力调度平台", SECOND, 1, null],
    ]);
    for (const action of made) {
      expect(action.agencies).toEqual([expect.objectContaining({ agencyId: leadAgencyId, role: "lead" })]);
      expect(await db.auditEvent.count({ where: { action: "action.create", entityId: action.id } })).toBe(1);
    }
    // Made once: the review list no longer offers them.
    expect((await promiseReviewOf(recommendationId, staff))?.promises).toEqual([]);
  });
});
