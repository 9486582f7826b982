// 讨论 on the real database, through the real server actions: who may comment (whoever may read the
// item; a deputy only on their own proposal's items), @mentions (a person who may read the item, an
// agency that handles it) and the notifications they write, for exactly those people; editing by the
// author within 15 minutes (a new version, the earlier kept); hiding by an admin only, with a reason;
// and the database refusing to delete any of it.
import { hashPassword } from "better-auth/crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { editComment, hideComment, postComment } from "@/lib/comments/actions";
import { loadCommentThread } from "@/lib/comments/queries";
import { db } from "@/lib/db";
import { describeNotification } from "@/lib/notifications/describe";
import type { FormState } from "@/lib/validation/form-action";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  staff: "staff.jxw@tracker.example",
  kw: "staff.kw@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  official: "official@tracker.example",
  deputy: "deputy.wang@tracker.example",
  otherDeputy: "deputy.other@test.example",
} as const;
type Person = keyof typeof PEOPLE;
const cookies = {} as Record<Person, string>;
const ids = {} as Record<Person, string>;
let rec: { id: string; actionId: string };
let sheitc: string;
let stcsm: string;

beforeAll(async () => {
  await seedSampleData(db);
  // A deputy of no proposal of the sample.
  const other = await db.user.create({
    data: { name: "另一位代表（测试）", email: PEOPLE.otherDeputy, role: "deputy" },
  });
  await db.account.create({
    data: {
      id: `credential-${other.id}`,
      providerId: "credential",
      accountId: other.id,
      userId: other.id,
      password: await hashPassword(SAMPLE_PASSWORD),
    },
  });
  for (const [person, email] of Object.entries(PEOPLE)) {
    cookies[person as Person] = await sessionCookie(email);
    ids[person as Person] = (await db.user.findUniqueOrThrow({ where: { email } })).id;
  }
  sheitc = (await db.agency.findUniqueOrThrow({ where: { code: "SHEITC" } })).id;
  stcsm = (await db.agency.findUniqueOrThrow({ where: { code: "STCSM" } })).id;
  // A recommendation SHEITC leads, with an action.
  const found = await db.recommendation.findFirstOrThrow({
    where: { agencies: { some: { agencyId: sheitc, role: "lead" } }, actions: { some: {} } },
    select: { id: true, actions: { select: { id: true }, take: 1 } },
    orderBy: { code: "asc" },
  });
  rec = { id: found.id, actionId: found.actions[0]?.id ?? "" };
}, 120_000);

afterEach(() => {
  vi.useRealTimers();
});

function at(instant: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(instant);
}

async function run(
  person: Person,
  action: (state: FormState, data: FormData) => Promise<FormState>,
  fields: Record<string, string | number | string[] | undefined>,
): Promise<FormState> {
  request.headers = new Headers({ cookie: cookies[person] });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else if (value !== undefined) form.set(name, String(value));
  }
  const outcome = await callAction(() => action({}, form));
  if (!("returned" in outcome)) throw new Error(`redirected to ${outcome.redirectedTo}`);
  return outcome.returned;
}

/** Everything the comment tables, the audit log and the notifications hold. */
async function counts() {
  const [comments, versions, mentions, audits, notifications, recipients] = await Promise.all([
    db.comment.count(),
    db.commentVersion.count(),
    db.commentMention.count(),
    db.auditEvent.count(),
    db.notification.count(),
    db.notificationRecipient.count(),
  ]);
  return { comments, versions, mentions, audits, notifications, recipients };
}

async function latestComment(authorId: string) {
  return db.comment.findFirstOrThrow({
    where: { authorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { versions: { orderBy: { version: "asc" } }, mentions: true },
  });
}

async function mentionedRecipients(commentId: string, version: number) {
  const notification = await db.notification.findUnique({
    where: { dedupeKey: `mentioned:${commentId}:${version}` },
    include: { recipients: { select: { userId: true } } },
  });
  return notification ? notification.recipients.map((r) => r.userId).sort() : null;
}

const agencyStaff = async (agencyId: string) =>
  (await db.user.findMany({ where: { role: "staff", agencyId, banned: false }, select: { id: true } })).map(
    (u) => u.id,
  );

describe("posting a comment", () => {
  it("writes the comment, its first version and mentions, an audit row and notifies exactly whom it mentions", async () => {
    const before = await counts();
    const deputy = await db.user.findUniqueOrThrow({ where: { id: ids.deputy } });
    const agency = await db.agency.findUniqueOrThrow({ where: { id: stcsm } });
    const agencyShort = agency.shortNameZh ?? agency.nameZh;
    const state = await run("staff", postComment, {
      recommendationId: rec.id,
      text: `请 @${deputy.name} 看一下办理进展，另请 @${agencyShort} 补充意见。见 https://github.com/InternLM/InternLM`,
      // The other deputy may not read the item: dropped, never told.
      mentions: [`user:${ids.deputy}`, `agency:${stcsm}`, `user:${ids.otherDeputy}`],
    });
    expect(state).toEqual({ notice: "comments.notice.posted" });
    const comment = await latestComment(ids.staff);
    expect(comment).toMatchObject({ recommendationId: rec.id, actionId: null, version: 1, hiddenAt: null });
    expect(comment.versions.map((v) => v.text)).toEqual([
      `请 @[u:${ids.deputy}] 看一下办理进展，另请 @[a:${stcsm}] 补充意见。见 https://github.com/InternLM/InternLM`,
    ]);
    expect(comment.mentions.map((m) => m.userId ?? m.agencyId).sort()).toEqual([ids.deputy, stcsm].sort());
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { action: "comment.post", actorId: ids.staff },
      orderBy: { createdAt: "desc" },
    });
    expect(audit).toMatchObject({ entityType: "Recommendation", entityId: rec.id });
    // The deputy, and STCSM's staff (the actor, SHEITC's, is not mentioned and not told).
    expect(await mentionedRecipients(comment.id, 1)).toEqual(
      [ids.deputy, ...(await agencyStaff(stcsm))].sort(),
    );
    const after = await counts();
    expect(after.comments - before.comments).toBe(1);
    expect(after.versions - before.versions).toBe(1);
    expect(after.mentions - before.mentions).toBe(2);
    expect(after.audits - before.audits).toBe(1);
    expect(after.notifications - before.notifications).toBe(1);

    const notification = await db.notification.findUniqueOrThrow({
      where: { dedupeKey: `mentioned:${comment.id}:1` },
    });
    const text = describeNotification(notification, "zh-CN");
    expect(text.title).toContain("提到了您");
    expect(text.path).toContain(`#comment-${comment.id}`);
    expect(text.lines.join("\n")).toContain(`@${deputy.name}`);
    expect(describeNotification(notification, "en").title).toContain("mentioned you");
  });

  it("on an action, by the deputy of its proposal, an official and the office; its thread lists them oldest first", async () => {
    for (const person of ["deputy", "official", "office"] as const) {
      expect(
        await run(person, postComment, {
          recommendationId: rec.id,
          actionId: rec.actionId,
          text: `${person} 的评论`,
        }),
      ).toEqual({ notice: "comments.notice.posted" });
    }
    const deputy = await db.user.findUniqueOrThrow({ where: { id: ids.deputy } });
    const thread = await loadCommentThread(
      db,
      { ...deputy },
      { recommendationId: rec.id, actionId: rec.actionId },
      "zh-CN",
    );
    const texts = thread?.comments.map((c) => c.versions[0]?.text);
    expect(texts?.slice(-3)).toEqual(["deputy 的评论", "official 的评论", "office 的评论"]);
    expect(thread?.candidates.some((c) => c.kind === "user" && c.id === ids.deputy)).toBe(true);
    expect(thread?.candidates.some((c) => c.id === ids.otherDeputy)).toBe(false);
  });

  it("is refused, changing nothing, to a deputy of another proposal, who cannot read the thread either", async () => {
    const before = await counts();
    const state = await run("otherDeputy", postComment, { recommendationId: rec.id, text: "不是我的建议" });
    expect(state.formError).toBe("validation.notFound");
    expect(
      await run("otherDeputy", postComment, { recommendationId: rec.id, actionId: rec.actionId, text: "x" }),
    ).toMatchObject({ formError: "validation.notFound" });
    expect(await counts()).toEqual(before);
    const other = await db.user.findUniqueOrThrow({ where: { id: ids.otherDeputy } });
    expect(
      await loadCommentThread(db, other, { recommendationId: rec.id, actionId: null }, "zh-CN"),
    ).toBeNull();
  });

  it("refuses empty, over-long and control-character text, an action of another recommendation, changing nothing", async () => {
    const before = await counts();
    expect(
      (await run("staff", postComment, { recommendationId: rec.id, text: "  " })).fieldErrors?.text,
    ).toBeTruthy();
    expect(
      (await run("staff", postComment, { recommendationId: rec.id, text: "长".repeat(2001) })).fieldErrors
        ?.text,
    ).toBeTruthy();
    expect(
      (await run("staff", postComment, { recommendationId: rec.id, text: "a\u0000b" })).fieldErrors?.text,
    ).toBeTruthy();
    const elsewhere = await db.action.findFirstOrThrow({ where: { recommendationId: { not: rec.id } } });
    expect(
      await run("staff", postComment, { recommendationId: rec.id, actionId: elsewhere.id, text: "错位" }),
    ).toMatchObject({ formError: "validation.notFound" });
    expect(await counts()).toEqual(before);
  });
});

describe("editing a comment", () => {
  it("within 15 minutes adds a version, keeps the earlier one, and tells only whom the edit mentions first", async () => {
    const start = new Date();
    at(start);
    const deputy = await db.user.findUniqueOrThrow({ where: { id: ids.deputy } });
    await run("staff", postComment, {
      recommendationId: rec.id,
      text: `@${deputy.name} 初稿`,
      mentions: [`user:${ids.deputy}`],
    });
    const comment = await latestComment(ids.staff);
    at(new Date(start.getTime() + 14 * 60_000));
    const official = await db.user.findUniqueOrThrow({ where: { id: ids.official } });
    const state = await run("staff", editComment, {
      commentId: comment.id,
      version: 1,
      text: `@${deputy.name} 修改稿，也请 @${official.name} 关注`,
      mentions: [`user:${ids.deputy}`, `user:${ids.official}`],
    });
    expect(state).toEqual({ notice: "comments.notice.edited" });
    const edited = await latestComment(ids.staff);
    expect(edited.version).toBe(2);
    expect(edited.versions.map((v) => v.text)).toEqual([
      `@[u:${ids.deputy}] 初稿`,
      `@[u:${ids.deputy}] 修改稿，也请 @[u:${ids.official}] 关注`,
    ]);
    expect(await mentionedRecipients(comment.id, 2)).toEqual([ids.official]);
    // The same form again is stale.
    expect(await run("staff", editComment, { commentId: comment.id, version: 1, text: "再改" })).toEqual({
      formError: "comments.refused.conflict",
    });
  });

  it("is refused after 15 minutes, to anyone but its author, and when nothing changed, changing nothing", async () => {
    const start = new Date();
    at(start);
    await run("staff", postComment, { recommendationId: rec.id, text: "将要过时的评论" });
    const comment = await latestComment(ids.staff);
    const before = await counts();
    expect(
      await run("staff", editComment, { commentId: comment.id, version: 1, text: "将要过时的评论" }),
    ).toEqual({ formError: "comments.refused.unchanged" });
    expect(await run("kw", editComment, { commentId: comment.id, version: 1, text: "别人的" })).toEqual({
      formError: "comments.refused.notAuthor",
    });
    expect(await run("admin", editComment, { commentId: comment.id, version: 1, text: "管理员的" })).toEqual({
      formError: "comments.refused.notAuthor",
    });
    at(new Date(start.getTime() + 15 * 60_000));
    expect(await run("staff", editComment, { commentId: comment.id, version: 1, text: "晚了" })).toEqual({
      formError: "comments.refused.editWindow",
    });
    expect(await counts()).toEqual(before);
  });
});

describe("hiding a comment", () => {
  it("is an admin's only, with a reason; audited; shown as hidden with no text; once", async () => {
    await run("deputy", postComment, { recommendationId: rec.id, text: "要被隐藏的评论" });
    const comment = await latestComment(ids.deputy);
    const before = await counts();
    for (const person of ["staff", "office", "official", "deputy"] as const)
      expect(
        await run(person, hideComment, { commentId: comment.id, version: comment.version, reason: "不当" }),
      ).toEqual({ formError: "comments.refused.notAdmin" });
    expect(
      (await run("admin", hideComment, { commentId: comment.id, version: comment.version, reason: " " }))
        .fieldErrors?.reason,
    ).toBeTruthy();
    expect(await counts()).toEqual(before);

    expect(
      await run("admin", hideComment, {
        commentId: comment.id,
        version: comment.version,
        reason: "含个人电话号码",
      }),
    ).toEqual({ notice: "comments.notice.hidden" });
    const hidden = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(hidden).toMatchObject({
      hiddenById: ids.admin,
      hiddenReason: "含个人电话号码",
      version: comment.version + 1,
    });
    expect(
      await db.auditEvent.count({ where: { action: "comment.hide", entityId: rec.id, actorId: ids.admin } }),
    ).toBe(1);
    const staff = await db.user.findUniqueOrThrow({ where: { id: ids.staff } });
    const thread = await loadCommentThread(db, staff, { recommendationId: rec.id, actionId: null }, "zh-CN");
    const shown = thread?.comments.find((c) => c.id === comment.id);
    expect(shown?.hidden?.reason).toBe("含个人电话号码");
    expect(shown?.versions).toEqual([]);
    expect(
      await run("admin", hideComment, { commentId: comment.id, version: hidden.version, reason: "再隐藏" }),
    ).toEqual({ formError: "comments.refused.alreadyHidden" });
    // Its versions are all still there.
    expect(await db.commentVersion.count({ where: { commentId: comment.id } })).toBe(1);
  });
});

describe("the database", () => {
  it("refuses to delete comments, versions and mentions, to change a version, or to unhide", async () => {
    const comment = await db.comment.findFirstOrThrow({ where: { mentions: { some: {} } } });
    await expect(db.comment.delete({ where: { id: comment.id } })).rejects.toThrow();
    await expect(db.commentVersion.deleteMany({ where: { commentId: comment.id } })).rejects.toThrow();
    await expect(db.commentMention.deleteMany({ where: { commentId: comment.id } })).rejects.toThrow();
    await expect(
      db.commentVersion.updateMany({ where: { commentId: comment.id }, data: { text: "改写历史" } }),
    ).rejects.toThrow();
    await expect(
      db.comment.update({ where: { id: comment.id }, data: { authorId: ids.admin } }),
    ).rejects.toThrow();
    const hidden = await db.comment.findFirstOrThrow({ where: { hiddenAt: { not: null } } });
    await expect(
      db.comment.update({
        where: { id: hidden.id },
        data: { hiddenAt: null, hiddenById: null, hiddenReason: null },
      }),
    ).rejects.toThrow();
    await expect(
      db.commentMention.create({
        data: { commentId: comment.id, version: 1, userId: ids.admin, agencyId: sheitc },
      }),
    ).rejects.toThrow();
    expect(await db.comment.count({ where: { id: comment.id } })).toBe(1);
  });
});
