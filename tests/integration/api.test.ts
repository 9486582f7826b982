// The read API: authentication, the recommendation endpoint called as Next calls a route handler,
// parameter errors, and the OpenAPI document generated from the routes' schemas.
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as getOpenApiDocument } from "@/app/api/v1/openapi.json/route";
import { GET as getRecommendation } from "@/app/api/v1/recommendations/[id]/route";
import { apiGet } from "@/lib/api/handler";
import { buildOpenApiDocument, defineApiRoute } from "@/lib/api/openapi";
import { commaList } from "@/lib/api/params";
import { recommendationDetailSchema } from "@/lib/api/recommendation-detail";
import { generateApiToken } from "@/lib/api-tokens/token";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { ItemStatus } from "@/lib/db/enums";
import { authenticateRequest } from "@/lib/http/caller";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
const BASE = "http://127.0.0.1/api/v1";

let token: string;
let revokedToken: string;
let officialCookie: string;
let r3: { id: string };

beforeAll(async () => {
  await seedSampleData(db);
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
  const make = async (revoked: boolean) => {
    const made = generateApiToken();
    await db.apiToken.create({
      data: {
        name: revoked ? "已吊销" : "报表系统",
        prefix: made.prefix,
        tokenHash: made.tokenHash,
        createdById: admin.id,
        ...(revoked ? { revokedAt: new Date(), revokedById: admin.id } : {}),
      },
    });
    return made.token;
  };
  token = await make(false);
  revokedToken = await make(true);
  const { headers } = await auth.api.signInEmail({
    body: { email: "official@tracker.example", password: SAMPLE_PASSWORD },
    headers: new Headers(),
    returnHeaders: true,
  });
  officialCookie = headers.get("set-cookie")?.split(";")[0] ?? "";
  r3 = await db.recommendation.findFirstOrThrow({ where: { code: "R3", proposal: { code: "LLM-2024" } } });
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

function fetchRecommendation(id: string, headers: Record<string, string> = bearer(token), query = "") {
  return getRecommendation(new Request(`${BASE}/recommendations/${id}${query}`, { headers }), {
    params: Promise.resolve({ id }),
  });
}

type ErrorBody = {
  error: { code: string; message: string; issues?: { parameter: string; message: string }[] };
};

describe("authenticateRequest", () => {
  const call = (headers: Record<string, string>) =>
    authenticateRequest(new Request(`${BASE}/anything`, { headers }));

  it("accepts an API token", async () => {
    expect(await call(bearer(token))).toMatchObject({ kind: "token", tokenName: "报表系统" });
    expect(await call({ authorization: `bearer  ${token}` })).toMatchObject({ kind: "token" });
  });

  it("accepts the session cookie of a signed-in user", async () => {
    expect(await call({ cookie: officialCookie })).toMatchObject({ kind: "session", role: "official" });
  });

  it("answers 401 in JSON without credentials, in the caller's language", async () => {
    const response = await call({});
    if (!(response instanceof Response)) throw new Error("accepted");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.message).toContain("API 令牌");

    const english = await call({ "accept-language": "en-US,en;q=0.9" });
    if (!(english instanceof Response)) throw new Error("accepted");
    expect(((await english.json()) as ErrorBody).error.message).toMatch(
      /^Sign in, or send a valid API token/,
    );
  });

  it("answers 401 to a revoked, unknown or malformed token, even beside a valid cookie", async () => {
    for (const headers of [
      bearer(revokedToken),
      bearer(`pt_${"x".repeat(43)}`),
      { authorization: `Basic ${btoa("a:b")}` },
      { ...bearer(revokedToken), cookie: officialCookie },
    ]) {
      const response = await call(headers);
      if (!(response instanceof Response)) throw new Error(`accepted ${JSON.stringify(headers)}`);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      expect(((await response.json()) as ErrorBody).error.message).toBe("API 令牌无效、已吊销或已过期。");
    }
  });
});

describe("GET /api/v1/recommendations/{id}", () => {
  it("answers the recommendation with its actions, evidence and history", async () => {
    const withdrawn = await db.evidence.create({
      data: {
        recommendationId: r3.id,
        url: "https://example.org/wrong",
        titleZh: "误加的链接",
        withdrawnAt: new Date(),
        withdrawnReason: "链接有误",
      },
    });
    const response = await fetchRecommendation(r3.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toContain("application/json");
    const body = recommendationDetailSchema.parse(await response.json());

    expect(body).toMatchObject({ id: r3.id, code: "R3", proposal: { code: "LLM-2024", isSample: true } });
    expect(body.agencies.filter((agency) => agency.role === "lead")).toHaveLength(1);
    expect(body.actions.map((action) => action.code)).toEqual(["R3.1", "R3.2", "R3.3"]);
    expect(body.actions.every((action) => action.agencies.length > 0)).toBe(true);
    expect(body.evidence.find((item) => item.id === withdrawn.id)).toMatchObject({
      withdrawn: true,
      withdrawnReason: "链接有误",
      actionCode: null,
    });
    expect(body.evidence.some((item) => !item.withdrawn && item.actionCode === "R3.2")).toBe(true);

    const rows = await db.statusUpdate.count({
      where: {
        OR: [{ recommendationId: r3.id }, { action: { recommendationId: r3.id } }],
        rollUpOfId: null,
      },
    });
    expect(body.history).toHaveLength(rows);
    expect(body.history.every((entry) => /^\d{4}-\d{2}-\d{2}$/.test(entry.effectiveDate))).toBe(true);
    expect(body.history.some((entry) => entry.author?.name)).toBe(true);
    expect(body.history.some((entry) => entry.item.kind === "action" && entry.rolledUp)).toBe(true);
    expect(body.history.some((entry) => entry.evidence.length > 0)).toBe(true);
    const effective = body.history.map((entry) => entry.effectiveDate);
    expect(effective).toEqual([...effective].sort().reverse());
  });

  it("writes calendar dates as Shanghai dates and instants in UTC", async () => {
    await db.recommendation.update({
      where: { id: r3.id },
      data: { dueDate: new Date("2025-06-29T16:00:00Z"), repliedAt: new Date("2024-05-31T16:00:00Z") },
    });
    const body = recommendationDetailSchema.parse(await (await fetchRecommendation(r3.id)).json());
    expect(body.dueDate).toBe("2025-06-30");
    expect(body.reply.repliedAt).toBe("2024-06-01");
    expect(body.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it("answers with a signed-in session too", async () => {
    expect((await fetchRecommendation(r3.id, { cookie: officialCookie })).status).toBe(200);
  });

  it("answers 404 in JSON for an unknown id", async () => {
    const response = await fetchRecommendation("no-such-id");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "没有 ID 为 no-such-id 的建议条目。" },
    });
    const english = await fetchRecommendation("no-such-id", { ...bearer(token), "accept-language": "en" });
    expect(((await english.json()) as ErrorBody).error.message).toBe(
      "There is no recommendation with the id no-such-id.",
    );
  });

  it("answers 401 without credentials, before looking anything up", async () => {
    const response = await fetchRecommendation("no-such-id", {});
    expect(response.status).toBe(401);
    expect(((await response.json()) as ErrorBody).error.code).toBe("unauthorized");
  });

  it("answers 400 to a parameter it does not know", async () => {
    const response = await fetchRecommendation(r3.id, bearer(token), "?include=all");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "invalid_parameter",
        message: "请求参数无效。",
        issues: [{ parameter: "include", message: "不支持此参数。" }],
      },
    });
  });
});

// A list endpoint as the tracking table's would be declared: parameters parsed, refused and documented.
const listRoute = defineApiRoute({
  path: "/api/v1/things",
  operationId: "listThings",
  summary: "Things",
  public: true,
  query: z.object({
    page: z.coerce.number().int().min(1).default(1).describe("Page number, from 1."),
    perPage: z.coerce.number().int().min(1).max(100).default(25),
    status: commaList(z.enum(ItemStatus)).optional().describe("Statuses, comma-separated."),
    asOf: z.iso.date().optional(),
    q: z.string().max(5).optional(),
  }),
  response: z.object({ received: z.unknown() }),
  responseDescription: "What the handler received.",
});
const listThings = apiGet(listRoute, async ({ query }) => ({ received: query }));
const callList = async (query: string, headers: Record<string, string> = {}) => {
  const response = await listThings(new Request(`${BASE}/things${query}`, { headers }), {
    params: Promise.resolve({}),
  });
  return { status: response.status, body: (await response.json()) as ErrorBody & { received: unknown } };
};

describe("query parameters", () => {
  it("reach the handler parsed, with defaults; lists by commas or repeated", async () => {
    expect((await callList("")).body.received).toEqual({ page: 1, perPage: 25 });
    expect((await callList("?page=2&status=in_progress,stalled&asOf=2024-06-30&q=")).body.received).toEqual({
      page: 2,
      perPage: 25,
      status: ["in_progress", "stalled"],
      asOf: "2024-06-30",
    });
    expect((await callList("?status=in_progress&status=completed")).body.received).toMatchObject({
      status: ["in_progress", "completed"],
    });
  });

  it("are refused with a 400 naming each parameter and what is wrong, in words", async () => {
    const { status, body } = await callList("?page=0&perPage=abc&status=done&asOf=2024-02-30&q=toolong&x=1");
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_parameter");
    expect(body.error.issues).toEqual([
      { parameter: "page", message: "不能小于 1。" },
      { parameter: "perPage", message: "须为数字。" },
      {
        parameter: "status",
        message: "须为以下值之一：not_started, in_progress, completed, stalled, not_adopted。",
      },
      { parameter: "asOf", message: "须为有效日期，格式为 YYYY-MM-DD。" },
      { parameter: "q", message: "长度不能超过 5 个字符。" },
      { parameter: "x", message: "不支持此参数。" },
    ]);
    const english = await callList("?page=1.5&perPage=101", { "accept-language": "en" });
    expect(english.body.error.issues).toEqual([
      { parameter: "page", message: "Must be a whole number." },
      { parameter: "perPage", message: "Must be at most 100." },
    ]);
  });

  it("are documented from the same schema", () => {
    const document = buildOpenApiDocument([listRoute]);
    const parameters = document.paths["/api/v1/things"]?.get as { parameters: unknown[] };
    expect(parameters.parameters).toEqual([
      {
        name: "page",
        in: "query",
        required: false,
        description: "Page number, from 1.",
        schema: { type: "integer", minimum: 1, default: 1 },
      },
      {
        name: "perPage",
        in: "query",
        required: false,
        schema: { type: "integer", minimum: 1, maximum: 100, default: 25 },
      },
      {
        name: "status",
        in: "query",
        required: false,
        description: "Statuses, comma-separated.",
        schema: { type: "array", items: { type: "string", enum: Object.values(ItemStatus) } },
        style: "form",
        explode: false,
      },
      { name: "asOf", in: "query", required: false, schema: { type: "string", format: "date" } },
      { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 5 } },
    ]);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is public, OpenAPI 3.1, and describes every route with resolvable references", async () => {
    const response = await getOpenApiDocument(new Request(`${BASE}/openapi.json`), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, { get: { parameters: { name: string; in: string }[]; responses: object } }>;
      components: { securitySchemes: object; schemas: Record<string, { type?: string }> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["bearerToken", "sessionCookie"]);
    const detail = document.paths["/api/v1/recommendations/{id}"]?.get;
    expect(detail?.parameters).toEqual([
      expect.objectContaining({ name: "id", in: "path", required: true, schema: expect.any(Object) }),
    ]);
    expect(Object.keys(detail?.responses ?? {}).sort()).toEqual(["200", "400", "401", "404"]);
    expect(document.paths["/api/v1/openapi.json"]?.get).toMatchObject({ security: [] });
    expect(document.components.schemas.RecommendationDetail?.type).toBe("object");
    expect(document.components.schemas.Error?.type).toBe("object");

    const references = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map((match) => match[1]);
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas[reference?.split("/").pop() ?? ""], reference).toBeDefined();
    }
  });
});
