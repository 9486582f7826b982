// Every write, called directly as a server action (no UI), as each kind of user. Denied calls must
// change nothing in the database. Add each new write of the app to WRITES.
import { beforeAll, describe, expect, it } from "vitest";
import { signOut } from "@/lib/auth/actions";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { createEvidence, editEvidence, withdrawEvidence } from "@/lib/evidence/actions";
import { createAction, editAction, moveAction } from "@/lib/recommendation-actions/actions";
import { saveReply } from "@/lib/replies/actions";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import type { FormState } from "@/lib/validation/form-action";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);

const ACTORS = ["signedOut", "official", "staffAssigned", "staffOther", "admin"] as const;
type ActorKind = (typeof ACTORS)[number];
const cookies: Partial<Record<ActorKind, string>> = {};

// An action of a recommendation the economy commission (staff.jxw) leads and in which the science
// commission (staff.kw) has no part at all.
let target: { actionId: string; recommendationId: string };

beforeAll(async () => {
  await seedSampleData(db);
  const jxw = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
  const kw = await db.user.findUniqueOrThrow({ where: { email: "staff.kw@tracker.example" } });
  const action = await db.action.findFirstOrThrow({
    where: {
      recommendation: {
        agencies: {
          some: { agencyId: jxw.agencyId ?? "", role: "lead" },
          none: { agencyId: kw.agencyId ?? "" },
        },
      },
      agencies: { none: { agencyId: kw.agencyId ?? "" } },
    },
  });
  target = { actionId: action.id, recommendationId: action.recommendationId };
  leadAgencyId = jxw.agencyId ?? "";

  const emails: Record<Exclude<ActorKind, "signedOut">, string> = {
    official: "official@tracker.example",
    staffAssigned: jxw.email,
    staffOther: kw.email,
    admin: "admin@tracker.example",
  };
  for (const [kind, email] of Object.entries(emails)) {
    const { headers } = await auth.api.signInEmail({
      body: { email, password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    cookies[kind as ActorKind] = headers.get("set-cookie")?.split(";")[0];
  }
});

function actAs(kind: ActorKind) {
  request.headers = new Headers(cookies[kind] ? { cookie: cookies[kind] } : {});
}

/** What a denied call must leave untouched. */
async function snapshot() {
  const [action, recommendation, actions, assignments, statusUpdates, evidence, audit] = await Promise.all([
    db.action.findUniqueOrThrow({ where: { id: target.actionId }, include: { agencies: true } }),
    db.recommendation.findUniqueOrThrow({ where: { id: target.recommendationId } }),
    db.action.findMany({ where: { recommendationId: target.recommendationId }, orderBy: { id: "asc" } }),
    db.actionAgency.count(),
    db.statusUpdate.count(),
    db.evidence.count(),
    db.auditEvent.count(),
  ]);
  return { action, recommendation, actions, assignments, statusUpdates, evidence, audit };
}

type Write = {
  name: string;
  allowed: Record<ActorKind, boolean>;
  /** Rows the call needs, made before the "nothing changed" snapshot. */
  prepare?: () => Promise<string>;
  call: (prepared: string) => Promise<unknown>;
  /** How a call that went through shows. */
  succeeded: (outcome: Awaited<ReturnType<typeof callAction>>) => boolean;
};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const STAFF_OF_THE_ITEM = {
  signedOut: false,
  official: false,
  staffAssigned: true,
  staffOther: false,
  admin: true,
};
const saved = (outcome: Awaited<ReturnType<typeof callAction>>) =>
  "returned" in outcome && Boolean((outcome.returned as FormState).notice);
const freshEvidence = async () =>
  (
    await db.evidence.create({
      data: { actionId: target.actionId, url: "https://example.org/e", titleZh: "矩阵佐证" },
    })
  ).id;

let leadAgencyId: string;

const WRITES: Write[] = [
  {
    name: "createAction",
    allowed: STAFF_OF_THE_ITEM,
    call: () =>
      createAction(
        {},
        form({
          recommendationId: target.recommendationId,
          code: `M${Math.random().toString(36).slice(2, 8)}`,
          titleZh: "矩阵新增举措",
          leadAgencyId,
          weight: "1",
          returnTo: "/zh-CN",
        }),
      ),
    succeeded: (outcome) => "redirectedTo" in outcome,
  },
  {
    name: "editAction",
    allowed: STAFF_OF_THE_ITEM,
    call: async () => {
      const action = await db.action.findUniqueOrThrow({ where: { id: target.actionId } });
      return editAction(
        {},
        form({
          actionId: action.id,
          version: String(action.version),
          code: action.code,
          titleZh: `${action.titleZh}（修订）`,
          leadAgencyId,
          weight: String(action.weight === 2 ? 3 : 2),
        }),
      );
    },
    succeeded: saved,
  },
  {
    name: "moveAction",
    allowed: STAFF_OF_THE_ITEM,
    call: async () => {
      const first = await db.action.findFirstOrThrow({
        where: { recommendationId: target.recommendationId },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      });
      return moveAction(
        {},
        form({ actionId: target.actionId, direction: first.id === target.actionId ? "down" : "up" }),
      );
    },
    succeeded: (outcome) => "returned" in outcome && !(outcome.returned as FormState).formError,
  },
  {
    name: "saveReply (lead agency only)",
    allowed: STAFF_OF_THE_ITEM,
    call: async () => {
      const rec = await db.recommendation.findUniqueOrThrow({ where: { id: target.recommendationId } });
      return saveReply(
        {},
        form({
          recommendationId: rec.id,
          version: String(rec.version),
          assignedAt: "2024-03-05",
          replyDueAt: "2024-06-05",
          repliedAt: "2024-06-01",
          replyClass: rec.replyClass === "A" ? "B" : "A",
        }),
      );
    },
    succeeded: saved,
  },
  {
    name: "createEvidence (on an action)",
    allowed: STAFF_OF_THE_ITEM,
    call: () =>
      createEvidence(
        {},
        form({
          target: `action:${target.actionId}`,
          url: "https://example.org/new",
          titleZh: "新佐证",
          kind: "news",
          returnTo: "/zh-CN",
        }),
      ),
    succeeded: (outcome) => "redirectedTo" in outcome,
  },
  {
    name: "editEvidence",
    allowed: STAFF_OF_THE_ITEM,
    prepare: freshEvidence,
    call: (evidenceId) => editEvidence({}, form({ evidenceId, titleZh: "改过的标题", kind: "report" })),
    succeeded: saved,
  },
  {
    name: "withdrawEvidence",
    allowed: STAFF_OF_THE_ITEM,
    prepare: freshEvidence,
    call: (evidenceId) => withdrawEvidence({}, form({ evidenceId, reason: "链接失效" })),
    succeeded: saved,
  },
  {
    name: "submitStatusUpdate (an action)",
    allowed: STAFF_OF_THE_ITEM,
    call: async () => {
      const action = await db.action.findUniqueOrThrow({ where: { id: target.actionId } });
      const form = new FormData();
      form.set("itemType", "action");
      form.set("itemId", action.id);
      form.set("version", String(action.version));
      form.set("status", "in_progress");
      form.set("progress", String(action.progress === 42 ? 43 : 42));
      form.set("effectiveDate", new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
      form.set("comment", "矩阵测试");
      form.set("returnTo", "/zh-CN");
      return submitStatusUpdate({}, form);
    },
    succeeded: (outcome) => "redirectedTo" in outcome,
  },
];

describe.each(WRITES)("$name", (write) => {
  it.each(ACTORS)("as %s", async (kind) => {
    actAs(kind);
    const prepared = (await write.prepare?.()) ?? "";
    const before = await snapshot();
    const outcome = await callAction(() => write.call(prepared));
    if (write.allowed[kind]) {
      expect(write.succeeded(outcome), JSON.stringify(outcome)).toBe(true);
      expect((await snapshot()).audit).toBeGreaterThan(before.audit);
    } else {
      expect(write.succeeded(outcome), JSON.stringify(outcome)).toBe(false);
      expect(await snapshot()).toEqual(before);
    }
  });
});

describe("signOut", () => {
  it("ends the session it is called with, and only that", async () => {
    actAs("official");
    const official = await db.user.findUniqueOrThrow({ where: { email: "official@tracker.example" } });
    const sessionsBefore = await db.session.count();
    expect(await callAction(signOut)).toEqual({ redirectedTo: "/zh-CN/sign-in" });
    expect(await db.session.count({ where: { userId: official.id } })).toBe(0);
    expect(await db.session.count()).toBe(sessionsBefore - 1);
    actAs("signedOut");
    expect(await callAction(signOut)).toEqual({ redirectedTo: "/zh-CN/sign-in" });
    expect(await db.session.count()).toBe(sessionsBefore - 1);
  });
});
