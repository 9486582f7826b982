// Every write, called directly as a server action or route handler (no UI), as each kind of user, and
// with an admin's API token (which only reads: it must be refused everywhere). Denied calls must change
// nothing in the database. The test finds every server action and every route handler that is not a
// GET itself, and fails for one without its row in WRITES.
import { hashPassword } from "better-auth/crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as attachFileRoute } from "@/app/api/files/route";
import { POST as uploadImport } from "@/app/api/import/route";
import { POST as postReport } from "@/app/api/reports/route";
import {
  createAgency,
  createSatisfactionLevel,
  createTheme,
  createUser,
  setUserActive,
  updateAgency,
  updateSatisfactionLevel,
  updateTheme,
  updateUser,
} from "@/lib/admin/actions";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/actions";
import { generateApiToken } from "@/lib/api-tokens/token";
import { changesOf } from "@/lib/audit/log";
import { signIn, signOut } from "@/lib/auth/actions";
import { createAuth } from "@/lib/auth/config";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/actions";
import { generateCalendarToken } from "@/lib/calendar/token";
import { editComment, hideComment, postComment } from "@/lib/comments/actions";
import { correctContact, recordContact, respondToContact } from "@/lib/contacts/actions";
import { acknowledgeAssignment, submitView } from "@/lib/cycle/assignment-actions";
import { removeCalendarDay, saveCalendarDay, saveCycleSettings } from "@/lib/cycle/calendar-actions";
import {
  acceptReply,
  closeRecommendation,
  draftReply,
  reopenRecommendation,
  returnReply,
  reviewReply,
  signoffReply,
  submitDraft,
} from "@/lib/cycle/reply-actions";
import {
  decideExtension,
  decideHandback,
  requestExtension,
  requestHandback,
} from "@/lib/cycle/request-actions";
import { acknowledgeNotice, answerNotice, issueNotice, setPriority } from "@/lib/cycle/supervision-actions";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { createEvidence, editEvidence, verifyEvidence, withdrawEvidence } from "@/lib/evidence/actions";
import { removeFile } from "@/lib/files/actions";
import { applyImportBatch } from "@/lib/import/actions";
import { recheckLink, saveAllowedHosts } from "@/lib/link-checks/actions";
import { createMeasure, editMeasure, moveMeasure } from "@/lib/measures/actions";
import {
  markNotificationsRead,
  openNotification,
  saveAgencyNotificationDefaults,
  saveNotificationPreferences,
  saveNotificationThresholds,
  setFollowing,
} from "@/lib/notifications/actions";
import { retryDelivery } from "@/lib/notifications/delivery-actions";
import { createPromisedMeasures } from "@/lib/promises/actions";
import {
  archiveProposal,
  archiveRecommendation,
  assignRecommendations,
  createProposalFromEntry,
  createRecommendation,
  editProposal,
  editRecommendation,
  moveRecommendation,
} from "@/lib/proposals/actions";
import { setProposalPublished } from "@/lib/public/actions";
import {
  createRatingQuestion,
  rateReply,
  setRatingQuestionActive,
  updateRatingQuestion,
} from "@/lib/rating/actions";
import { saveReply } from "@/lib/replies/actions";
import { submitStatusUpdate } from "@/lib/status-updates/actions";
import { reviewProposedUpdates } from "@/lib/update-review/actions";
import { type FormState, isFormAction } from "@/lib/validation/form-action";
import { createWebhook, setWebhookActive, testWebhook, updateWebhook } from "@/lib/webhooks/actions";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { listAppRoutes } from "./support/routes";
import { serverActions } from "./support/server-actions";
import { installWriteCounter, type WriteCounts, writtenBetween } from "./support/write-counter";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);

const SIGN_IN_EMAIL = "matrix.sign-in@tracker.example";
const ACTORS = [
  "signedOut",
  "official",
  "staffAssigned",
  "staffOther",
  "office",
  "admin",
  "adminApiToken",
  // 王延峰（示例）, the sample proposal's first author (the target item is his), and a deputy of
  // another proposal only (issue 19: a deputy writes only their own things, reads only their own).
  "deputy",
  "deputyOther",
] as const;
/** The deputy of a proposal of their own, not the sample's. */
const OTHER_DEPUTY_EMAIL = "matrix.deputy.other@tracker.example";
type ActorKind = (typeof ACTORS)[number];
const DEPUTY_EMAIL = "deputy.wang@tracker.example";
const cookies: Partial<Record<ActorKind, string>> = {};
let adminId: string;
let adminApiToken: string;

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

  const emails: Record<Exclude<ActorKind, "signedOut" | "adminApiToken">, string> = {
    official: "official@tracker.example",
    staffAssigned: jxw.email,
    staffOther: kw.email,
    office: "office@tracker.example",
    admin: "admin@tracker.example",
    deputy: "deputy.wang@tracker.example",
    deputyOther: OTHER_DEPUTY_EMAIL,
  };
  const other = await auth.api.createUser({
    body: { email: OTHER_DEPUTY_EMAIL, name: "矩阵代表", password: SAMPLE_PASSWORD, role: "official" },
  });
  await db.user.update({ where: { id: other.user.id }, data: { role: "deputy" } });
  await db.proposal.create({
    data: {
      code: "MX-DEPUTY",
      titleZh: "矩阵代表的建议",
      authorZh: "矩阵代表",
      authorUserId: other.user.id,
      congressSessionZh: "第十六届二次会议",
      submittedAt: new Date("2025-01-20"),
      summaryZh: "摘要",
    },
  });
  for (const [kind, email] of Object.entries(emails)) {
    const { headers } = await auth.api.signInEmail({
      body: { email, password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    cookies[kind as ActorKind] = headers.get("set-cookie")?.split(";")[0];
  }
  adminId = (await db.user.findUniqueOrThrow({ where: { email: emails.admin } })).id;
  // Whom the sign-in row signs in: sessions of their own, which the other tests do not count.
  await auth.api.createUser({
    body: { email: SIGN_IN_EMAIL, name: "矩阵登录", password: SAMPLE_PASSWORD, role: "official" },
  });
  const { token, prefix, tokenHash } = generateApiToken();
  await db.apiToken.create({ data: { name: "矩阵令牌", prefix, tokenHash, createdById: adminId } });
  adminApiToken = token;
  writeCounts = await installWriteCounter(MAY_CHANGE_WHEN_DENIED);
});

function actAs(kind: ActorKind) {
  if (kind === "adminApiToken") {
    request.headers = new Headers({ authorization: `Bearer ${adminApiToken}` });
    return;
  }
  request.headers = new Headers(cookies[kind] ? { cookie: cookies[kind] } : {});
}

/**
 * Tables a denied call may write to: sessions and the sign-in throttle (signing in is a row), the data
 * version, which PostgreSQL's statement triggers bump for an UPDATE that changed no row, and the slots
 * of work in flight (a report takes one and gives it back), of which none may be left behind.
 */
const MAY_CHANGE_WHEN_DENIED = ["Session", "SignInAttempt", "Verification", "DataVersion", "JobSlot"];
let writeCounts: () => Promise<WriteCounts>;
/** The rows written so far, per table: what a denied call must leave as it was; `audit`, the audit rows. */
async function snapshot() {
  const counts = await writeCounts();
  return { ...counts, audit: counts.AuditEvent ?? 0, "JobSlot rows": await db.jobSlot.count() };
}

type Write = {
  name: string;
  allowed: Record<ActorKind, boolean>;
  /**
   * For writes a deputy may make: whether a deputy of the item's proposal (own) and a deputy of another
   * proposal (other) may; the item is the one `prepare` makes, of a proposal deputyOwn authored.
   */
  deputies?: { own: boolean; other: boolean };
  /** Rows the call needs (for this caller), made before the "nothing changed" snapshot. */
  prepare?: (kind: ActorKind) => Promise<string>;
  call: (prepared: string) => Promise<unknown>;
  /** How a call that went through shows. */
  succeeded: (outcome: Awaited<ReturnType<typeof callAction>>) => boolean;
  /** False for a route that only reads, though not by GET (a report from a form): nothing to audit. */
  audited?: false;
};

/** A scanned letter (a small PDF) attached to `owner` through the upload route. */
function uploadFile(owner: string, fields: Record<string, string> = {}) {
  const body = new FormData();
  body.set("owner", owner);
  for (const [name, value] of Object.entries(fields)) body.set(name, value);
  body.set("file", new File([Buffer.from("%PDF-1.4\n% 扫描件\n%%EOF\n")], "扫描件.pdf"));
  return attachFileRoute(
    new NextRequest("http://127.0.0.1/api/files?locale=zh-CN", {
      method: "POST",
      body,
      headers: request.headers,
    }),
  );
}

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
  office: false,
  admin: true,
  adminApiToken: false,
  deputy: false,
  deputyOther: false,
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
const ADMIN_ONLY = {
  signedOut: false,
  official: false,
  staffAssigned: false,
  staffOther: false,
  office: false,
  admin: true,
  adminApiToken: false,
  deputy: false,
  deputyOther: false,
};
const EVERYONE_SIGNED_IN = {
  signedOut: false,
  official: true,
  staffAssigned: true,
  staffOther: true,
  office: true,
  admin: true,
  adminApiToken: false,
  // The target item is his proposal's; the other deputy's is not.
  deputy: true,
  deputyOther: false,
};
const unique = () => Math.random().toString(36).slice(2, 8);
const firstId = async (rows: Promise<{ id: string }[]>) => ((await rows)[0] as { id: string }).id;

const NEW_PROPOSAL = {
  titleZh: "矩阵建议",
  authorZh: "矩阵代表",
  congressSessionZh: "第十六届二次会议",
  submittedAt: "2025-01-20",
  summaryZh: "摘要",
};
/** A proposal of its own with one recommendation, so that these writes leave the sample alone. */
async function freshRecommendation() {
  const proposal = await db.proposal.create({
    data: { ...NEW_PROPOSAL, code: `MX-${unique()}`, submittedAt: new Date("2025-01-20") },
  });
  const rec = await db.recommendation.create({
    data: { proposalId: proposal.id, code: "R1", titleZh: "一", descriptionZh: "", sourceQuote: "一。" },
  });
  await db.recommendation.create({
    data: { proposalId: proposal.id, code: "R2", titleZh: "二", descriptionZh: "", sourceQuote: "二。" },
  });
  return rec.id;
}
/**
 * A recommendation in the reply workflow at `stage`, led by the economy commission (staff.jxw) and
 * co-handled by the science commission (staff.kw, so that the co-handler's step has someone to take it),
 * with a draft reply once it is being drafted.
 */
async function cycleRecommendation(
  stage: "handling" | "drafting" | "cosigning" | "reviewing" | "submitted" | "replied" | "closed",
) {
  const id = await freshRecommendation();
  const kw = await db.user.findUniqueOrThrow({ where: { email: "staff.kw@tracker.example" } });
  await db.recommendationAgency.createMany({
    data: [
      { recommendationId: id, agencyId: leadAgencyId, role: "lead", acknowledgedAt: new Date() },
      { recommendationId: id, agencyId: kw.agencyId ?? "", role: "co_handler", acknowledgedAt: new Date() },
    ],
  });
  const replied = stage === "replied" || stage === "closed";
  await db.recommendation.update({
    where: { id },
    data: {
      stage,
      repliedAt: replied ? new Date("2026-11-02T00:00:00+08:00") : null,
      replyClass: replied ? "B" : null,
      closedAt: stage === "closed" ? new Date() : null,
    },
  });
  if (stage !== "handling")
    await db.replyDraft.create({
      data: { recommendationId: id, replyClass: "B", text: "矩阵答复稿", draftedById: adminId },
    });
  return id;
}
/** An item in handling, assigned on 2026-09-01 with the reply due on 2026-12-01 (for 延期). */
async function datedCycleRecommendation() {
  const id = await cycleRecommendation("handling");
  await db.recommendation.update({
    where: { id },
    data: { assignedAt: shanghaiDate("2026-09-01"), replyDueAt: shanghaiDate("2026-12-01") },
  });
  return id;
}
const versionOf = async (id: string) =>
  String((await db.recommendation.findUniqueOrThrow({ where: { id } })).version);
const ONLY_LEAD = { ...STAFF_OF_THE_ITEM, admin: false };
/** A contact record's corrections (and files): the recording agency's staff, and admins. */
const ONLY_RECORDING_AGENCY = STAFF_OF_THE_ITEM;
/** A handling item with a 督办单 to its lead, acknowledged or not yet. */
async function noticedRecommendation(acknowledged: boolean) {
  const id = await cycleRecommendation("handling");
  await db.supervisionNotice.create({
    data: {
      recommendationId: id,
      agencyId: leadAgencyId,
      level: "red",
      text: "矩阵督办单",
      answerDueAt: new Date(Date.now() + 7 * 86_400_000),
      issuedById: adminId,
      ...(acknowledged ? { acknowledgedAt: new Date(), acknowledgedById: adminId } : {}),
    },
  });
  return id;
}
const ONLY_OFFICE = { ...STAFF_OF_THE_ITEM, staffAssigned: false, office: true };
const NOBODY = { ...ONLY_OFFICE, admin: false, office: false };
/** A bot of the office's whose address nothing answers at (the discard port, closed). */
const freshWebhook = async () =>
  (
    await db.webhook.create({
      data: {
        name: "矩阵机器人",
        platform: "wecom",
        url: "http://127.0.0.1:9/cgi-bin/webhook/send?key=m",
        createdById: adminId,
      },
    })
  ).id;
const proposalOf = async (recommendationId: string) =>
  (await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } })).proposalId;

// The import: a file of one row that moves the target action's progress. Uploading is for admins and
// for staff of any agency (the rows' rights are checked by the dry run); applying, for the batch's
// importer, and only rows they may edit.
const IMPORTERS = { ...STAFF_OF_THE_ITEM, staffOther: true };
async function importRow() {
  const action = await db.action.findUniqueOrThrow({
    where: { id: target.actionId },
    include: { recommendation: { include: { proposal: true } } },
  });
  return {
    proposal: action.recommendation.proposal.code,
    recommendation: action.recommendation.code,
    code: action.code,
    status: zh.status.in_progress,
    progress: String(action.progress === 42 ? 43 : 42),
    comment: "矩阵导入",
    version: String(action.version),
  };
}
const IMPORT_USERS: Record<ActorKind, string> = {
  // Callers without a user of their own try someone else's batch: the handling staff's, the admin's.
  signedOut: "staff.jxw@tracker.example",
  official: "official@tracker.example",
  staffAssigned: "staff.jxw@tracker.example",
  staffOther: "staff.kw@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  adminApiToken: "admin@tracker.example",
  deputy: "deputy.wang@tracker.example",
  deputyOther: OTHER_DEPUTY_EMAIL,
};
/** A batch uploaded by the caller (officials cannot upload: one is made for them), not yet applied. */
async function freshImportBatch(kind: ActorKind) {
  const user = await db.user.findUniqueOrThrow({ where: { email: IMPORT_USERS[kind] } });
  const batch = await db.importBatch.create({
    data: {
      fileName: "矩阵.csv",
      createdById: user.id,
      rows: [{ sheet: null, row: 2, values: await importRow() }],
    },
  });
  return batch.id;
}
async function importFile() {
  // The headers of importRow's fields, in its order.
  const header = ["建议编号", "建议条目编号", "编号", "状态", "进度（%）", "情况说明", "版本"];
  const line = Object.values(await importRow());
  const file = new FormData();
  file.set("file", new Blob([`${header.join(",")}\r\n${line.join(",")}`], { type: "text/csv" }), "矩阵.csv");
  return file;
}

// A calendar feed is each signed-in person's own (the session says whose): every role may make and
// revoke theirs; a visitor or an API token, none.
const SIGNED_IN = {
  signedOut: false,
  official: true,
  staffAssigned: true,
  staffOther: true,
  office: true,
  admin: true,
  adminApiToken: false,
  deputy: true,
  deputyOther: true,
};
/** A working feed of the caller (of the handling staff, the admin, for callers without a user). */
async function freshCalendarFeed(kind: ActorKind) {
  const user = await db.user.findUniqueOrThrow({ where: { email: IMPORT_USERS[kind] } });
  await db.calendarFeed.create({ data: { userId: user.id, tokenHash: generateCalendarToken().tokenHash } });
  return user.id;
}

const WRITES: Write[] = [
  {
    name: "createProposalFromEntry",
    allowed: ADMIN_ONLY,
    call: () =>
      createProposalFromEntry(
        {},
        form({
          ...NEW_PROPOSAL,
          code: `NE-${unique()}`,
          // With a sub-item kept as its action: the entry writes actions too.
          parts: JSON.stringify([
            {
              code: "R1",
              titleZh: "一",
              sourceQuote: "一、一。",
              actions: [{ code: "R1.1", titleZh: "（一）", sourceQuote: "（一）一。" }],
            },
          ]),
        }),
      ),
    succeeded: (outcome) => "redirectedTo" in outcome,
  },
  {
    name: "editProposal",
    allowed: ADMIN_ONLY,
    prepare: async () => proposalOf(await freshRecommendation()),
    call: async (proposalId) => {
      const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      return editProposal({}, form({ ...NEW_PROPOSAL, proposalId, code: proposal.code, titleZh: "改过" }));
    },
    succeeded: saved,
  },
  {
    name: "archiveProposal",
    allowed: ADMIN_ONLY,
    prepare: async () => proposalOf(await freshRecommendation()),
    call: (proposalId) => archiveProposal({}, form({ proposalId, reason: "重复" })),
    succeeded: saved,
  },
  {
    name: "createRecommendation",
    allowed: ADMIN_ONLY,
    prepare: async () => proposalOf(await freshRecommendation()),
    call: (proposalId) =>
      createRecommendation(
        {},
        form({ proposalId, code: "R9", titleZh: "新条目", sourceQuote: "新。", weight: "1" }),
      ),
    succeeded: saved,
  },
  {
    name: "editRecommendation",
    allowed: ADMIN_ONLY,
    prepare: freshRecommendation,
    call: (recommendationId) =>
      editRecommendation(
        {},
        form({
          recommendationId,
          version: "1",
          code: "R1",
          titleZh: "改过",
          sourceQuote: "一。",
          leadAgencyId,
          weight: "2",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "assignRecommendations",
    allowed: { ...ADMIN_ONLY, office: true },
    prepare: freshRecommendation,
    call: async (recommendationId) =>
      assignRecommendations(
        {},
        form({
          proposalId: await proposalOf(recommendationId),
          rows: JSON.stringify([{ recommendationId, version: 1, leadAgencyId, weight: 2 }]),
        }),
      ),
    succeeded: saved,
  },
  {
    name: "acknowledgeAssignment (签收, the assigned agency's staff)",
    allowed: { ...ADMIN_ONLY, staffAssigned: true, admin: false },
    prepare: async () => {
      const recommendationId = await freshRecommendation();
      await db.recommendationAgency.create({
        data: { recommendationId, agencyId: leadAgencyId, role: "lead" },
      });
      await db.recommendation.update({ where: { id: recommendationId }, data: { stage: "assigned" } });
      return recommendationId;
    },
    call: (recommendationId) => acknowledgeAssignment({}, form({ recommendationId, version: "1" })),
    succeeded: saved,
  },
  {
    name: "moveRecommendation",
    allowed: ADMIN_ONLY,
    prepare: freshRecommendation,
    call: (recommendationId) => moveRecommendation({}, form({ recommendationId, direction: "down" })),
    succeeded: (outcome) => "returned" in outcome && !(outcome.returned as FormState).formError,
  },
  {
    name: "archiveRecommendation",
    allowed: ADMIN_ONLY,
    prepare: freshRecommendation,
    call: (recommendationId) =>
      archiveRecommendation({}, form({ recommendationId, version: "1", reason: "合并" })),
    succeeded: saved,
  },
  {
    name: "createUser",
    allowed: ADMIN_ONLY,
    call: () =>
      createUser(
        {},
        form({
          email: `new-${unique()}@tracker.example`,
          name: "新用户",
          role: "official",
          password: "a-long-password",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "createUser (a deputy, of no agency)",
    allowed: ADMIN_ONLY,
    call: () =>
      createUser(
        {},
        form({
          email: `deputy-${unique()}@tracker.example`,
          name: "新代表",
          role: "deputy",
          agencyId: "",
          password: "a-long-password",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "editProposal (its first author's account and co-signers, 联名代表)",
    allowed: ADMIN_ONLY,
    prepare: async () => proposalOf(await freshRecommendation()),
    call: async (proposalId) => {
      const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      return editProposal(
        {},
        form({
          ...NEW_PROPOSAL,
          proposalId,
          code: proposal.code,
          authorUserEmail: OTHER_DEPUTY_EMAIL,
          cosigners: `联名甲 | Co-signer A | deputy.wang@tracker.example\n联名乙`,
        }),
      );
    },
    succeeded: saved,
  },
  {
    name: "updateUser",
    allowed: ADMIN_ONLY,
    prepare: async () =>
      (
        await db.user.create({
          data: { email: `u-${unique()}@tracker.example`, name: "待改", role: "official" },
        })
      ).id,
    call: (userId) => updateUser({}, form({ userId, name: "已改", role: "official" })),
    succeeded: saved,
  },
  {
    name: "setUserActive (deactivate)",
    allowed: ADMIN_ONLY,
    prepare: async () =>
      (
        await db.user.create({
          data: { email: `d-${unique()}@tracker.example`, name: "待停用", role: "official" },
        })
      ).id,
    call: (userId) => setUserActive({}, form({ userId, active: "false", reason: "离职" })),
    succeeded: saved,
  },
  {
    name: "setUserActive (reactivate)",
    allowed: ADMIN_ONLY,
    prepare: async () =>
      (
        await db.user.create({
          data: { email: `r-${unique()}@tracker.example`, name: "待启用", role: "official", banned: true },
        })
      ).id,
    call: (userId) => setUserActive({}, form({ userId, active: "true" })),
    succeeded: saved,
  },
  {
    name: "createAgency",
    allowed: ADMIN_ONLY,
    call: () => createAgency({}, form({ code: `AG${unique()}`, nameZh: `新单位${unique()}` })),
    succeeded: saved,
  },
  {
    name: "updateAgency",
    allowed: ADMIN_ONLY,
    prepare: () => firstId(db.agency.findMany({ orderBy: { code: "asc" }, take: 1 })),
    call: async (agencyId) => {
      const agency = await db.agency.findUniqueOrThrow({ where: { id: agencyId } });
      return updateAgency(
        {},
        form({ agencyId, code: agency.code, nameZh: agency.nameZh, shortNameZh: unique(), active: "on" }),
      );
    },
    succeeded: saved,
  },
  {
    name: "createTheme",
    allowed: ADMIN_ONLY,
    call: () => createTheme({}, form({ code: `T${unique()}`, nameZh: `新主题${unique()}`, sortOrder: "9" })),
    succeeded: saved,
  },
  {
    name: "updateTheme",
    allowed: ADMIN_ONLY,
    prepare: () => firstId(db.theme.findMany({ orderBy: { code: "asc" }, take: 1 })),
    call: async (themeId) => {
      const theme = await db.theme.findUniqueOrThrow({ where: { id: themeId } });
      return updateTheme(
        {},
        form({ themeId, code: theme.code, nameZh: theme.nameZh, nameEn: unique(), sortOrder: "1" }),
      );
    },
    succeeded: saved,
  },
  {
    name: "createSatisfactionLevel",
    allowed: ADMIN_ONLY,
    call: () => createSatisfactionLevel({}, form({ key: `k_${unique()}`, labelZh: "理解", sortOrder: "4" })),
    succeeded: saved,
  },
  {
    name: "updateSatisfactionLevel",
    allowed: ADMIN_ONLY,
    prepare: () => firstId(db.satisfactionLevel.findMany({ where: { key: "satisfied" } })),
    call: (levelId) =>
      updateSatisfactionLevel(
        {},
        form({ levelId, labelZh: "满意", labelEn: `Satisfied ${unique()}`, sortOrder: "1", active: "on" }),
      ),
    succeeded: saved,
  },
  {
    name: "createApiToken",
    allowed: ADMIN_ONLY,
    call: () => createApiToken({}, form({ name: `矩阵新令牌${unique()}` })),
    succeeded: (outcome) =>
      "returned" in outcome && typeof (outcome.returned as { token?: string }).token === "string",
  },
  {
    name: "revokeApiToken",
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const { prefix, tokenHash } = generateApiToken();
      return (await db.apiToken.create({ data: { name: "待吊销", prefix, tokenHash, createdById: adminId } }))
        .id;
    },
    call: (tokenId) => revokeApiToken({}, form({ tokenId })),
    succeeded: saved,
  },
  {
    name: "createWebhook",
    allowed: ADMIN_ONLY,
    call: () =>
      createWebhook(
        {},
        form({
          name: `矩阵机器人${unique()}`,
          platform: "wecom",
          url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "updateWebhook",
    allowed: ADMIN_ONLY,
    prepare: freshWebhook,
    call: (webhookId) =>
      updateWebhook({}, form({ webhookId, name: "改过的机器人", platform: "dingtalk", secret: "SECmatrix" })),
    succeeded: saved,
  },
  {
    name: "setWebhookActive",
    allowed: ADMIN_ONLY,
    prepare: freshWebhook,
    call: (webhookId) => setWebhookActive({}, form({ webhookId, active: "false" })),
    succeeded: saved,
  },
  {
    name: "testWebhook (a bot that cannot be reached: the attempt is still audited)",
    allowed: ADMIN_ONLY,
    prepare: freshWebhook,
    call: (webhookId) => testWebhook({}, form({ webhookId })),
    // What only an admin's call shows: the platform's answer, or that there was none.
    succeeded: (outcome) =>
      "returned" in outcome && typeof (outcome.returned as { answer?: string }).answer === "string",
  },
  {
    name: "retryDelivery",
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const notification = await db.notification.create({
        data: {
          rule: "status.stalled",
          dedupeKey: `matrix-${unique()}`,
          itemType: "digest",
          day: new Date(),
          payload: {},
        },
      });
      const delivery = await db.delivery.create({
        data: {
          dedupeKey: `matrix-${unique()}`,
          notificationId: notification.id,
          channel: "email",
          userId: adminId,
          state: "failed",
          attempts: 5,
          notBefore: new Date(),
          lastError: "550 mailbox unavailable",
        },
      });
      return delivery.id;
    },
    call: (deliveryId) => retryDelivery({}, form({ deliveryId })),
    succeeded: saved,
  },
  {
    name: "recheckLink",
    allowed: ADMIN_ONLY,
    prepare: async () => {
      const evidence = await db.evidence.create({
        data: { actionId: target.actionId, url: `https://example.org/${unique()}`, titleZh: "检查的链接" },
      });
      const check = await db.linkCheck.create({
        data: {
          id: `ev:${evidence.id}`,
          evidenceId: evidence.id,
          url: evidence.url ?? "",
          dueAt: new Date(Date.now() + 86_400_000),
          checkedAt: new Date(),
          outcome: "broken",
          failure: "network",
        },
      });
      return check.id;
    },
    call: (linkCheckId) => recheckLink({}, form({ linkCheckId })),
    succeeded: saved,
  },
  {
    name: "saveAllowedHosts",
    allowed: ADMIN_ONLY,
    call: () => saveAllowedHosts({}, form({ hosts: `oa-${unique()}.example.gov.cn\n10.0.0.8` })),
    succeeded: saved,
  },
  {
    name: "markNotificationsRead (all of one's own)",
    allowed: SIGNED_IN,
    call: () => markNotificationsRead({}, form({ all: "1" })),
    succeeded: saved,
  },
  {
    name: "openNotification (one's own)",
    allowed: SIGNED_IN,
    prepare: async (kind) => {
      const user = await db.user.findUniqueOrThrow({ where: { email: IMPORT_USERS[kind] } });
      const notification = await db.notification.create({
        data: {
          rule: "digest.weekly",
          dedupeKey: `matrix-${unique()}`,
          itemType: "digest",
          day: new Date(),
          payload: {},
        },
      });
      await db.notificationRecipient.create({ data: { notificationId: notification.id, userId: user.id } });
      return notification.id;
    },
    call: (notificationId) => openNotification({}, form({ notificationId, locale: "zh-CN" })),
    succeeded: (outcome) => "redirectedTo" in outcome,
  },
  {
    name: "setFollowing (follow, or stop following, a recommendation)",
    // A deputy follows only their own proposals' items (lib/auth/deputy-scope.ts).
    allowed: { ...SIGNED_IN, deputyOther: false },
    prepare: async (kind) => {
      const user = await db.user.findUniqueOrThrow({ where: { email: IMPORT_USERS[kind] } });
      const follows = await db.follow.count({
        where: { userId: user.id, itemType: "recommendation", itemId: target.recommendationId },
      });
      return follows > 0 ? "0" : "1";
    },
    call: (follow) =>
      setFollowing({}, form({ itemType: "recommendation", itemId: target.recommendationId, follow })),
    succeeded: saved,
  },
  {
    name: "saveNotificationPreferences (one's own)",
    allowed: SIGNED_IN,
    call: () =>
      saveNotificationPreferences(
        {},
        form({ deadlinesEmail: "on", changesDaily: "on", quietStart: "22:00", quietEnd: "08:00" }),
      ),
    succeeded: saved,
  },
  {
    name: "saveAgencyNotificationDefaults",
    allowed: ADMIN_ONLY,
    call: () => saveAgencyNotificationDefaults({}, form({ agencyId: leadAgencyId, deadlinesEmail: "on" })),
    succeeded: saved,
  },
  {
    name: "saveNotificationThresholds",
    allowed: ADMIN_ONLY,
    call: () => saveNotificationThresholds({}, form({ reply: "14, 7, 1", item: "7" })),
    succeeded: saved,
  },
  {
    name: "saveCycleSettings",
    allowed: ADMIN_ONLY,
    call: () =>
      saveCycleSettings(
        {},
        form({
          acknowledgeWorkingDays: "3",
          handbackWorkingDays: "7",
          coHandlerViewMonths: "1",
          yellowDaysBefore: "10",
          redDaysAfter: "0",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "saveCalendarDay",
    allowed: ADMIN_ONLY,
    call: () => saveCalendarDay({}, form({ day: "2026-12-31", kind: "holiday", nameZh: "矩阵假日" })),
    succeeded: saved,
  },
  {
    name: "removeCalendarDay",
    allowed: ADMIN_ONLY,
    prepare: async () => {
      await db.calendarDay.upsert({
        where: { day: shanghaiDate("2026-12-30") },
        create: { day: shanghaiDate("2026-12-30"), workday: false, nameZh: "矩阵待删" },
        update: {},
      });
      return "";
    },
    call: () => removeCalendarDay({}, form({ day: "2026-12-30" })),
    succeeded: saved,
  },
  {
    name: "createCalendarFeed (one's own)",
    allowed: SIGNED_IN,
    call: () => createCalendarFeed({}, new FormData()),
    succeeded: (outcome) =>
      "returned" in outcome && typeof (outcome.returned as { url?: string }).url === "string",
  },
  {
    name: "revokeCalendarFeed (one's own)",
    allowed: SIGNED_IN,
    prepare: freshCalendarFeed,
    call: () => revokeCalendarFeed({}, new FormData()),
    succeeded: saved,
  },
  {
    name: "setProposalPublished (publish or unpublish)",
    allowed: ADMIN_ONLY,
    call: async () => {
      const proposal = await db.proposal.findFirstOrThrow({ orderBy: { code: "asc" } });
      const publish = proposal.publishedAt === null ? "true" : "false";
      return setProposalPublished({}, form({ proposalId: proposal.id, publish }));
    },
    succeeded: saved,
  },
  {
    name: "createMeasure",
    allowed: STAFF_OF_THE_ITEM,
    call: () =>
      createMeasure(
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
    name: "createPromisedMeasures (whoever may add actions: as createMeasure)",
    allowed: STAFF_OF_THE_ITEM,
    prepare: async () => {
      const text = "经研究答复如下。我委将于2027年6月底前出台矩阵实施方案。";
      await db.replyDraft.upsert({
        where: { recommendationId: target.recommendationId },
        create: { recommendationId: target.recommendationId, replyClass: "B", text, draftedById: adminId },
        update: { text },
      });
      return target.recommendationId;
    },
    call: async (id) => {
      const { round } = await db.replyDraft.findUniqueOrThrow({ where: { recommendationId: id } });
      return createPromisedMeasures(
        {},
        form({
          recommendationId: id,
          round: String(round),
          items: JSON.stringify([
            {
              sentence: "我委将于2027年6月底前出台矩阵实施方案。",
              titleZh: "出台矩阵实施方案",
              dueDate: "2027-06-30",
              leadAgencyId,
            },
          ]),
        }),
      );
    },
    succeeded: (outcome) =>
      "returned" in outcome && typeof (outcome.returned as FormState).notice === "string",
  },
  {
    name: "editMeasure",
    allowed: STAFF_OF_THE_ITEM,
    call: async () => {
      const action = await db.action.findUniqueOrThrow({ where: { id: target.actionId } });
      return editMeasure(
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
    name: "moveMeasure",
    allowed: STAFF_OF_THE_ITEM,
    call: async () => {
      const first = await db.action.findFirstOrThrow({
        where: { recommendationId: target.recommendationId },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      });
      return moveMeasure(
        {},
        form({ actionId: target.actionId, direction: first.id === target.actionId ? "down" : "up" }),
      );
    },
    succeeded: (outcome) => "returned" in outcome && !(outcome.returned as FormState).formError,
  },
  {
    name: "draftReply (the lead's staff only)",
    allowed: ONLY_LEAD,
    prepare: () => cycleRecommendation("handling"),
    call: async (id) =>
      draftReply(
        {},
        form({ recommendationId: id, version: await versionOf(id), replyClass: "B", text: "答复" }),
      ),
    succeeded: saved,
  },
  {
    name: "submitDraft (the lead's staff only)",
    allowed: ONLY_LEAD,
    prepare: () => cycleRecommendation("drafting"),
    call: async (id) => submitDraft({}, form({ recommendationId: id, version: await versionOf(id) })),
    succeeded: saved,
  },
  {
    name: "submitView (协办意见, a co-handler's staff only: staff.kw co-handles the prepared item)",
    allowed: { ...NOBODY, staffOther: true },
    prepare: () => cycleRecommendation("handling"),
    call: async (id) =>
      submitView({}, form({ recommendationId: id, version: await versionOf(id), text: "协办意见" })),
    succeeded: saved,
  },
  {
    name: "signoffReply (a co-handler's staff only: staff.kw co-handles the prepared item)",
    allowed: { ...NOBODY, staffOther: true },
    prepare: () => cycleRecommendation("cosigning"),
    call: async (id) =>
      signoffReply({}, form({ recommendationId: id, version: await versionOf(id), decision: "signed" })),
    succeeded: saved,
  },
  {
    name: "reviewReply (the lead's reviewer only, none of these)",
    allowed: NOBODY,
    prepare: () => cycleRecommendation("reviewing"),
    call: async (id) =>
      reviewReply({}, form({ recommendationId: id, version: await versionOf(id), decision: "approved" })),
    succeeded: saved,
  },
  {
    name: "acceptReply (the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: () => cycleRecommendation("submitted"),
    call: async (id) =>
      acceptReply({}, form({ recommendationId: id, version: await versionOf(id), replyClass: "A" })),
    succeeded: saved,
  },
  {
    name: "returnReply (the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: () => cycleRecommendation("submitted"),
    call: async (id) =>
      returnReply({}, form({ recommendationId: id, version: await versionOf(id), reason: "退回" })),
    succeeded: saved,
  },
  {
    name: "closeRecommendation (the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: () => cycleRecommendation("replied"),
    call: async (id) => closeRecommendation({}, form({ recommendationId: id, version: await versionOf(id) })),
    succeeded: saved,
  },
  {
    name: "reopenRecommendation (the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: () => cycleRecommendation("closed"),
    call: async (id) =>
      reopenRecommendation(
        {},
        form({ recommendationId: id, version: await versionOf(id), reason: "重新核实" }),
      ),
    succeeded: saved,
  },
  {
    name: "requestExtension (延期: the lead's staff only)",
    allowed: ONLY_LEAD,
    prepare: () => datedCycleRecommendation(),
    call: async (id) =>
      requestExtension(
        {},
        form({
          recommendationId: id,
          version: await versionOf(id),
          requestedDueAt: "2026-12-20",
          reason: "延期",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "decideExtension (the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: async () => {
      const id = await datedCycleRecommendation();
      const request = await db.extensionRequest.create({
        data: {
          recommendationId: id,
          previousDueAt: shanghaiDate("2026-12-01"),
          requestedDueAt: shanghaiDate("2026-12-20"),
          reason: "矩阵延期",
          requestedById: adminId,
        },
      });
      return `${id} ${request.id}`;
    },
    call: async (prepared) => {
      const [id = "", requestId = ""] = prepared.split(" ");
      return decideExtension(
        {},
        form({ recommendationId: id, version: await versionOf(id), requestId, decision: "approved" }),
      );
    },
    succeeded: saved,
  },
  {
    name: "requestHandback (退回/改办: the staff of an agency assigned, lead or co-handler)",
    allowed: { ...ONLY_LEAD, staffOther: true },
    prepare: () => cycleRecommendation("handling"),
    call: async (id) =>
      requestHandback(
        {},
        form({ recommendationId: id, version: await versionOf(id), reason: "非本单位职责" }),
      ),
    succeeded: saved,
  },
  {
    name: "decideHandback (the office or an admin: the co-handler's, approved, removes it)",
    allowed: ONLY_OFFICE,
    prepare: async () => {
      const id = await cycleRecommendation("handling");
      const kw = await db.user.findUniqueOrThrow({ where: { email: "staff.kw@tracker.example" } });
      const request = await db.handbackRequest.create({
        data: { recommendationId: id, agencyId: kw.agencyId ?? "", reason: "矩阵退回", requestedById: kw.id },
      });
      return `${id} ${request.id}`;
    },
    call: async (prepared) => {
      const [id = "", requestId = ""] = prepared.split(" ");
      return decideHandback(
        {},
        form({ recommendationId: id, version: await versionOf(id), requestId, decision: "approved" }),
      );
    },
    succeeded: saved,
  },
  {
    name: "setPriority (重点督办: the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: () => cycleRecommendation("handling"),
    call: async (id) =>
      setPriority({}, form({ recommendationId: id, version: await versionOf(id), priority: "1" })),
    succeeded: saved,
  },
  {
    name: "issueNotice (督办单: the office or an admin)",
    allowed: ONLY_OFFICE,
    prepare: () => cycleRecommendation("handling"),
    call: async (id) =>
      issueNotice(
        {},
        form({
          recommendationId: id,
          version: await versionOf(id),
          level: "yellow",
          text: "请报送进展",
          answerDueAt: toShanghaiDateString(new Date(Date.now() + 7 * 86_400_000)),
        }),
      ),
    succeeded: saved,
  },
  {
    name: "acknowledgeNotice (the lead's staff only)",
    allowed: ONLY_LEAD,
    prepare: () => noticedRecommendation(false),
    call: async (id) => {
      const notice = await db.supervisionNotice.findFirstOrThrow({ where: { recommendationId: id } });
      return acknowledgeNotice(
        {},
        form({ recommendationId: id, version: await versionOf(id), noticeId: notice.id }),
      );
    },
    succeeded: saved,
  },
  {
    name: "answerNotice (the lead's staff only, once acknowledged)",
    allowed: ONLY_LEAD,
    prepare: () => noticedRecommendation(true),
    call: async (id) => {
      const notice = await db.supervisionNotice.findFirstOrThrow({ where: { recommendationId: id } });
      return answerNotice(
        {},
        form({ recommendationId: id, version: await versionOf(id), noticeId: notice.id, answer: "已落实" }),
      );
    },
    succeeded: saved,
  },
  {
    name: "rateReply (the deputy's own rating of an accepted reply, or 代录 by the lead's staff or the office)",
    allowed: { ...STAFF_OF_THE_ITEM, office: true, deputy: true },
    // An accepted reply of a proposal the sample's deputy authored.
    prepare: async () => {
      const id = await cycleRecommendation("replied");
      const deputy = await db.user.findUniqueOrThrow({ where: { email: DEPUTY_EMAIL } });
      const rec = await db.recommendation.findUniqueOrThrow({ where: { id } });
      await db.proposal.update({ where: { id: rec.proposalId }, data: { authorUserId: deputy.id } });
      return id;
    },
    call: async (id) =>
      rateReply(
        {},
        form({
          recommendationId: id,
          version: String(await versionOf(id)),
          satisfaction: "satisfied",
          q_rating_question_consulted: "yes",
          q_rating_question_attitude: "0",
          q_rating_question_addresses: "1",
          proxyReason: "代表电话反馈",
        }),
      ),
    succeeded: saved,
  },
  {
    name: "createRatingQuestion (the feedback questionnaire: admins)",
    allowed: ADMIN_ONLY,
    call: () =>
      createRatingQuestion({}, form({ kind: "yes_no", textZh: `矩阵问题${unique()}`, sortOrder: "9" })),
    succeeded: saved,
  },
  {
    name: "updateRatingQuestion (a question not yet answered: admins)",
    allowed: ADMIN_ONLY,
    prepare: async () =>
      (await db.ratingQuestion.create({ data: { kind: "text", textZh: "矩阵待改问题" } })).id,
    call: (id) =>
      updateRatingQuestion(
        {},
        form({ questionId: id, kind: "text", textZh: "矩阵已改问题", sortOrder: "8", active: "on" }),
      ),
    succeeded: saved,
  },
  {
    name: "setRatingQuestionActive (retiring a question: admins)",
    allowed: ADMIN_ONLY,
    prepare: async () =>
      (await db.ratingQuestion.create({ data: { kind: "yes_no", textZh: "矩阵待停用问题" } })).id,
    call: (id) => setRatingQuestionActive({}, form({ questionId: id, active: "false" })),
    succeeded: saved,
  },
  {
    name: "saveReply (the deputy's feedback: the lead agency's staff, or the office)",
    allowed: { ...STAFF_OF_THE_ITEM, office: true },
    call: async () => {
      const rec = await db.recommendation.findUniqueOrThrow({ where: { id: target.recommendationId } });
      const day = (value: Date | null) => (value ? toShanghaiDateString(value) : "");
      return saveReply(
        {},
        form({
          recommendationId: rec.id,
          version: String(rec.version),
          // The cycle's fields as they are (the staff's form does not send them; unchanged they pass).
          assignedAt: day(rec.assignedAt),
          replyDueAt: day(rec.replyDueAt),
          replyExtensionReason: rec.replyExtensionReason ?? "",
          repliedAt: day(rec.repliedAt),
          replyClass: rec.replyClass ?? "",
          satisfaction: rec.satisfaction === "satisfied" ? "basically_satisfied" : "satisfied",
          // The sample's R8 awaits its rating: the first feedback is given today.
          feedbackAt: day(rec.feedbackAt) || toShanghaiDateString(new Date()),
        }),
      );
    },
    succeeded: saved,
  },
  {
    name: "saveReply (a reply recorded outside the tracker, 补录: the office or an admin only)",
    allowed: ONLY_OFFICE,
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
    name: "verifyEvidence (the office or an admin; an agency's reviewer, in its own tests)",
    allowed: ONLY_OFFICE,
    prepare: freshEvidence,
    call: (evidenceId) => verifyEvidence({}, form({ evidenceId, note: "已核对原件" })),
    succeeded: saved,
  },
  {
    name: "POST /api/import (upload)",
    allowed: IMPORTERS,
    call: async () =>
      uploadImport(
        new NextRequest("http://127.0.0.1/api/import?locale=zh-CN", {
          method: "POST",
          body: await importFile(),
          headers: request.headers,
        }),
      ),
    succeeded: (outcome) => "returned" in outcome && (outcome.returned as Response).status === 201,
  },
  {
    name: "POST /api/files (a file on a piece of evidence)",
    allowed: STAFF_OF_THE_ITEM,
    prepare: freshEvidence,
    call: (evidenceId) => uploadFile(`evidence:${evidenceId}`),
    succeeded: (outcome) => "returned" in outcome && (outcome.returned as Response).status === 201,
  },
  {
    name: "POST /api/files (new evidence that is only a file: as createEvidence)",
    allowed: STAFF_OF_THE_ITEM,
    call: () =>
      uploadFile(`new-evidence:action:${target.actionId}`, { titleZh: "答复函扫描件", kind: "report" }),
    succeeded: (outcome) => "returned" in outcome && (outcome.returned as Response).status === 201,
  },
  {
    name: "removeFile (a file of a piece of evidence: who may attach to it)",
    allowed: STAFF_OF_THE_ITEM,
    prepare: async () => {
      const evidenceId = await freshEvidence();
      const file = await db.storedFile.create({
        data: {
          evidenceId,
          name: "矩阵附件.pdf",
          mime: "application/pdf",
          size: 10,
          sha256: "b".repeat(64),
          storage: "database",
          storageKey: `files/matrix-${unique()}`,
          uploadedById: adminId,
        },
      });
      return file.id;
    },
    call: (fileId) => removeFile({}, form({ fileId })),
    succeeded: saved,
  },
  {
    name: "POST /api/files (the reply letter's scan: the lead's staff only, as drafting)",
    allowed: ONLY_LEAD,
    prepare: () => cycleRecommendation("drafting"),
    call: (recommendationId) => uploadFile(`reply:${recommendationId}`),
    succeeded: (outcome) => "returned" in outcome && (outcome.returned as Response).status === 201,
  },
  {
    name: "POST /api/files (a contact record's file: who may correct the record, its agency's staff)",
    allowed: ONLY_RECORDING_AGENCY,
    prepare: async () =>
      (
        await db.deputyContact.create({
          data: {
            recommendationId: target.recommendationId,
            agencyId: leadAgencyId,
            contactDate: new Date("2026-11-20T00:00:00+08:00"),
            method: "phone",
            participants: "矩阵代表",
            summary: "电话沟通。",
            recordedById: adminId,
          },
        })
      ).id,
    call: (contactId) => uploadFile(`contact:${contactId}`),
    succeeded: (outcome) => "returned" in outcome && (outcome.returned as Response).status === 201,
  },
  {
    name: "applyImportBatch",
    allowed: STAFF_OF_THE_ITEM,
    prepare: freshImportBatch,
    call: (batchId) => applyImportBatch({}, form({ batchId })),
    succeeded: (outcome) => "returned" in outcome && !(outcome.returned as FormState).formError,
  },
  {
    name: "signIn (whoever asks)",
    allowed: {
      signedOut: true,
      official: true,
      staffAssigned: true,
      staffOther: true,
      office: true,
      admin: true,
      adminApiToken: true,
      deputy: true,
      deputyOther: true,
    },
    call: () => signIn({}, form({ email: SIGN_IN_EMAIL, password: SAMPLE_PASSWORD })),
    succeeded: (outcome) => "redirectedTo" in outcome,
  },
  {
    name: "POST /api/reports (a report with edited narratives)",
    // Deputies read their own proposals only: no reports (canMakeReports).
    allowed: {
      ...STAFF_OF_THE_ITEM,
      official: true,
      staffOther: true,
      office: true,
      deputy: false,
      deputyOther: false,
    },
    audited: false,
    call: async () => {
      const proposal = await db.proposal.findFirstOrThrow({ orderBy: { code: "asc" } });
      return postReport(
        new Request("http://127.0.0.1/api/reports", {
          method: "POST",
          headers: request.headers,
          body: new URLSearchParams({ proposal: proposal.code, format: "docx", "narrative.R1": "矩阵" }),
        }),
      );
    },
    succeeded: (outcome) => "returned" in outcome && (outcome.returned as Response).status === 200,
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
  {
    name: "reviewProposedUpdates (approving: the office or an admin; an agency's reviewer, in its own tests)",
    allowed: { ...ONLY_OFFICE, admin: true },
    prepare: () => pendingProposal(),
    call: (id) => reviewProposedUpdates({}, reviewForm(id, "approve")),
    succeeded: reviewed,
  },
  {
    name: "reviewProposedUpdates (rejecting: the office or an admin)",
    allowed: { ...ONLY_OFFICE, admin: true },
    prepare: () => pendingProposal(),
    call: (id) => reviewProposedUpdates({}, reviewForm(id, "reject")),
    succeeded: reviewed,
  },
  {
    name: "postComment (讨论, on a recommendation: whoever may read it)",
    allowed: EVERYONE_SIGNED_IN,
    call: () => postComment({}, form({ recommendationId: target.recommendationId, text: "矩阵评论" })),
    succeeded: saved,
  },
  {
    name: "postComment (on an action)",
    allowed: EVERYONE_SIGNED_IN,
    call: () =>
      postComment(
        {},
        form({ recommendationId: target.recommendationId, actionId: target.actionId, text: "矩阵评论" }),
      ),
    succeeded: saved,
  },
  {
    name: "editComment (its author only, within 15 minutes: staff.jxw's comment)",
    allowed: { ...ADMIN_ONLY, admin: false, staffAssigned: true },
    prepare: () => commentBy("staff.jxw@tracker.example"),
    call: (id) => editComment({}, form({ commentId: id, version: "1", text: "矩阵评论（改）" })),
    succeeded: saved,
  },
  {
    name: "hideComment (an admin only, with a reason)",
    allowed: ADMIN_ONLY,
    prepare: () => commentBy("staff.jxw@tracker.example"),
    call: (id) => hideComment({}, form({ commentId: id, version: "1", reason: "矩阵：不当内容" })),
    succeeded: saved,
  },
];

/** A comment on the target recommendation just posted by the user with `email`. */
async function commentBy(email: string) {
  const author = await db.user.findUniqueOrThrow({ where: { email } });
  const comment = await db.comment.create({
    data: {
      recommendationId: target.recommendationId,
      authorId: author.id,
      versions: { create: { version: 1, text: "矩阵：待改的评论" } },
    },
  });
  return comment.id;
}

/**
 * A status update of the target action by its agency's staff (staff.jxw), pending review against its
 * version now; an earlier one still pending (one an item) is rejected first, as a reviewer would.
 */
async function pendingProposal() {
  const staff = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
  await db.proposedUpdate.updateMany({
    where: { actionId: target.actionId, state: "pending" },
    data: { state: "rejected", reviewReason: "矩阵：换一条", reviewedById: adminId, reviewedAt: new Date() },
  });
  const action = await db.action.findUniqueOrThrow({ where: { id: target.actionId } });
  const proposal = await db.proposedUpdate.create({
    data: {
      actionId: action.id,
      agencyId: staff.agencyId ?? "",
      baseVersion: action.version,
      statusAfter: "in_progress",
      progressAfter: action.progress === 37 ? 38 : 37,
      effectiveDate: new Date(
        `${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}T00:00:00+08:00`,
      ),
      comment: "矩阵：待审核",
      authorId: staff.id,
    },
  });
  return proposal.id;
}
function reviewForm(id: string, decision: "approve" | "reject") {
  const data = form({ decision, reason: decision === "reject" ? "矩阵：退回" : "" });
  data.append("ids", id);
  return data;
}
function reviewed(outcome: Awaited<ReturnType<typeof callAction>>) {
  if (!("returned" in outcome)) return false;
  const state = outcome.returned as FormState;
  return Boolean(state.notice) && !state.formError;
}

// 沟通记录 (lib/contacts): an item of a proposal of its own, led by the economy commission (staff.jxw)
// alone, whose first author is the matrix's own deputy; another deputy authored another proposal.
// (Not the matrix's deputyOther, who is a deputy of no proposal: these two author proposals of their own.)
const DEPUTIES = {
  own: "matrix.contacts.deputy.own@tracker.example",
  other: "matrix.contacts.deputy.other@tracker.example",
};
const deputyCookies: Partial<Record<"own" | "other", string>> = {};
async function signInDeputies() {
  if (deputyCookies.own) return;
  for (const [key, email] of Object.entries(DEPUTIES)) {
    const user = await auth.api.createUser({
      body: { email, name: `矩阵代表${key}`, password: SAMPLE_PASSWORD, role: "official" },
    });
    await db.user.update({ where: { id: user.user.id }, data: { role: "deputy" } });
    const { headers } = await auth.api.signInEmail({
      body: { email, password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    deputyCookies[key as "own" | "other"] = headers.get("set-cookie")?.split(";")[0];
  }
  const other = await db.user.findUniqueOrThrow({ where: { email: DEPUTIES.other } });
  await db.proposal.create({
    data: {
      ...NEW_PROPOSAL,
      code: `MX-${unique()}`,
      submittedAt: new Date("2025-01-20"),
      authorUserId: other.id,
    },
  });
}
async function contactRecommendation() {
  await signInDeputies();
  const id = await freshRecommendation();
  const own = await db.user.findUniqueOrThrow({ where: { email: DEPUTIES.own } });
  const rec = await db.recommendation.update({
    where: { id },
    data: {
      stage: "handling",
      proposal: { update: { authorUserId: own.id } },
      agencies: { create: { agencyId: leadAgencyId, role: "lead", acknowledgedAt: new Date() } },
    },
  });
  return rec.id;
}
/** An item as above with a contact its lead's staff (staff.jxw) recorded: "recommendationId contactId". */
async function contactedRecommendation() {
  const id = await contactRecommendation();
  const jxw = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
  const contact = await db.deputyContact.create({
    data: {
      recommendationId: id,
      agencyId: leadAgencyId,
      contactDate: shanghaiDate("2026-11-20"),
      method: "phone",
      participants: "矩阵代表",
      summary: "电话沟通",
      recordedById: jxw.id,
    },
  });
  return `${id} ${contact.id}`;
}
const CONTACT_FIELDS = {
  contactDate: "2026-11-20",
  method: "in_person",
  participants: "矩阵代表；承办处室",
  summary: "面商",
  links: "https://example.org/minutes",
};
WRITES.push(
  {
    name: "recordContact (the staff of the item's agencies, the office, an admin)",
    allowed: { ...STAFF_OF_THE_ITEM, office: true },
    deputies: { own: false, other: false },
    prepare: () => contactRecommendation(),
    call: (id) => recordContact({}, form({ recommendationId: id, ...CONTACT_FIELDS })),
    succeeded: saved,
  },
  {
    name: "correctContact (the agency that recorded it, an admin)",
    allowed: STAFF_OF_THE_ITEM,
    deputies: { own: false, other: false },
    prepare: () => contactedRecommendation(),
    call: (prepared) => {
      const [recommendationId = "", contactId = ""] = prepared.split(" ");
      return correctContact(
        {},
        form({ recommendationId, contactId, ...CONTACT_FIELDS, correctionReason: "方式记错" }),
      );
    },
    succeeded: saved,
  },
  {
    name: "respondToContact (a deputy of the item's proposal)",
    allowed: { ...NOBODY },
    deputies: { own: true, other: false },
    prepare: () => contactedRecommendation(),
    call: (prepared) => {
      const [recommendationId = "", contactId = ""] = prepared.split(" ");
      return respondToContact(
        {},
        form({ recommendationId, contactId, decision: "disputed", comment: "未沟通" }),
      );
    },
    succeeded: saved,
  },
);

/** Writes with tests of their own, below, instead of a row. */
const TESTED_APART = ["signOut"];
/** The action or the route a row is of: its name without the parenthesis. */
const subjectOf = (write: Write) => write.name.replace(/ \(.*\)$/, "");

describe("the matrix", () => {
  it("has a row for every server action and every route handler but GET", async () => {
    const listed = new Set([...WRITES.map(subjectOf), ...TESTED_APART]);
    const routes = listAppRoutes()
      .filter((route) => route.kind === "route")
      .flatMap((route) =>
        route.methods.filter((method) => method !== "GET").map((m) => `${m} ${route.pattern}`),
      );
    const writes = [...(await serverActions()).keys(), ...routes];
    expect(writes.filter((write) => !listed.has(write))).toEqual([]);
    expect(writes.length).toBeGreaterThan(30);
  });

  it("has every server action but signing in and out state who may call it (formAction's rule)", async () => {
    const withoutRule = [...(await serverActions())].filter(([, action]) => !isFormAction(action));
    expect(withoutRule.map(([name]) => name).sort()).toEqual(["signIn", "signOut"]);
  });
});

describe.each(WRITES)("$name", (write) => {
  it.each(ACTORS)("as %s", async (kind) => {
    actAs(kind);
    const prepared = (await write.prepare?.(kind)) ?? "";
    const before = await snapshot();
    const outcome = await callAction(() => write.call(prepared));
    if (write.allowed[kind] ?? write.allowed.official) {
      expect(write.succeeded(outcome), JSON.stringify(outcome)).toBe(true);
      if (write.audited === false) expect(writtenBetween(before, await snapshot())).toEqual([]);
      else expect((await snapshot()).audit).toBeGreaterThan(before.audit);
    } else {
      expect(write.succeeded(outcome), JSON.stringify(outcome)).toBe(false);
      expect(writtenBetween(before, await snapshot())).toEqual([]);
    }
  });
});

describe.each(WRITES.filter((write) => write.deputies))("$name, as a deputy", (write) => {
  it.each(["own", "other"] as const)("as the deputy of %s proposal", async (which) => {
    const prepared = (await write.prepare?.("signedOut")) ?? "";
    request.headers = new Headers({ cookie: deputyCookies[which] ?? "" });
    const before = await snapshot();
    const outcome = await callAction(() => write.call(prepared));
    if (write.deputies?.[which]) {
      expect(write.succeeded(outcome), JSON.stringify(outcome)).toBe(true);
      expect((await snapshot()).audit).toBeGreaterThan(before.audit);
    } else {
      expect(write.succeeded(outcome), JSON.stringify(outcome)).toBe(false);
      expect(writtenBetween(before, await snapshot())).toEqual([]);
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

describe("deactivating a user", () => {
  it("signs them out at once, refuses their sign-in, and keeps their history", async () => {
    const staff = await db.user.findUniqueOrThrow({ where: { email: "staff.kw@tracker.example" } });
    const history = await db.statusUpdate.count({ where: { authorId: staff.id } });
    expect(await db.session.count({ where: { userId: staff.id } })).toBeGreaterThan(0);

    actAs("admin");
    expect(
      await callAction(() => setUserActive({}, form({ userId: staff.id, active: "false", reason: "调离" }))),
    ).toEqual({
      returned: { notice: "validation.saved" },
    });
    expect(await db.session.count({ where: { userId: staff.id } })).toBe(0);
    await expect(
      auth.api.signInEmail({
        body: { email: staff.email, password: SAMPLE_PASSWORD },
        headers: new Headers(),
      }),
    ).rejects.toThrow();
    expect(await db.statusUpdate.count({ where: { authorId: staff.id } })).toBe(history);

    actAs("admin");
    await callAction(() => setUserActive({}, form({ userId: staff.id, active: "true" })));
    await expect(
      auth.api.signInEmail({
        body: { email: staff.email, password: SAMPLE_PASSWORD },
        headers: new Headers(),
      }),
    ).resolves.toBeTruthy();
  });

  it("is refused for one's own account", async () => {
    actAs("admin");
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
    expect(
      await callAction(() => setUserActive({}, form({ userId: admin.id, active: "false", reason: "x" }))),
    ).toEqual({
      returned: { formError: "validation.cannotDeactivateSelf" },
    });
  });
});

// 讨论 by deputies: a deputy comments on their own proposal's items only; they edit only their own
// comments and hide none. (Comments are the first write of a deputy's; the matrix's actors above
// have no deputy yet.)
describe("comments by deputies", () => {
  let other: string;
  let own: string;
  beforeAll(async () => {
    const created = await db.user.create({
      data: { email: "matrix.deputy@tracker.example", name: "矩阵代表", role: "deputy" },
    });
    await db.account.create({
      data: {
        id: `credential-${created.id}`,
        providerId: "credential",
        accountId: created.id,
        userId: created.id,
        password: await hashPassword(SAMPLE_PASSWORD),
      },
    });
    other = await signInAs(created.email);
    own = await signInAs("deputy.wang@tracker.example");
  });
  async function signInAs(email: string) {
    const { headers } = await auth.api.signInEmail({
      body: { email, password: SAMPLE_PASSWORD },
      headers: new Headers(),
      returnHeaders: true,
    });
    return headers.get("set-cookie")?.split(";")[0] ?? "";
  }
  const as = (cookie: string) => {
    request.headers = new Headers({ cookie });
  };
  const onAction = () =>
    form({ recommendationId: target.recommendationId, actionId: target.actionId, text: "代表的评论" });

  it("a deputy of the item's proposal comments on its recommendation and actions", async () => {
    as(own);
    for (const fields of [
      form({ recommendationId: target.recommendationId, text: "代表的评论" }),
      onAction(),
    ]) {
      const before = await snapshot();
      const outcome = await callAction(() => postComment({}, fields));
      expect(saved(outcome), JSON.stringify(outcome)).toBe(true);
      expect((await snapshot()).audit).toBeGreaterThan(before.audit);
    }
  });

  it("a deputy of another proposal is refused every comment write, by id, and nothing changes", async () => {
    as(other);
    const id = await commentBy("deputy.wang@tracker.example");
    const before = await snapshot();
    for (const call of [
      () => postComment({}, form({ recommendationId: target.recommendationId, text: "不是我的" })),
      () => postComment({}, onAction()),
      () => editComment({}, form({ commentId: id, version: "1", text: "改别人的" })),
      () => hideComment({}, form({ commentId: id, version: "1", reason: "不当" })),
    ]) {
      const outcome = await callAction(call);
      expect(saved(outcome), JSON.stringify(outcome)).toBe(false);
    }
    expect(writtenBetween(before, await snapshot())).toEqual([]);
  });

  it("the deputy of the proposal edits their own comment but not another's, and hides none", async () => {
    as(own);
    const mine = await commentBy("deputy.wang@tracker.example");
    const staffs = await commentBy("staff.jxw@tracker.example");
    expect(
      saved(await callAction(() => editComment({}, form({ commentId: mine, version: "1", text: "改好了" })))),
    ).toBe(true);
    const before = await snapshot();
    expect(
      saved(
        await callAction(() => editComment({}, form({ commentId: staffs, version: "1", text: "改别人的" }))),
      ),
    ).toBe(false);
    expect(
      saved(await callAction(() => hideComment({}, form({ commentId: staffs, version: "1", reason: "x" })))),
    ).toBe(false);
    expect(writtenBetween(before, await snapshot())).toEqual([]);
  });
});

// Last: the events every write above recorded, as the audit log shows them to an admin.
describe("the audit log", () => {
  it("names every field of every event the writes above recorded, in both languages", async () => {
    const events = await db.auditEvent.findMany({ select: { action: true, before: true, after: true } });
    const unnamed = new Set<string>();
    for (const [locale, messages] of [
      ["zh-CN", zh],
      ["en", en],
    ] as const) {
      const fields: Record<string, string> = messages.admin.auditField;
      for (const event of events)
        for (const change of changesOf(event.before, event.after))
          if (!fields[change.field]) unnamed.add(`${locale} ${event.action}: ${change.field}`);
    }
    expect(events.length).toBeGreaterThan(100);
    expect([...unnamed].sort()).toEqual([]);
  });
});
