// Every page and route handler of app/ (read from the file system), requested over HTTP from the
// production build as a signed-in admin with naughty strings — the Big List of Naughty Strings and the
// inputs that once gave a 500 (NUL, year 0000, an impossible day, full-text syntax) — in each query
// parameter it reads (GET_PARAMETERS, taken from its parser) and in each dynamic segment of its path,
// and with malformed percent-escapes in the path (`%ff`, `%E0%A4%A`, `%`). No answer may be a 5xx.
//
// Sampled, deterministically, to keep to a minute or so per database: the API's parameters and segments
// get all the known cases and a slice of the list of their own; pages and the export, which are slower
// (a page renders, an export writes the whole file), the cases that broke them and one string each. The
// search itself gets every string of the list in naughty-search.test.ts, at the query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCalendarToken } from "@/lib/calendar/token";
import { db } from "@/lib/db";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { type AppServer, startAppServer } from "./support/app-server";
import { GET_PARAMETERS } from "./support/get-parameters";
import { KNOWN_BAD_INPUTS, NAUGHTY_STRINGS } from "./support/naughty-strings";
import { type AppRoute, fillRoute, listAppRoutes } from "./support/routes";
import { sessionCookie } from "./support/session";

/** Beyond the known cases: what SQLite's full-text syntax and PostgreSQL's LIKE make of a search. */
const SEARCH_SYNTAX = ['"', "*", "'", ")", "NEAR(", '"a" OR "b"', "a*", "%_\\", "^中文"];
const KNOWN = [...KNOWN_BAD_INPUTS, ...SEARCH_SYNTAX];
/** Written into the path as they are: escapes no decoder accepts, and NUL. */
const RAW_SEGMENTS = ["%ff", "%E0%A4%A", "%", "%.json", "%ff.json", "a%2", "%C0%AF", "%00", "a%00b"];
/**
 * Pages and the export read the same parsers as the API (lib/tracking/search-params.ts and the like)
 * but take a tenth of a second or more to answer: they get the cases that broke them and one string of
 * the list each; the rest of the API gets every known case and its own sixtieth of the list.
 */
const PAGE_CASES = ["\u0000", "a\u0000b", "0000-01-01", "2024-02-30", '"'];
const SLICES = 60;
const CONCURRENCY = 4;

let slice = 0;
const HEAVY = new Set(["/api/export"]);
const sample = (route: AppRoute) => {
  const own = slice++;
  if (route.kind === "page" || HEAVY.has(route.pattern))
    return [NAUGHTY_STRINGS[own % NAUGHTY_STRINGS.length] ?? "", ...PAGE_CASES];
  return [...NAUGHTY_STRINGS.filter((_, i) => i % SLICES === own % SLICES), ...KNOWN];
};
// A lone surrogate cannot be percent-encoded; it goes as the replacement character a browser sends.
const encode = (value: string) => encodeURIComponent(value.toWellFormed());

const routes = listAppRoutes().filter((route) => route.methods.includes("GET"));
let server: AppServer;
let cookie: string;
let values: Record<string, string[]>;

beforeAll(async () => {
  await seedSampleData(db);
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@tracker.example" } });
  const sample = await db.proposal.findFirstOrThrow({
    orderBy: { code: "asc" },
    include: {
      recommendations: { include: { actions: { include: { evidence: true } } }, orderBy: { code: "asc" } },
    },
  });
  await db.proposal.update({ where: { id: sample.id }, data: { publishedAt: new Date() } });
  const recommendation = sample.recommendations.find((rec) => rec.actions.some((a) => a.evidence.length));
  const action = recommendation?.actions.find((a) => a.evidence.length);
  if (!recommendation || !action) throw new Error("The sample has an action with evidence");
  const batch = await db.importBatch.create({ data: { fileName: "x.csv", createdById: admin.id, rows: [] } });
  values = {
    locale: ["zh-CN"],
    proposalCode: [sample.code],
    code: [sample.code],
    recommendationCode: [recommendation.code],
    actionCode: [action.code],
    evidenceId: [action.evidence[0]?.id ?? ""],
    id: [batch.id],
    fileId: ["no-such-file"],
    file: [`${sample.code}.json`],
    rest: ["no-such-page"],
    token: [`${generateCalendarToken().token}.ics`],
  };
  server = await startAppServer();
  cookie = await sessionCookie(admin.email, SAMPLE_PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

/** The paths a route is requested at: naughty query values, then naughty and malformed segments. */
function pathsOf(route: AppRoute): string[] {
  const [base = route.pattern] = fillRoute(route, values);
  const paths = [base];
  for (const parameter of GET_PARAMETERS[route.pattern] ?? []) {
    for (const naughty of sample(route)) paths.push(`${base}?${parameter}=${encode(naughty)}`);
  }
  for (const segment of route.params) {
    const naughtySegments = [...sample(route).map(encode), ...RAW_SEGMENTS];
    for (const value of naughtySegments) {
      const [path] = fillRoute(route, { ...values, [segment]: [value] });
      if (path) paths.push(path);
    }
  }
  return paths;
}

async function requestAll(paths: string[]): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++] as string;
      const response = await server.fetch(path, { cookie });
      await response.arrayBuffer();
      if (response.status >= 500) failures.push(`${response.status} ${path}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return failures;
}

describe("every page and route, with naughty strings in every parameter and path segment", () => {
  it("knows the parameters of every page and route (add a new one to GET_PARAMETERS)", () => {
    expect(routes.map((route) => route.pattern).sort()).toEqual(Object.keys(GET_PARAMETERS).sort());
  });

  it("answers the cases that once gave a 500 with a 400 or a 404", async () => {
    const cases = [
      "/api/v1/summary?asOf=0000-01-01",
      "/api/v1/recommendations/%ff",
      "/api/v1/recommendations/%00",
      "/api/v1/recommendations?q=a%00b",
      "/api/v1/recommendations?proposal=%00",
      "/api/export?format=csv&q=%00abc",
      "/api/export/jobs/%ff",
      "/api/public/%.json",
      "/api/reports?proposal=LLM-2024&asOf=0000-01-01&format=pdf",
      "/zh-CN/public/%E0%A4%A",
      "/zh-CN/proposals/%ff",
      "/zh-CN/table?q=a%00bcd",
      "/zh-CN/dashboard?asOf=0000-01-01",
      "/zh-CN/dashboard?to=0001-01-01",
    ];
    const statuses = await Promise.all(
      cases.map(async (path) => {
        const response = await server.fetch(path, { cookie });
        const body = await response.text();
        return [path, response.status, /^\/api\//.test(path) && response.status === 400 ? body : ""];
      }),
    );
    for (const [path, status] of statuses) expect([200, 400, 404], String(path)).toContain(status);
    // The API says what is wrong, in its error shape and in Chinese by default.
    const malformed = statuses.find(([path]) => path === "/api/v1/recommendations/%ff");
    expect(JSON.parse(String(malformed?.[2])).error.message).toMatch(/百分号编码/);
    const nul = statuses.find(([path]) => path === "/api/v1/recommendations?q=a%00b");
    expect(JSON.parse(String(nul?.[2])).error.issues).toEqual([
      { parameter: "q", message: "不能包含控制字符（如 NUL）。" },
    ]);
  }, 60_000);

  it.each(routes.map((route) => [route.pattern, route] as const))(
    "%s: no 5xx",
    async (_pattern, route) => {
      const failures = await requestAll(pathsOf(route));
      expect(failures, server.output().slice(-4000)).toEqual([]);
    },
    180_000,
  );
});
