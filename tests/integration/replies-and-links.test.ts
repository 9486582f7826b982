// The reply clocks and evidence links through the real server actions and the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { getProposalOverview } from "@/lib/proposals/queries";
import { saveReply } from "@/lib/replies/actions";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";

beforeAll(async () => {
  await seedSampleData(db);
  const { headers } = await createAuth(db).api.signInEmail({
    body: { email: "admin@tracker.example", password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  request.headers = new Headers({ cookie: headers.get("set-cookie")?.split(";")[0] ?? "" });
});

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** Puts a sample item (replied and rated in 2024) back to before its reply: 办理中, nothing answered. */
async function toUnanswered(code: string) {
  const { id } = await db.recommendation.findFirstOrThrow({ where: { code } });
  return db.recommendation.update({
    where: { id },
    data: { stage: "handling", repliedAt: null, replyClass: null, satisfaction: null, feedbackAt: null },
  });
}

describe("reply clocks", () => {
  it("flags an unanswered item past its deadline on the overview, and clears it once answered", async () => {
    const rec = await toUnanswered("R6");
    const unanswered = { recommendationId: rec.id, assignedAt: "2026-01-05", replyDueAt: "2026-04-05" };
    expect(
      await callAction(() => saveReply({}, form({ ...unanswered, version: String(rec.version) }))),
    ).toEqual({
      returned: { notice: "validation.saved" },
    });
    let row = (await getProposalOverview("LLM-2024"))?.recommendations.find((r) => r.code === "R6");
    expect(row?.replyClock.replyOverdueDays).toBeGreaterThan(200);

    const version = (await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).version;
    const answered = { ...unanswered, version: String(version), repliedAt: "2026-04-01", replyClass: "B" };
    await callAction(() => saveReply({}, form(answered)));
    row = (await getProposalOverview("LLM-2024"))?.recommendations.find((r) => r.code === "R6");
    expect(row?.replyClock.replyOverdueDays).toBeNull();
    expect(row?.replyClock.followUpRequired).toBe(true);
  });

  it("refuses an extension beyond 6 months and changes nothing", async () => {
    const rec = await toUnanswered("R7");
    const outcome = await callAction(() =>
      saveReply(
        {},
        form({
          recommendationId: rec.id,
          version: String(rec.version),
          assignedAt: "2024-02-20",
          replyDueAt: "2024-09-20",
          replyExtensionReason: "复杂",
        }),
      ),
    );
    expect(outcome).toEqual({ returned: { fieldErrors: { replyDueAt: ["validation.replyDueTooLate"] } } });
    expect(await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toEqual(rec);
  });

  it("starts the 1-month clock after a dissatisfied feedback", async () => {
    const rec = await db.recommendation.findFirstOrThrow({ where: { code: "R1" } });
    await callAction(() =>
      saveReply(
        {},
        form({
          recommendationId: rec.id,
          version: String(rec.version),
          assignedAt: "2024-02-20",
          replyDueAt: "2024-05-20",
          repliedAt: "2024-05-10",
          replyClass: "B",
          satisfaction: "dissatisfied",
          feedbackAt: "2024-05-24",
        }),
      ),
    );
    const row = (await getProposalOverview("LLM-2024"))?.recommendations.find((r) => r.code === "R1");
    expect(row?.replyClock.rehandlingDueAt?.toISOString()).toBe("2024-06-23T16:00:00.000Z");
    expect(row?.replyClock.rehandlingOverdueDays).toBeGreaterThan(0);
  });
});

describe("evidence links in the status form", () => {
  it.each([
    "javascript:alert(1)",
    "data:text/html,hi",
    "file:///etc/passwd",
    `https://e.org/${"x".repeat(2000)}`,
  ])("refuses %s with a message and writes nothing", async (url) => {
    const action = await db.action.findFirstOrThrow({ where: { code: "R3.1" } });
    const counts = async () => [
      await db.evidence.count(),
      await db.statusUpdate.count(),
      await db.auditEvent.count(),
    ];
    const before = await counts();
    const outcome = await callAction(() =>
      submitStatusUpdate(
        {},
        form({
          itemType: "action",
          itemId: action.id,
          version: String(action.version),
          status: action.status,
          progress: String(action.progress),
          effectiveDate: "2026-11-28",
          comment: "附链接",
          newEvidenceUrl: url,
          newEvidenceTitle: "链接",
        }),
      ),
    );
    expect(outcome).toMatchObject({
      returned: { fieldErrors: { newEvidenceUrl: [expect.stringMatching(/^validation\.url/)] } },
    });
    expect(await counts()).toEqual(before);
  });
});
