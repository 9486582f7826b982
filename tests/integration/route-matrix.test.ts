// Every page and route handler of app/ (read from the file system), requested over HTTP from the
// production build as each kind of caller: no response — whatever its status, redirects and 404s
// included — may carry data the caller may not see. The secrets are seeded here, each a string found
// nowhere else; admins do see them (checked too, so that the test can fail).
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateApiToken } from "@/lib/api-tokens/token";
import { generateCalendarToken } from "@/lib/calendar/token";
import { db } from "@/lib/db";
import { DatabaseFileStore } from "@/lib/files/store";
import { seedSampleData } from "../../prisma/seed";
import { type AppServer, startAppServer } from "./support/app-server";
import { type AppRoute, fillRoute, listAppRoutes } from "./support/routes";
import { sessionCookie } from "./support/session";

const CALLERS = [
  "signedOut",
  "forgedCookie",
  "official",
  "staffOther",
  "deputyToBe",
  "adminApiToken",
  "admin",
  // Issue 19: 王延峰（示例）, the sample proposal's first author, and the deputy of the unpublished
  // proposal only. Each reads their own proposal and nothing of the other's, by code or by id.
  "deputy",
  "deputyOther",
] as const;
type Caller = (typeof CALLERS)[number];

const tag = randomBytes(4).toString("hex");
/** Only admins may see these. */
const ADMIN_ONLY = {
  userEmail: `secret.keeper.${tag}@hidden.example`,
  banReason: `封存理由${tag}`,
  auditValue: `审计旧值${tag}`,
  tokenName: `机密令牌${tag}`,
  tokenPrefix: "",
  importFileName: `机密导入${tag}.xlsx`,
  /** What the export-progress route tells its owner of the admin's export. */
  exportItems: '"items":7654321',
  webhookName: `机密机器人${tag}`,
  /** What the link checker read on a page (the admin's list of changed links), and an allowed intranet host. */
  linkSnapshot: `内网页面摘录${tag}`,
  linkHost: `intranet-${tag}.example`,
};
/** Sent to nobody, admins included: a group bot's key (its address's query) and its signing secret. */
const NOBODY = { webhookKey: `botkey${tag}`, webhookSecret: `SECbot${tag}` };
/** Every signed-in user may see these; visitors without a valid session may not. */
const SIGNED_IN_ONLY = {
  unpublishedTitle: `未公开建议${tag}`,
  unpublishedRecommendation: `未公开条目${tag}`,
  sampleComment: "",
  /** Non-public evidence of the sample's recommendation: its deputy reads it, the other deputy not. */
  sampleEvidence: `内部佐证${tag}`,
};

let server: AppServer;
const cookies: Partial<Record<Caller, string>> = {};
let values: Record<string, string[]>;
/** An admin's read-only API token: it reads the API, never admin pages or another session's files. */
let adminApiToken: string;

beforeAll(async () => {
  await seedSampleData(db);
  const [admin, agency, theme, sample, comment] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } }),
    db.agency.findFirstOrThrow({ orderBy: { code: "asc" } }),
    db.theme.findFirstOrThrow(),
    db.proposal.findFirstOrThrow({
      orderBy: { code: "asc" },
      include: {
        recommendations: { include: { actions: { include: { evidence: true } } }, orderBy: { code: "asc" } },
      },
    }),
    db.statusUpdate.findFirstOrThrow({ where: { comment: { not: null } }, orderBy: { id: "asc" } }),
  ]);
  // A run of the comment's Chinese characters: what a page would print of it, whatever it escapes.
  SIGNED_IN_ONLY.sampleComment = /[\u4e00-\u9fff]{8,}/.exec(comment.comment ?? "")?.[0] ?? "";
  expect(SIGNED_IN_ONLY.sampleComment).not.toBe("");

  // The published sample proposal and, beside it, one that is not published.
  await db.proposal.update({ where: { id: sample.id }, data: { publishedAt: new Date() } });
  const secret = await db.proposal.create({
    data: {
      code: `HIDDEN-${tag}`,
      titleZh: SIGNED_IN_ONLY.unpublishedTitle,
      authorZh: "某代表",
      congressSessionZh: "示例会议",
      submittedAt: new Date("2025-01-10T00:00:00Z"),
      summaryZh: `未公开摘要${tag}`,
      recommendations: {
        create: {
          code: "S1",
          titleZh: SIGNED_IN_ONLY.unpublishedRecommendation,
          descriptionZh: `未公开描述${tag}`,
          sourceQuote: `未公开原文${tag}`,
          leadAgencyId: agency.id,
          themeId: theme.id,
          agencies: { create: { agencyId: agency.id, role: "lead" } },
        },
      },
    },
    include: { recommendations: true },
  });

  const hidden = await db.user.create({
    data: {
      email: ADMIN_ONLY.userEmail,
      name: `隐士${tag}`,
      role: "official",
      banned: true,
      banReason: ADMIN_ONLY.banReason,
    },
  });
  await db.auditEvent.create({
    data: {
      actorId: admin.id,
      action: "user.update",
      entityType: "user",
      entityId: hidden.id,
      before: { name: ADMIN_ONLY.auditValue },
      after: { name: `隐士${tag}` },
    },
  });
  const token = generateApiToken();
  ADMIN_ONLY.tokenPrefix = token.prefix;
  adminApiToken = token.token;
  await db.apiToken.create({
    data: {
      name: ADMIN_ONLY.tokenName,
      prefix: token.prefix,
      tokenHash: token.tokenHash,
      createdById: admin.id,
    },
  });
  await db.webhook.create({
    data: {
      name: ADMIN_ONLY.webhookName,
      platform: "dingtalk",
      url: `https://oapi.dingtalk.com/robot/send?access_token=${NOBODY.webhookKey}end1`,
      secret: NOBODY.webhookSecret,
      createdById: admin.id,
    },
  });
  const batch = await db.importBatch.create({
    data: { fileName: ADMIN_ONLY.importFileName, createdById: admin.id, rows: [] },
  });
  const job = await db.exportJob.create({
    data: {
      userId: admin.id,
      format: "csv",
      query: "format=csv",
      items: 7654321,
      batches: 1,
    },
  });
  await db.user.create({
    data: { email: `deputy.${tag}@matrix.test`, name: "王延峰", role: "official" },
  });
  // The unpublished proposal's own deputy, with the sample's password.
  const otherDeputy = await db.user.create({
    data: { email: `other.deputy.${tag}@matrix.test`, name: `另一代表${tag}`, role: "deputy" },
  });
  await db.account.create({
    data: {
      id: `matrix-other-${tag}`,
      accountId: otherDeputy.id,
      providerId: "credential",
      userId: otherDeputy.id,
      password: (
        await db.account.findFirstOrThrow({ where: { user: { email: "official@tracker.example" } } })
      ).password,
    },
  });
  await db.proposal.update({ where: { id: secret.id }, data: { authorUserId: otherDeputy.id } });
  const deputy = await db.user.findUniqueOrThrow({ where: { email: `deputy.${tag}@matrix.test` } });
  await db.account.create({
    data: {
      id: `matrix-${tag}`,
      accountId: deputy.id,
      providerId: "credential",
      userId: deputy.id,
      password: (
        await db.account.findFirstOrThrow({ where: { user: { email: "official@tracker.example" } } })
      ).password,
    },
  });

  // A working calendar feed (of the official, who follows nothing: its answer holds no item), beside
  // tokens no feed has. The feed's URL is its credential, whoever asks with it.
  const feed = generateCalendarToken();
  const official = await db.user.findUniqueOrThrow({ where: { email: "official@tracker.example" } });
  await db.calendarFeed.create({ data: { userId: official.id, tokenHash: feed.tokenHash } });

  const recommendation = sample.recommendations.find((rec) => rec.actions.some((a) => a.evidence.length));
  const action = recommendation?.actions.find((a) => a.evidence.length);
  if (!recommendation || !action) throw new Error("The sample has an action with evidence");
  const internal = await db.evidence.create({
    data: {
      recommendationId: recommendation.id,
      url: "https://example.org/internal",
      titleZh: SIGNED_IN_ONLY.sampleEvidence,
      isPublic: false,
    },
  });
  // Changed since cited, and not due (the app's own checks leave it alone).
  await db.linkCheck.create({
    data: {
      id: `ev:${internal.id}`,
      evidenceId: internal.id,
      url: internal.url ?? "",
      dueAt: new Date(Date.now() + 86_400_000),
      checkedAt: new Date(),
      outcome: "ok",
      httpStatus: 200,
      baselineHash: "a".repeat(64),
      textHash: "b".repeat(64),
      snapshot: ADMIN_ONLY.linkSnapshot,
    },
  });
  await db.appSetting.create({ data: { key: "linkChecks.allowedHosts", value: [ADMIN_ONLY.linkHost] } });
  const secretRecommendation = secret.recommendations[0];
  if (!secretRecommendation) throw new Error("unreachable");
  // Files whose content holds a secret: on the sample's non-public evidence (its deputy reads it, the
  // other deputy not) and on the unpublished proposal's evidence (the sample's deputy does not read
  // it); beside one on public evidence of the published sample, which everyone reads.
  const files: string[] = [];
  const attach = async (evidenceId: string, text: string) => {
    const key = `files/matrix-${files.length}-${tag}`;
    const bytes = Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
    await new DatabaseFileStore(db).write(key, [bytes]);
    const file = await db.storedFile.create({
      data: {
        evidenceId,
        name: `${text}.pdf`,
        mime: "application/pdf",
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
        storage: "database",
        storageKey: key,
        uploadedById: admin.id,
      },
    });
    files.push(file.id);
  };
  const internalEvidence = await db.evidence.findFirstOrThrow({
    where: { titleZh: SIGNED_IN_ONLY.sampleEvidence },
  });
  await attach(internalEvidence.id, SIGNED_IN_ONLY.sampleEvidence);
  const unpublishedEvidence = await db.evidence.create({
    data: { recommendationId: secretRecommendation.id, url: "https://example.org/u", titleZh: "未公开佐证" },
  });
  await attach(unpublishedEvidence.id, SIGNED_IN_ONLY.unpublishedRecommendation);
  const publicEvidence = await db.evidence.create({
    data: {
      recommendationId: recommendation.id,
      url: "https://example.org/p",
      titleZh: "公开佐证",
      isPublic: true,
    },
  });
  await attach(publicEvidence.id, "public");
  values = {
    proposalCode: [sample.code, secret.code],
    code: [sample.code, secret.code],
    recommendationCode: [recommendation.code, secretRecommendation.code],
    actionCode: [action.code],
    evidenceId: [action.evidence[0]?.id ?? ""],
    fileId: [...files, "no-such-file"],
    // import/[id], api/export/jobs/[id], api/v1/recommendations/[id]: every id goes to each.
    id: [batch.id, job.id, secretRecommendation.id],
    file: [`${sample.code}.csv`, `${sample.code}.json`, `${secret.code}.csv`, `${secret.code}.json`],
    rest: ["no-such-page"],
    token: [`${feed.token}.ics`, `${generateCalendarToken().token}.ics`, "x.ics"],
  };

  server = await startAppServer();
  cookies.forgedCookie = "tracker.session_token=x";
  const emails: Partial<Record<Caller, string>> = {
    official: "official@tracker.example",
    staffOther: "staff.kw@tracker.example",
    deputyToBe: deputy.email,
    admin: admin.email,
    deputy: "deputy.wang@tracker.example",
    deputyOther: otherDeputy.email,
  };
  for (const [caller, email] of Object.entries(emails))
    cookies[caller as Caller] = await sessionCookie(email);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** Query strings that make a route show its data, beside the bare path. */
const QUERIES: Record<string, (proposal: string) => string[]> = {
  "/api/export": (proposal) => [
    `?format=json&part=recommendations&proposal=${proposal}`,
    `?format=csv&part=evidence&proposal=${proposal}`,
  ],
  "/api/reports": (proposal) => [`?format=docx&proposal=${proposal}&locale=zh-CN`],
  "/[locale]/reports": (proposal) => [`?proposal=${proposal}`],
  "/[locale]/table": (proposal) => [`?proposal=${proposal}&q=${tag}`],
  "/[locale]/dashboard": (proposal) => [`?proposal=${proposal}`],
  "/api/v1/recommendations": (proposal) => [`?proposal=${proposal}`],
};

function requestsOf(route: AppRoute): { method: string; path: string }[] {
  // What a page leaks does not depend on its language: both only where admin data is.
  const locale = route.pattern.includes("/admin") ? ["zh-CN", "en"] : ["zh-CN"];
  const paths = fillRoute(route, { ...values, locale }).flatMap((path) => [
    path,
    ...(values.proposalCode ?? []).flatMap((code) =>
      (QUERIES[route.pattern]?.(code) ?? []).map((q) => path + q),
    ),
  ]);
  return route.methods.flatMap((method) => paths.map((path) => ({ method, path })));
}

/** What this caller must never be sent. */
function secretsFor(caller: Caller): string[] {
  if (caller === "admin") return Object.values(NOBODY);
  const adminOnly = [...Object.values(ADMIN_ONLY), ...Object.values(NOBODY)];
  if (caller === "signedOut" || caller === "forgedCookie")
    return [...adminOnly, ...Object.values(SIGNED_IN_ONLY)];
  // A deputy reads their own proposal only: the sample's deputy nothing of the unpublished one, its
  // deputy nothing of the sample's but what its public page shows (lib/auth/deputy-scope.ts).
  if (caller === "deputy")
    return [...adminOnly, SIGNED_IN_ONLY.unpublishedTitle, SIGNED_IN_ONLY.unpublishedRecommendation];
  if (caller === "deputyOther")
    return [...adminOnly, SIGNED_IN_ONLY.sampleComment, SIGNED_IN_ONLY.sampleEvidence];
  return adminOnly;
}

async function requestAll(caller: Caller) {
  const requests = listAppRoutes().flatMap(requestsOf);
  const results: { method: string; path: string; status: number; body: string; headers: Headers }[] = [];
  // A few at a time: the server has two cores to share with the tests.
  for (let i = 0; i < requests.length; i += 4) {
    const chunk = requests.slice(i, i + 4);
    results.push(
      ...(await Promise.all(
        chunk.map(async ({ method, path }) => {
          const response = await server.fetch(path, {
            method,
            cookie: cookies[caller],
            headers: {
              ...(method === "GET" ? {} : { origin: server.origin }),
              ...(caller === "adminApiToken" ? { authorization: `Bearer ${adminApiToken}` } : {}),
            },
          });
          const body = `${response.headers.get("location") ?? ""}\n${await response.text()}`;
          return { method, path, status: response.status, body, headers: response.headers };
        }),
      )),
    );
  }
  return results;
}

describe("the route matrix", () => {
  it("finds every page and route handler of app/", () => {
    const routes = listAppRoutes();
    expect(routes.find((route) => route.pattern === "/[locale]/admin/audit")?.kind).toBe("page");
    expect(routes.find((route) => route.pattern === "/api/import")?.methods).toEqual(["POST"]);
    expect(routes.find((route) => route.pattern === "/api/v1/recommendations/[id]")?.methods).toEqual([
      "GET",
    ]);
    expect(routes.length).toBeGreaterThanOrEqual(40);
  });

  it("shows admins the seeded secrets (so that the other callers' checks can fail)", async () => {
    const bodies = (await requestAll("admin")).map((result) => result.body).join("\n");
    const missing = Object.entries({ ...ADMIN_ONLY, ...SIGNED_IN_ONLY }).filter(
      ([, secret]) => !bodies.includes(secret),
    );
    expect(missing).toEqual([]);
    expect(secretsFor("admin").filter((secret) => bodies.includes(secret))).toEqual([]);
  }, 300_000);

  it.each(CALLERS.filter((caller) => caller !== "admin"))(
    "sends %s no data they may not see, and never a 5xx",
    async (caller) => {
      const results = await requestAll(caller);
      const secrets = secretsFor(caller);
      const leaks = results.flatMap(({ method, path, status, body }) =>
        secrets
          .filter((secret) => body.includes(secret))
          .map((secret) => `${method} ${path} (${status}): ${secret}`),
      );
      expect(leaks).toEqual([]);
      const failures = results.filter((result) => result.status >= 500).map((r) => `${r.method} ${r.path}`);
      expect(failures, server.output().slice(-4000)).toEqual([]);
      if (caller === "official" || caller === "deputyOther") {
        // Officials read every proposal, published or not, and the unpublished one's deputy reads
        // it: the visitors' and the other deputy's checks are not vacuous.
        expect(results.some((result) => result.body.includes(SIGNED_IN_ONLY.unpublishedTitle))).toBe(true);
      }
      if (caller === "deputy") {
        // The sample's deputy reads its items, non-public evidence included (not only its public page).
        expect(results.some((result) => result.body.includes(SIGNED_IN_ONLY.sampleEvidence))).toBe(true);
      }
    },
    300_000,
  );

  it("sends the security headers with every answer, and a page's nonce on each of its scripts", async () => {
    const results = [...(await requestAll("official")), ...(await requestAll("signedOut"))];
    const missing = results.flatMap(({ method, path, status, headers, body }) => {
      const wrong: string[] = [];
      if (headers.get("x-content-type-options") !== "nosniff") wrong.push("nosniff");
      if (!headers.get("referrer-policy")) wrong.push("Referrer-Policy");
      const policy = headers.get("content-security-policy") ?? "";
      if (!policy) wrong.push("Content-Security-Policy");
      if (!path.startsWith("/api/") && status === 200) {
        const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
        const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
        if (!nonce || scripts.length === 0 || scripts.some((tag) => !tag.includes(`nonce="${nonce}"`)))
          wrong.push("script nonce");
      }
      return wrong.map((what) => `${method} ${path} (${status}): ${what}`);
    });
    expect(missing).toEqual([]);
  }, 300_000);

  it("answers a signed-in non-admin's admin page with a 404", async () => {
    const response = await server.fetch("/zh-CN/admin/audit", { cookie: cookies.official });
    expect(response.status).toBe(404);
  });
});
