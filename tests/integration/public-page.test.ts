// The public progress page and its open data. Internal data is seeded beside public data on the
// sample proposal (comments, a named user who wrote updates and added evidence, a non-public, a
// withdrawn evidence link, an evidence note) and must not appear in the page's HTML (both languages)
// nor in the CSV and JSON; public evidence must. Unpublished proposals answer 404; only admins
// publish and unpublish, and both are audited.
import { parse } from "csv-parse/sync";
import { createElement } from "react";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as publicData } from "@/app/api/public/[file]/route";
import { PublicProgress } from "@/components/public/public-progress";
import { createAuth } from "@/lib/auth/config";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { readChainHeads } from "@/lib/history-chain/heads";
import { chainHeadsJson } from "@/lib/history-chain/heads-format";
import type { Locale } from "@/lib/i18n/routing";
import { setProposalPublished } from "@/lib/public/actions";
import { getPublicProgress } from "@/lib/public/queries";
import { SAMPLE_PASSWORD, SAMPLE_USERS } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { createProposal } from "./factories";
import { renderHtml } from "./support/render";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);

const CODE = "LLM-2024";
const SECRET_USER = { name: "保密经办人甲乙", email: "secret.handler@tracker.example" };
const SECRET_COMMENT = "内部意见：请勿外传 SECRET-COMMENT-7731";
const NON_PUBLIC = { url: "https://internal.example.org/non-public-7731", titleZh: "未公开的内部佐证" };
const WITHDRAWN = { url: "https://example.org/withdrawn-7731", titleZh: "已撤回的佐证" };
const SECRET_NOTE = "佐证备注仅内部可见 NOTE-7731";
const PUBLIC_URL = "https://github.com/InternLM/InternLM";

/** Text that must appear nowhere public: every comment of the proposal's history, every user's name and email. */
let forbidden: string[] = [];
const cookies: Record<string, string> = {};
let proposalId: string;

async function signIn(email: string) {
  const { headers } = await auth.api.signInEmail({
    body: { email, password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  return headers.get("set-cookie")?.split(";")[0] ?? "";
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

beforeAll(async () => {
  await seedSampleData(db);
  const proposal = await db.proposal.findUniqueOrThrow({ where: { code: CODE } });
  proposalId = proposal.id;
  const rec = await db.recommendation.findFirstOrThrow({
    where: { proposalId, code: "R1" },
    include: { actions: { take: 1, orderBy: { sortOrder: "asc" } } },
  });
  const action = rec.actions[0];
  if (!action) throw new Error("R1 has no action in the sample");
  const secretUser = await db.user.create({ data: { ...SECRET_USER, role: "staff" } });
  await db.statusUpdate.create({
    data: {
      actionId: action.id,
      statusBefore: action.status,
      statusAfter: action.status,
      progressBefore: action.progress,
      progressAfter: action.progress,
      effectiveDate: shanghaiToday(),
      comment: SECRET_COMMENT,
      authorId: secretUser.id,
    },
  });
  await db.evidence.createMany({
    data: [
      { actionId: action.id, ...NON_PUBLIC, isPublic: false, kind: "report", createdById: secretUser.id },
      {
        recommendationId: rec.id,
        ...WITHDRAWN,
        isPublic: true,
        withdrawnAt: new Date(),
        withdrawnReason: "链接失效",
        createdById: secretUser.id,
      },
      {
        recommendationId: rec.id,
        url: PUBLIC_URL,
        titleZh: "书生·浦语开源模型",
        titleEn: "InternLM open models",
        kind: "repository",
        isPublic: true,
        note: SECRET_NOTE,
        createdById: secretUser.id,
      },
    ],
  });

  const comments = await db.statusUpdate.findMany({
    where: {
      OR: [{ recommendation: { proposalId } }, { action: { recommendation: { proposalId } } }],
      comment: { not: null },
    },
    select: { comment: true },
  });
  const users = await db.user.findMany({ select: { name: true, email: true } });
  forbidden = [
    ...new Set([
      ...comments.map((row) => row.comment ?? ""),
      ...users.flatMap((user) => [user.name, user.email]),
      NON_PUBLIC.url,
      NON_PUBLIC.titleZh,
      WITHDRAWN.url,
      WITHDRAWN.titleZh,
      "链接失效",
      SECRET_NOTE,
    ]),
  ].filter((text) => text.length > 0);
  expect(comments.length).toBeGreaterThan(5);

  for (const user of SAMPLE_USERS)
    cookies[user.role === "admin" ? "admin" : user.email] = await signIn(user.email);
});

function actAs(cookie: string | undefined) {
  request.headers = new Headers(cookie ? { cookie } : {});
}

async function fetchData(file: string, headers: Record<string, string> = {}, query = "") {
  return publicData(new Request(`http://localhost/api/public/${file}${query}`, { headers }), {
    params: Promise.resolve({ file }),
  });
}

function renderPage(progress: NonNullable<Awaited<ReturnType<typeof getPublicProgress>>>, locale: Locale) {
  return renderHtml(createElement(PublicProgress, { progress }), locale);
}

function expectNothingInternal(text: string) {
  for (const secret of forbidden) expect(text, `must not contain ${secret}`).not.toContain(secret);
}

describe("before publication", () => {
  it("has no public page or data (404), though signed-in people may preview it", async () => {
    expect(await getPublicProgress(CODE)).toBeNull();
    for (const file of [`${CODE}.json`, `${CODE}.csv`]) {
      const response = await fetchData(file);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const preview = await getPublicProgress(CODE, true);
    expect(preview?.proposal.publishedAt).toBeNull();
    expect(renderPage(preview as NonNullable<typeof preview>, "zh-CN")).toContain("预览");
  });

  it("answers 404 for unknown proposals and odd file names", async () => {
    for (const file of ["NOPE.json", `${CODE}.xml`, CODE, "%E0%A4.csv"]) {
      expect((await fetchData(file)).status).toBe(404);
    }
  });

  it("cannot be published by officials or staff", async () => {
    for (const user of SAMPLE_USERS.filter((u) => u.role !== "admin")) {
      actAs(cookies[user.email]);
      const outcome = await callAction(() => setProposalPublished({}, form({ proposalId, publish: "true" })));
      expect(outcome).toEqual({ returned: { formError: "public.forbidden" } });
    }
    actAs(undefined);
    expect(await callAction(() => setProposalPublished({}, form({ proposalId, publish: "true" })))).toEqual({
      returned: { formError: "validation.signedOut" },
    });
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).publishedAt).toBeNull();
  });
});

describe("published", () => {
  beforeAll(async () => {
    actAs(cookies.admin);
    const outcome = await callAction(() => setProposalPublished({}, form({ proposalId, publish: "true" })));
    expect(outcome).toEqual({ returned: { notice: "public.publishedNotice" } });
  });

  it("is audited: who, when, before and after", async () => {
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "Proposal", entityId: proposalId, action: "proposal.publish" },
    });
    const { publishedAt } = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(event.actorId).toBe(admin.id);
    // Published without ticking the deputy's satisfaction (issue 19): not shown.
    expect(event.before).toEqual({ publishedAt: null, publicSatisfaction: false });
    expect(event.after).toEqual({ publishedAt: publishedAt?.toISOString(), publicSatisfaction: false });
  });

  it("publishing again keeps the first publication time and writes nothing", async () => {
    const before = await db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    const audits = await db.auditEvent.count();
    actAs(cookies.admin);
    await callAction(() => setProposalPublished({}, form({ proposalId, publish: "true" })));
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).publishedAt).toEqual(
      before.publishedAt,
    );
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it.each(["zh-CN", "en"] as const)(
    "renders the page (%s) with public evidence and nothing internal",
    async (locale) => {
      const progress = await getPublicProgress(CODE);
      expect(progress).not.toBeNull();
      const html = renderPage(progress as NonNullable<typeof progress>, locale);
      expect(html).toContain(PUBLIC_URL);
      expect(html).toContain(locale === "en" ? "InternLM open models" : "书生·浦语开源模型");
      expect(html).toContain(locale === "en" ? "Open data" : "开放数据");
      expect(html).not.toContain(locale === "en" ? "Preview:" : "预览：");
      for (const code of ["R1", "R8"]) expect(html).toContain(`public-recommendation-${code}`);
      expectNothingInternal(html);
    },
  );

  it("serves the same data as JSON, with nothing internal", async () => {
    const response = await fetchData(`${CODE}.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, no-cache");
    const text = await response.text();
    expectNothingInternal(text);
    const data = JSON.parse(text);
    expect(data.sampleData).toBe(true);
    expect(data.proposal.code).toBe(CODE);
    expect(data.recommendations).toHaveLength(8);
    const r1 = data.recommendations[0];
    expect(r1.code).toBe("R1");
    expect(r1.evidence.map((item: { url: string }) => item.url)).toContain(PUBLIC_URL);
    // Exactly the public fields: nothing added to the models later slips through.
    expect(Object.keys(r1).sort()).toEqual(
      [
        "actions",
        "code",
        "description",
        "dueDate",
        "evidence",
        "health",
        "leadAgency",
        "overdue",
        "progress",
        "startDate",
        "status",
        "theme",
        "title",
      ].sort(),
    );
    expect(Object.keys(r1.evidence[0]).sort()).toEqual([
      "files",
      "kind",
      "publishedAt",
      "publisher",
      "title",
      "url",
      "verified",
      "verifiedOn",
    ]);
    // The figures agree with the items.
    const progress = await getPublicProgress(CODE);
    expect(data.figures).toEqual(progress?.figures);
    // The history chains' heads, as the look-up (GET /api/public/history-chain) finds them.
    const heads = await readChainHeads(sqlReader(db));
    expect(data.historyChain).toEqual(chainHeadsJson(heads));
    expect(data.historyChain[0]).toMatchObject({
      table: "StatusUpdate",
      shortHash: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it("serves the same data as CSV (BOM, CRLF, one row per item), with nothing internal", async () => {
    // Chinese by default, English by ?lang=en.
    for (const lang of ["zh-CN", "en"] as const) {
      const response = await fetchData(`${CODE}.csv`, {}, lang === "en" ? "?lang=en" : "");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain("\r\n");
      expectNothingInternal(text);
      const rows: string[][] = parse(text, { bom: true });
      const progress = await getPublicProgress(CODE);
      const items = (progress?.recommendations ?? []).reduce((sum, rec) => sum + 1 + rec.actions.length, 0);
      // The header, one row per item, and the history chains' heads (lib/history-chain).
      expect(rows).toHaveLength(1 + items + 1);
      expect(rows[0]?.[0]).toBe(lang === "en" ? "proposal" : "建议编号");
      const chain = rows[rows.length - 1] ?? [];
      expect(chain[0]).toBe(lang === "en" ? "History chain heads" : "历史记录校验链");
      expect(chain[1]).toMatch(
        lang === "en" ? /^Status updates #\d+ [0-9a-f]{12} / : /^进展更新 #\d+ [0-9a-f]{12}/,
      );
      const r1 = rows.find((row) => row[2] === "R1");
      expect(r1?.[13]).toContain(PUBLIC_URL);
    }
  });

  it("lets caches revalidate with the ETag", async () => {
    const first = await fetchData(`${CODE}.json`);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);
    const again = await fetchData(`${CODE}.json`, { "if-none-match": etag });
    expect(again.status).toBe(304);
  });

  it("leaves out an archived recommendation, and an archived proposal altogether", async () => {
    const archived = await db.recommendation.findFirstOrThrow({
      where: { proposal: { code: CODE } },
      orderBy: { sortOrder: "desc" },
    });
    await db.recommendation.update({
      where: { id: archived.id },
      data: { archivedAt: new Date(), archivedReason: "合并" },
    });
    const codes = (await getPublicProgress(CODE))?.recommendations.map((rec) => rec.code);
    expect(codes).not.toContain(archived.code);
    expect(codes?.length).toBeGreaterThan(0);
    await db.recommendation.update({
      where: { id: archived.id },
      data: { archivedAt: null, archivedReason: null },
    });

    const other = await createProposal();
    await db.proposal.update({
      where: { id: other.id },
      data: { publishedAt: new Date(), archivedAt: new Date() },
    });
    expect((await fetchData(`${other.code}.json`)).status).toBe(404);
  });

  it("never shows another proposal that is not published", async () => {
    const other = await createProposal();
    expect((await fetchData(`${other.code}.json`)).status).toBe(404);
    expect(await getPublicProgress(other.code)).toBeNull();
  });
});

describe("unpublished again", () => {
  it("is gone at once, and audited", async () => {
    actAs(cookies.admin);
    const outcome = await callAction(() => setProposalPublished({}, form({ proposalId, publish: "false" })));
    expect(outcome).toEqual({ returned: { notice: "public.unpublishedNotice" } });
    expect(await getPublicProgress(CODE)).toBeNull();
    expect((await fetchData(`${CODE}.json`)).status).toBe(404);
    expect((await fetchData(`${CODE}.csv`)).status).toBe(404);
    const event = await db.auditEvent.findFirstOrThrow({
      where: { entityId: proposalId, action: "proposal.unpublish" },
    });
    expect(event.after).toEqual({ publishedAt: null, publicSatisfaction: false });
  });

  it("refuses a proposal that does not exist", async () => {
    actAs(cookies.admin);
    expect(
      await callAction(() => setProposalPublished({}, form({ proposalId: "nope", publish: "true" }))),
    ).toEqual({ returned: { formError: "validation.notFound" } });
  });
});
