// Issue 20, part 3: the office or the agency's reviewer verifies (核实) evidence, once, audited; the
// public page, the open data and the reports say which evidence is verified and which only claimed.
// Issue 19, part 1: evidence marked internal (内部材料) is kept from the proposal's deputies — from their
// pages, their home page's changes and their notifications — and is never public.
import { beforeAll, describe, expect, it } from "vitest";
import { mayReadEvidence, readableEvidence } from "@/lib/auth/deputy-scope";
import type { Actor } from "@/lib/auth/permissions";
import { shanghaiToday, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { createEvidence, verifyEvidence } from "@/lib/evidence/actions";
import { getPublicProgress } from "@/lib/public/queries";
import { getRecommendationPage, recommendationPageFor } from "@/lib/recommendations/queries";
import { getReportData } from "@/lib/reports/data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

async function signIn(email: string) {
  request.headers = new Headers({ cookie: await sessionCookie(email) });
}

// A recommendation the economy commission (jxw) leads, one it has no part in, and the deputy's proposal.
let ours: { id: string; code: string; proposalCode: string };
let notOurs: { id: string };
let deputy: Actor;

async function evidenceOn(
  recommendationId: string,
  fields: { isPublic?: boolean; isInternal?: boolean } = {},
) {
  return db.evidence.create({
    data: { recommendationId, url: "https://example.org/letter", titleZh: "答复函扫描件", ...fields },
  });
}

async function verify(evidenceId: string, note = "已核对原件") {
  const outcome = await callAction(() => verifyEvidence({}, form({ evidenceId, note })));
  return "returned" in outcome ? outcome.returned : outcome;
}

beforeAll(async () => {
  await seedSampleData(db);
  const jxw = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
  const rec = await db.recommendation.findFirstOrThrow({
    where: { agencies: { some: { agencyId: jxw.agencyId ?? "", role: "lead" } } },
    include: { proposal: true },
  });
  ours = { id: rec.id, code: rec.code, proposalCode: rec.proposal.code };
  notOurs = await db.recommendation.findFirstOrThrow({
    where: { proposalId: rec.proposalId, agencies: { none: { agencyId: jxw.agencyId ?? "" } } },
  });
  const wang = await db.user.findUniqueOrThrow({ where: { email: "deputy.wang@tracker.example" } });
  deputy = { id: wang.id, role: "deputy", agencyId: null };
  // The deputy's proposal is the sample's: the recommendation above is one of theirs.
  expect(rec.proposal.authorUserId).toBe(wang.id);
});

describe("verifying evidence", () => {
  it("lets the office verify once, with its note, audited", async () => {
    const piece = await evidenceOn(ours.id);
    await signIn("office@tracker.example");
    expect(await verify(piece.id)).toEqual({ notice: "evidenceVerify.done" });
    const after = await db.evidence.findUniqueOrThrow({
      where: { id: piece.id },
      include: { verifiedBy: true },
    });
    expect(after.verifiedBy?.email).toBe("office@tracker.example");
    expect(after.verifiedNote).toBe("已核对原件");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityId: piece.id, action: "evidence.verify" },
    });
    expect(audit.actorId).toBe(after.verifiedById);

    // A second verification is refused and changes nothing.
    const audits = await db.auditEvent.count();
    expect(await verify(piece.id, "再次核实")).toEqual({ formError: "evidenceVerify.alreadyVerified" });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: piece.id } })).verifiedNote).toBe(
      "已核对原件",
    );
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("lets an agency's reviewer verify its own items' evidence, not another agency's", async () => {
    await signIn("reviewer.jxw@tracker.example");
    const own = await evidenceOn(ours.id);
    expect(await verify(own.id)).toEqual({ notice: "evidenceVerify.done" });
    const foreign = await evidenceOn(notOurs.id);
    expect(await verify(foreign.id)).toEqual({ formError: "evidenceVerify.forbidden" });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: foreign.id } })).verifiedAt).toBeNull();
  });

  it("refuses staff who are not reviewers, and withdrawn evidence", async () => {
    await signIn("staff.jxw@tracker.example");
    const piece = await evidenceOn(ours.id);
    expect(await verify(piece.id)).toEqual({ formError: "evidenceVerify.forbidden" });
    await db.evidence.update({
      where: { id: piece.id },
      data: { withdrawnAt: new Date(), withdrawnReason: "链接失效" },
    });
    await signIn("office@tracker.example");
    expect(await verify(piece.id)).toEqual({ formError: "validation.evidenceWithdrawn" });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: piece.id } })).verifiedAt).toBeNull();
  });

  it("is told apart on the public page, in the open data and in the reports (as of their day)", async () => {
    const proposal = await db.proposal.update({
      where: { code: ours.proposalCode },
      data: { publishedAt: new Date() },
    });
    const claimed = await evidenceOn(ours.id, { isPublic: true });
    const verified = await evidenceOn(ours.id, { isPublic: true });
    await signIn("office@tracker.example");
    await verify(verified.id);

    const page = await getPublicProgress(proposal.code);
    const shown = page?.recommendations.find((rec) => rec.code === ours.code)?.evidence ?? [];
    expect(shown.find((e) => e.id === verified.id)?.verifiedAt).not.toBeNull();
    expect(shown.find((e) => e.id === claimed.id)?.verifiedAt).toBeNull();

    const today = toShanghaiDateString(shanghaiToday());
    const report = await getReportData(db, { proposal: proposal.code, asOf: today, compareTo: "2024-01-01" });
    const listed = report?.sections.find((section) => section.code === ours.code)?.evidence ?? [];
    expect(listed.find((e) => e.id === verified.id)?.verified).toBe(true);
    expect(listed.find((e) => e.id === claimed.id)?.verified).toBe(false);
  });
});

describe("internal evidence", () => {
  it("is never public: refused by the form and by the database", async () => {
    await signIn("staff.jxw@tracker.example");
    const before = await db.evidence.count();
    const outcome = await callAction(() =>
      createEvidence(
        {},
        form({
          target: `recommendation:${ours.id}`,
          url: "https://example.org/internal",
          titleZh: "内部会议纪要",
          kind: "meeting_minutes",
          isPublic: "on",
          isInternal: "on",
          returnTo: "/zh-CN",
        }),
      ),
    );
    expect(outcome).toEqual({ returned: { fieldErrors: { isInternal: ["validation.internalNotPublic"] } } });
    expect(await db.evidence.count()).toBe(before);
    await expect(evidenceOn(ours.id, { isPublic: true, isInternal: true })).rejects.toThrow();
  });

  it("is kept from the proposal's deputies, on their pages and in their notifications", async () => {
    await db.follow.create({ data: { userId: deputy.id, itemType: "recommendation", itemId: ours.id } });
    await signIn("staff.jxw@tracker.example");
    const added = async (isInternal: boolean) => {
      const url = `https://example.org/${isInternal ? "internal" : "shared"}-minutes`;
      const outcome = await callAction(() =>
        createEvidence(
          {},
          form({
            target: `recommendation:${ours.id}`,
            url,
            titleZh: isInternal ? "内部会议纪要" : "座谈会纪要",
            kind: "meeting_minutes",
            ...(isInternal ? { isInternal: "on" } : {}),
            returnTo: "/zh-CN",
          }),
        ),
      );
      expect(outcome).toHaveProperty("redirectedTo");
      return db.evidence.findFirstOrThrow({ where: { url } });
    };
    const internal = await added(true);
    const shared = await added(false);
    expect(internal.isInternal).toBe(true);

    expect(mayReadEvidence(deputy, internal)).toBe(false);
    expect(mayReadEvidence({ id: "x", role: "official", agencyId: null }, internal)).toBe(true);
    const readable = await db.evidence.findMany({
      where: { AND: [readableEvidence(deputy), { recommendationId: ours.id }] },
    });
    expect(readable.map((e) => e.id)).toContain(shared.id);
    expect(readable.map((e) => e.id)).not.toContain(internal.id);

    const page = await getRecommendationPage(ours.proposalCode, ours.code);
    if (!page) throw new Error("no page");
    expect(page.evidence.map((e) => e.id)).toContain(internal.id);
    const theirs = recommendationPageFor(page, deputy);
    expect(theirs.evidence.map((e) => e.id)).toEqual(
      page.evidence.filter((e) => e.id !== internal.id).map((e) => e.id),
    );
    const cited = theirs.history.flatMap((update) => update.evidence.map((c) => c.evidence.id));
    expect(cited).not.toContain(internal.id);

    // The follower hears of the shared minutes, not of the internal ones.
    const told = await db.notification.findMany({
      where: { recipients: { some: { userId: deputy.id } }, rule: "followed.changed" },
      select: { payload: true },
    });
    const titles = told.map((n) => (n.payload as { evidenceTitle?: string }).evidenceTitle);
    expect(titles).toContain("座谈会纪要");
    expect(titles).not.toContain("内部会议纪要");
  });
});
