// Issue 19, part 1: a deputy reads their own proposals (authored or co-signed) and nothing of another's;
// their home page lists their items, what awaits their rating and what changed since their last visit
// (kept in the database); the admin forms take deputies (no agency) and a proposal's co-signers.
// The route matrix (route-matrix.test.ts) sweeps every page and route as a deputy; here, the rules.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRecommendations } from "@/app/api/v1/recommendations/route";
import { createUser, updateUser } from "@/lib/admin/actions";
import {
  canReadItem,
  canReadProposal,
  canReadProposalCode,
  mayReadCycleStep,
  proposalsOfDeputy,
  readableEvidence,
  readableRecommendations,
} from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { cycleHistoryOf } from "@/lib/cycle/history";
import { db } from "@/lib/db";
import { getDeputyHome, recordDeputyVisit, SITTING_MS } from "@/lib/deputy/home";
import { setFollowing } from "@/lib/notifications/actions";
import { loadItemRefs } from "@/lib/notifications/items";
import { notify } from "@/lib/notifications/notify";
import { editProposal } from "@/lib/proposals/actions";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { createAction, createAgency, createProposal, createRecommendation } from "./factories";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

type Ids = { proposal: string; code: string; rec: string; action: string };
let mine: Ids;
let theirs: Ids;
let cosigned: Ids;
let me: Actor;
let other: Actor;

async function deputy(email: string): Promise<Actor> {
  const user = await db.user.create({ data: { email, name: email, role: "deputy" } });
  const official = await db.account.findFirstOrThrow({
    where: { user: { email: "official@tracker.example" } },
  });
  await db.account.create({
    data: {
      id: `scope-${user.id}`,
      accountId: user.id,
      providerId: "credential",
      userId: user.id,
      password: official.password,
    },
  });
  return { id: user.id, role: "deputy", agencyId: null };
}

async function proposalWithItem(authorUserId: string | null): Promise<Ids> {
  const proposal = await createProposal();
  if (authorUserId) await db.proposal.update({ where: { id: proposal.id }, data: { authorUserId } });
  const rec = await createRecommendation(proposal.id, { code: "R1" });
  const action = await createAction(rec.id, { code: "R1.1" });
  return { proposal: proposal.id, code: proposal.code, rec: rec.id, action: action.id };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

beforeAll(async () => {
  await seedSampleData(db);
  me = await deputy("deputy.me@scope.test");
  other = await deputy("deputy.other@scope.test");
  mine = await proposalWithItem(me.id);
  theirs = await proposalWithItem(other.id);
  cosigned = await proposalWithItem(other.id);
  await db.proposalCosigner.create({
    data: { proposalId: cosigned.proposal, position: 1, nameZh: "联名", userId: me.id },
  });
});

describe("the reading scope", () => {
  it("lets a deputy read the proposals they authored or co-signed, and no other", async () => {
    expect(await canReadProposal(db, me, mine.proposal)).toBe(true);
    expect(await canReadProposal(db, me, cosigned.proposal)).toBe(true);
    expect(await canReadProposal(db, me, theirs.proposal)).toBe(false);
    expect(await canReadProposalCode(db, me, theirs.code)).toBe(false);
    expect(await canReadProposalCode(db, other, theirs.code)).toBe(true);
    expect(await canReadItem(db, me, "recommendation", theirs.rec)).toBe(false);
    expect(await canReadItem(db, me, "action", theirs.action)).toBe(false);
    expect(await canReadItem(db, me, "action", mine.action)).toBe(true);
    const official: Actor = { id: "x", role: "official", agencyId: null };
    expect(await canReadProposalCode(db, official, theirs.code)).toBe(true);
  });

  it("reads a deputy's proposals' evidence, public or not, and no other's", async () => {
    const [own, foreign] = await Promise.all([
      db.evidence.create({
        data: { actionId: mine.action, url: "https://example.org/a", titleZh: "本人内部" },
      }),
      db.evidence.create({
        data: { recommendationId: theirs.rec, url: "https://example.org/b", titleZh: "他人" },
      }),
    ]);
    const seen = await db.evidence.findMany({ where: readableEvidence(me), select: { id: true } });
    expect(seen.map((e) => e.id)).toContain(own.id);
    expect(seen.map((e) => e.id)).not.toContain(foreign.id);
    const recs = await db.recommendation.findMany({
      where: readableRecommendations(me),
      select: { id: true },
    });
    expect(recs.map((r) => r.id).sort()).toEqual([mine.rec, cosigned.rec].sort());
  });

  it("refuses a deputy's follow of another proposal's item, and changes nothing", async () => {
    request.headers = new Headers({ cookie: await sessionCookie("deputy.me@scope.test", SAMPLE_PASSWORD) });
    const refused = await callAction(() =>
      setFollowing({}, form({ itemType: "recommendation", itemId: theirs.rec, follow: "1" })),
    );
    expect(refused).toEqual({ returned: { formError: "validation.notFound" } });
    expect(await db.follow.count({ where: { userId: me.id } })).toBe(0);
    const allowed = await callAction(() =>
      setFollowing({}, form({ itemType: "recommendation", itemId: mine.rec, follow: "1" })),
    );
    expect(allowed).toEqual({ returned: { notice: "validation.followed" } });
  });

  it("tells a deputy, as a follower, of their own proposals' items only", async () => {
    // Follows kept from before (written directly: the follow action refuses another's item).
    await db.follow.createMany({
      data: [
        { userId: me.id, itemType: "recommendation", itemId: theirs.rec },
        { userId: other.id, itemType: "recommendation", itemId: theirs.rec },
      ],
    });
    const refs = await loadItemRefs(db, [{ itemType: "recommendation", itemId: theirs.rec }]);
    await db.$transaction((tx) =>
      notify(tx, [
        {
          rule: "status.stalled",
          dedupeKey: "deputy-scope",
          day: "2026-12-02",
          item: refs.get(theirs.rec) ?? null,
        },
      ]),
    );
    const told = await db.notificationRecipient.findMany({
      where: { notification: { dedupeKey: "deputy-scope" }, userId: { in: [me.id, other.id] } },
      select: { userId: true },
    });
    expect(told.map((r) => r.userId)).toEqual([other.id]);
  });

  it("refuses the API to a deputy's session, with a 403", async () => {
    const cookie = await sessionCookie("deputy.me@scope.test", SAMPLE_PASSWORD);
    const response = await listRecommendations(
      new Request(`http://127.0.0.1/api/v1/recommendations?proposal=${mine.code}`, { headers: { cookie } }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain("R1");
  });
});

describe("the office's internal handling", () => {
  it("is left out of a deputy's cycle history: requests, drafts, 会签, 审核 and 督办", async () => {
    const wang = await db.user.findUniqueOrThrow({ where: { email: "deputy.wang@tracker.example" } });
    const deputyWang: Actor = { id: wang.id, role: "deputy", agencyId: null };
    const official: Actor = { id: "official", role: "official", agencyId: null };
    const recs = await db.recommendation.findMany({ where: { proposal: proposalsOfDeputy(wang.id) } });
    const steps = async (viewer: Actor) =>
      (await Promise.all(recs.map((rec) => cycleHistoryOf(rec.id, viewer))))
        .flat()
        .map((entry) => entry.step);
    const all = await steps(official);
    const theirs = await steps(deputyWang);
    // The sample's cycle has both kinds: what the deputy keeps and what is kept from them.
    expect(all).toEqual(expect.arrayContaining(["assign", "acknowledge", "issueNotice", "draftReply"]));
    expect(theirs).toEqual(expect.arrayContaining(["assign", "acknowledge"]));
    expect(theirs.filter((step) => !mayReadCycleStep(deputyWang, step))).toEqual([]);
    expect(theirs).not.toContain("issueNotice");
    expect(theirs).not.toContain("draftReply");
    expect(theirs.length).toBeLessThan(all.length);
  });
});

describe("the deputy's home page", () => {
  it("keeps the last visit in the database: a sitting keeps its start, the next one moves it on", async () => {
    const t0 = new Date("2026-12-01T02:00:00Z");
    expect(await recordDeputyVisit(db, me.id, t0)).toBeNull();
    const t1 = new Date(t0.getTime() + SITTING_MS - 1000);
    expect(await recordDeputyVisit(db, me.id, t1)).toBeNull();
    const t2 = new Date(t1.getTime() + SITTING_MS + 1000);
    expect(await recordDeputyVisit(db, me.id, t2)).toEqual(t1);
    const t3 = new Date(t2.getTime() + 60_000);
    expect(await recordDeputyVisit(db, me.id, t3)).toEqual(t1);
    expect(await db.deputyVisit.findUniqueOrThrow({ where: { userId: me.id } })).toMatchObject({
      sinceAt: t1,
      lastAt: t3,
    });
  });

  it("lists the deputy's items, what awaits their rating and the changes since, and no other's", async () => {
    const since = new Date("2026-11-20T00:00:00Z");
    await db.recommendation.update({
      where: { id: mine.rec },
      data: { stage: "replied", repliedAt: new Date("2026-11-25T00:00:00Z"), replyClass: "B" },
    });
    await db.statusUpdate.createMany({
      data: [
        {
          actionId: mine.action,
          statusAfter: "in_progress",
          progressAfter: 40,
          effectiveDate: new Date("2026-11-25T00:00:00Z"),
          createdAt: new Date("2026-11-25T01:00:00Z"),
        },
        {
          recommendationId: mine.rec,
          statusAfter: "in_progress",
          progressAfter: 10,
          effectiveDate: new Date("2026-11-10T00:00:00Z"),
          createdAt: new Date("2026-11-10T01:00:00Z"),
        },
        {
          recommendationId: theirs.rec,
          statusAfter: "stalled",
          progressAfter: 5,
          effectiveDate: new Date("2026-11-25T00:00:00Z"),
          createdAt: new Date("2026-11-25T02:00:00Z"),
        },
      ],
    });
    await db.cycleEvent.create({
      data: {
        recommendationId: mine.rec,
        step: "acceptReply",
        fromStage: "submitted",
        toStage: "replied",
        createdAt: new Date("2026-11-25T03:00:00Z"),
      },
    });
    const home = await getDeputyHome(db, me, since, new Date("2026-12-01T00:00:00Z"));
    expect(home.proposals.map((p) => [p.code, p.role]).sort()).toEqual(
      [
        [mine.code, "author"],
        [cosigned.code, "cosigner"],
      ].sort(),
    );
    expect(home.awaiting.map((rec) => rec.id)).toEqual([mine.rec]);
    // Newest first: the evidence of the test above (recorded now), the reply's acceptance, the update.
    expect(home.changes.map((c) => [c.kind, c.proposalCode, c.actionCode])).toEqual([
      ["evidence", mine.code, "R1.1"],
      ["cycle", mine.code, null],
      ["status", mine.code, "R1.1"],
    ]);
    const theirHome = await getDeputyHome(db, other, since, new Date("2026-12-01T00:00:00Z"));
    expect(theirHome.proposals.map((p) => p.code).sort()).toEqual([theirs.code, cosigned.code].sort());
    expect(theirHome.awaiting).toEqual([]);
    expect(theirHome.changes.map((c) => [c.kind, c.proposalCode])).toEqual([
      ["evidence", theirs.code],
      ["status", theirs.code],
    ]);
  });

  it("lists the contact records awaiting the deputy's answer, and leaves out the internal steps", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: "office@tracker.example" } });
    const record = (recommendationId: string, day: string) =>
      db.deputyContact.create({
        data: {
          recommendationId,
          contactDate: new Date(`${day}T16:00:00Z`),
          method: "phone",
          participants: "承办处室",
          summary: "电话沟通",
          recordedById: staff.id,
        },
      });
    const answered = await record(mine.rec, "2026-11-26");
    const open = await record(mine.rec, "2026-11-27");
    await record(theirs.rec, "2026-11-27");
    await db.deputyContactResponse.create({
      data: { contactId: answered.id, userId: me.id, decision: "confirmed" },
    });
    await db.cycleEvent.create({
      data: {
        recommendationId: mine.rec,
        step: "issueNotice",
        fromStage: "replied",
        toStage: "replied",
        createdAt: new Date("2026-11-28T03:00:00Z"),
      },
    });
    const home = await getDeputyHome(
      db,
      me,
      new Date("2026-11-26T00:00:00Z"),
      new Date("2026-12-01T00:00:00Z"),
    );
    expect(home.toConfirm.map((c) => c.id)).toEqual([open.id]);
    expect(home.changes.map((c) => c.step).filter(Boolean)).not.toContain("issueNotice");
  });
});

describe("the admin forms", () => {
  beforeAll(async () => {
    request.headers = new Headers({ cookie: await sessionCookie("admin@tracker.example") });
  });

  it("refuse a deputy with an agency (translated), and create one without", async () => {
    const agency = await createAgency();
    const refused = await callAction(() =>
      createUser(
        {},
        form({
          email: "new.deputy@scope.test",
          name: "新代表",
          role: "deputy",
          agencyId: agency.id,
          password: "a-long-password",
        }),
      ),
    );
    expect(refused).toEqual({ returned: { fieldErrors: { agencyId: ["deputy.noAgency"] } } });
    expect(await db.user.count({ where: { email: "new.deputy@scope.test" } })).toBe(0);
    const user = await db.user.create({
      data: { email: "staff.to.deputy@scope.test", name: "改", role: "official" },
    });
    const update = await callAction(() =>
      updateUser({}, form({ userId: user.id, name: "改", role: "deputy", agencyId: agency.id })),
    );
    expect(update).toEqual({ returned: { fieldErrors: { agencyId: ["deputy.noAgency"] } } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("official");
  });

  const fields = (proposalId: string, code: string, extra: Record<string, string>) =>
    form({
      proposalId,
      code,
      titleZh: "测试建议",
      authorZh: "测试代表",
      congressSessionZh: "测试会议",
      submittedAt: "2024-01-26",
      summaryZh: "测试摘要",
      ...extra,
    });

  it("refuse co-signers with an unknown or non-deputy account and an author who is no deputy, changing nothing", async () => {
    const target = await proposalWithItem(null);
    const audit = await db.auditEvent.count();
    const refused = await callAction(() =>
      editProposal(
        {},
        fields(target.proposal, target.code, {
          authorUserEmail: "official@tracker.example",
          cosigners: "甲 | A | nobody@scope.test\n | B\n乙 | B | official@tracker.example",
        }),
      ),
    );
    expect(refused).toEqual({
      returned: {
        fieldErrors: {
          authorUserEmail: ["deputy.manage.authorNotDeputy"],
          cosigners: [
            "deputy.manage.cosignerLine",
            "deputy.manage.cosignerLine",
            "deputy.manage.cosignerLine",
          ],
        },
      },
    });
    expect(await db.proposalCosigner.count({ where: { proposalId: target.proposal } })).toBe(0);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: target.proposal } })).authorUserId).toBeNull();
    expect(await db.auditEvent.count()).toBe(audit);
  });

  it("save the first author's account and the co-signers in order, audited, and the deputies then read it", async () => {
    const target = await proposalWithItem(null);
    const saved = await callAction(() =>
      editProposal(
        {},
        fields(target.proposal, target.code, {
          authorUserEmail: "deputy.other@scope.test",
          cosigners: "联名甲 | Co-signer A | DEPUTY.ME@scope.test\n联名乙",
        }),
      ),
    );
    expect(saved).toEqual({ returned: { notice: "validation.saved" } });
    const cosigners = await db.proposalCosigner.findMany({
      where: { proposalId: target.proposal },
      orderBy: { position: "asc" },
    });
    expect(cosigners.map((c) => [c.position, c.nameZh, c.nameEn, c.userId])).toEqual([
      [1, "联名甲", "Co-signer A", me.id],
      [2, "联名乙", null, null],
    ]);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: target.proposal } })).authorUserId).toBe(
      other.id,
    );
    const audit = await db.auditEvent.findMany({
      where: { entityId: target.proposal, action: "proposal.edit" },
      select: { after: true },
    });
    expect(audit.map((a) => Object.keys(a.after as object)[0]).sort()).toEqual(["authorUserId", "cosigners"]);
    expect(await canReadProposal(db, me, target.proposal)).toBe(true);
    expect(await canReadProposal(db, other, target.proposal)).toBe(true);

    // Taking a co-signer off takes their reading away.
    await callAction(() =>
      editProposal({}, fields(target.proposal, target.code, { authorUserEmail: "", cosigners: "联名乙" })),
    );
    expect(await canReadProposal(db, me, target.proposal)).toBe(false);
    expect(await canReadProposal(db, other, target.proposal)).toBe(false);
  });
});
