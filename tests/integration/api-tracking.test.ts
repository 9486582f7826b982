// GET /api/v1/recommendations and GET /api/v1/summary, called as Next calls a route handler, against
// the queries the table and the dashboard use.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRecommendations } from "@/app/api/v1/recommendations/route";
import { GET as getSummary } from "@/app/api/v1/summary/route";
import { generateApiToken } from "@/lib/api-tokens/token";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { seedSampleData } from "../../prisma/seed";

const BASE = "http://127.0.0.1/api/v1";
let headers: Record<string, string>;

beforeAll(async () => {
  await seedSampleData(db);
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
  const made = generateApiToken();
  await db.apiToken.create({
    data: { name: "报表系统", prefix: made.prefix, tokenHash: made.tokenHash, createdById: admin.id },
  });
  headers = { authorization: `Bearer ${made.token}` };
});

const noParams = { params: Promise.resolve({}) };
const list = (query: string, extra: Record<string, string> = {}) =>
  listRecommendations(
    new Request(`${BASE}/recommendations?${query}`, { headers: { ...headers, ...extra } }),
    noParams,
  );
const summary = (query: string) => getSummary(new Request(`${BASE}/summary?${query}`, { headers }), noParams);

type ErrorBody = {
  error: { code: string; message: string; issues: { parameter: string; message: string }[] };
};

describe("GET /api/v1/recommendations", () => {
  it("answers the table's rows for the same filters, sorting and paging", async () => {
    const response = await list("kind=action&q=开源&sort=progress&dir=desc&perPage=3&page=2");
    expect(response.status).toBe(200);
    const body = await response.json();
    const page = await getTrackingPage(
      db,
      parseTrackingParams({ kind: "action", q: "开源", sort: "progress", dir: "desc", perPage: "25" }),
    );
    expect(body.total).toBe(page.total);
    expect(body.pageCount).toBe(Math.ceil(page.total / 3));
    expect(body.items.map((item: { code: string }) => item.code)).toEqual(
      page.rows.slice(3, 6).map((row) => row.code),
    );
    expect(body.items[0]).toMatchObject({ kind: "action", proposalCode: "LLM-2024" });
    expect(body.items[0].dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("answers the state as of a past day", async () => {
    const body = await (await list("asOf=2025-06-30&perPage=100")).json();
    expect(body.asOf).toBe("2025-06-30");
    expect(body.items.filter((item: { status: string }) => item.status === "completed")).toEqual([]);
  });

  it("refuses bad parameters with a 400 that names each one, in the caller's language", async () => {
    const response = await list("perPage=1000&status=done&asOf=2999-01-01&dueFrom=2025-02-30&colour=red", {
      "accept-language": "en",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe("invalid_parameter");
    const issues = Object.fromEntries(body.error.issues.map((issue) => [issue.parameter, issue.message]));
    expect(Object.keys(issues).sort()).toEqual(["asOf", "colour", "dueFrom", "perPage", "status"]);
    expect(issues.asOf).toBe("Must not be after today.");
    expect(issues.dueFrom).toBe("Must be a valid date, YYYY-MM-DD.");
    expect(issues.perPage).toMatch(/100/);

    const zh = (await (await list("health=green")).json()) as ErrorBody;
    expect(zh.error.issues[0]?.message).toMatch(/须为以下值之一/);
  });

  it("answers 401 without credentials", async () => {
    const response = await listRecommendations(new Request(`${BASE}/recommendations`), noParams);
    expect(response.status).toBe(401);
  });
});

describe("GET /api/v1/summary", () => {
  it("answers the dashboard's figures, now and as of a past day", async () => {
    const queries: Record<string, string>[] = [
      {},
      { asOf: "2025-06-30" },
      { kind: "action", health: "overdue" },
    ];
    for (const query of queries) {
      const response = await summary(new URLSearchParams(query).toString());
      expect(response.status).toBe(200);
      const body = await response.json();
      const dashboard = await getDashboard(db, parseDashboardParams(query));
      expect(body.headline).toEqual(dashboard.headline);
      expect(body.health).toEqual(dashboard.health);
      expect(body.timeline).toEqual(dashboard.timeline);
      expect(body.asOf).toBe(query.asOf ?? null);
      expect(body.changes.length).toBe(dashboard.changes.length);
    }
  });

  it("refuses a period that is not a date, ends in the future or ends before it starts", async () => {
    for (const query of ["from=last-year", "to=2999-01-01", "from=2026-01-01&to=2025-01-01"]) {
      const response = await summary(query);
      expect(response.status, query).toBe(400);
      const issue = ((await response.json()) as ErrorBody).error.issues[0];
      expect(issue?.parameter, query).toBe(query.startsWith("to") ? "to" : "from");
      expect(issue?.message, query).not.toBe("");
    }
  });
});
