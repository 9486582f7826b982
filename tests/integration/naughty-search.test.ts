// The search and the filters with text that once broke them: SQLite's full-text syntax ("unterminated
// string" from a quote or NUL), and NUL in any text PostgreSQL is asked to compare ("invalid byte
// sequence for encoding UTF8: 0x00"). The queries themselves, on both databases, then the API's answer.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRecommendations } from "@/app/api/v1/recommendations/route";
import { GET as summary } from "@/app/api/v1/summary/route";
import { db } from "@/lib/db";
import { getTrackingPage } from "@/lib/tracking/queries";
import { itemFilters, parseTrackingParams } from "@/lib/tracking/search-params";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { NAUGHTY_STRINGS } from "./support/naughty-strings";
import { sessionCookie } from "./support/session";

const SEARCH_SYNTAX = [
  '"',
  "*",
  "'",
  ")",
  "(",
  "NEAR(",
  "NEAR(a b)",
  '"a" OR "b"',
  "a*",
  "^",
  "-",
  ":",
  "{",
  "''",
  '*)"',
];
const TITLE = `他说"开源*(NEAR)'必须"`;
let cookie: string;

beforeAll(async () => {
  await seedSampleData(db);
  const action = await db.action.findFirstOrThrow({ orderBy: { code: "asc" } });
  await db.action.update({ where: { id: action.id }, data: { titleZh: TITLE } });
  cookie = await sessionCookie("official@tracker.example", SAMPLE_PASSWORD);
});

describe("searching for naughty text", () => {
  it("matches text with full-text syntax in it as typed", async () => {
    for (const q of ['"开源*(', "*(NEAR)'", `源*(NEAR)'必`, '"', "'", ")"]) {
      const page = await getTrackingPage(db, parseTrackingParams({ kind: "action", q, perPage: "100" }));
      expect(
        page.rows.map((row) => row.titleZh),
        q,
      ).toContain(TITLE);
    }
  });

  it.each([
    ["the full-text syntax", SEARCH_SYNTAX],
    ["every naughty string", NAUGHTY_STRINGS],
  ])("never fails on %s", async (_name, strings) => {
    for (const q of strings) {
      for (const kind of ["recommendation", "action"]) {
        const params = parseTrackingParams({ kind, q });
        await expect(getTrackingPage(db, params), JSON.stringify(q)).resolves.toHaveProperty("rows");
      }
    }
  });
});

describe("NUL in a filter", () => {
  const FIELDS = ["q", "proposal", "theme", "agency", "leadAgency", "recommendation"];

  it("is left out by the pages and refused by the API's parser, before any database sees it", async () => {
    for (const field of FIELDS) {
      for (const value of ["\u0000", "a\u0000b", "开源\u0000"]) {
        const page = await getTrackingPage(db, parseTrackingParams({ [field]: value }));
        expect(page.total).toBeGreaterThan(0);
        expect(itemFilters.safeParse({ [field]: value }).error?.issues[0]?.message).toBe("controlCharacters");
      }
    }
  });

  it("gets a 400 from the API that names the parameter, in the caller's language", async () => {
    for (const field of FIELDS) {
      const request = new Request(`http://tracker.test/api/v1/recommendations?${field}=a%00b`, {
        headers: { cookie, "accept-language": "en" },
      });
      const response = await listRecommendations(request, { params: Promise.resolve({}) });
      expect(response.status, field).toBe(400);
      expect((await response.json()).error.issues).toEqual([
        { parameter: field, message: "Must not contain control characters (such as NUL)." },
      ]);
    }
  });

  it("and a day of year 0000 gets a 400 too, not a 500", async () => {
    for (const query of ["asOf=0000-01-01", "dueFrom=0000-01-01", "to=0001-01-01", "from=2024-02-30"]) {
      const response = await summary(
        new Request(`http://tracker.test/api/v1/summary?${query}`, { headers: { cookie } }),
        {
          params: Promise.resolve({}),
        },
      );
      expect(response.status, query).toBe(400);
    }
  });
});
