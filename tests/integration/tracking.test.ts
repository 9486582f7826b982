// The tracking table's query against a brute-force filter of the same rows.
import { beforeAll, describe, expect, it } from "vitest";
import { shanghaiToday } from "@/lib/dates";
import { db } from "@/lib/db";
import { isOverdue } from "@/lib/recommendations/overdue";
import { getTrackingPage } from "@/lib/tracking/queries";
import { parseTrackingParams } from "@/lib/tracking/search-params";
import { seedSampleData } from "../../prisma/seed";

beforeAll(async () => {
  await seedSampleData(db);
});

describe("tracking table query", () => {
  it("finds Chinese substrings in titles, descriptions and evidence titles", async () => {
    const q = "开源";
    const actions = await db.action.findMany({ include: { evidence: true } });
    const expected = actions
      .filter(
        (a) =>
          a.titleZh.includes(q) ||
          (a.descriptionZh ?? "").includes(q) ||
          a.evidence.some((e) => e.titleZh.includes(q)),
      )
      .map((a) => a.code)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    const page = await getTrackingPage(db, parseTrackingParams({ kind: "action", q, perPage: "100" }));
    expect(page.rows.map((row) => row.code).sort()).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it("combines status, overdue and agency filters, and counts every match across pages", async () => {
    const agency = await db.agency.findFirstOrThrow({ where: { code: "STCSM" } });
    const params = parseTrackingParams({
      kind: "action",
      status: "in_progress,stalled",
      agency: agency.id,
      perPage: "25",
    });
    const all = await db.action.findMany({ include: { agencies: true } });
    const expected = all.filter(
      (a) =>
        ["in_progress", "stalled"].includes(a.status) && a.agencies.some((x) => x.agencyId === agency.id),
    );
    const page = await getTrackingPage(db, params);
    expect(page.total).toBe(expected.length);

    const today = shanghaiToday();
    const overdue = await getTrackingPage(
      db,
      parseTrackingParams({ kind: "action", overdue: "1", perPage: "100" }),
    );
    expect(overdue.total).toBe(all.filter((a) => isOverdue(a, today)).length);
  });

  it("sorts and pages on the server", async () => {
    const first = await getTrackingPage(
      db,
      parseTrackingParams({ kind: "action", sort: "progress", dir: "desc", perPage: "25" }),
    );
    const progress = first.rows.map((row) => row.progress);
    expect(progress).toEqual([...progress].sort((a, b) => b - a));
    const second = await getTrackingPage(
      db,
      parseTrackingParams({ kind: "action", page: "2", perPage: "25" }),
    );
    expect(first.total).toBe(await db.action.count());
    expect(second.rows.length).toBe(Math.max(0, first.total - 25));
  });

  it("keeps the search index current as titles change and evidence is added", async () => {
    const search = async (q: string) =>
      (await getTrackingPage(db, parseTrackingParams({ kind: "action", q, perPage: "100" }))).rows.map(
        (row) => row.code,
      );
    const action = await db.action.findFirstOrThrow({ where: { code: "R2.1" } });
    // Two characters (scanned), three or more (trigram index), and LIKE's wildcards taken literally.
    for (const q of ["骆驼", "骆驼祥子", "50%_折"]) expect(await search(q)).toEqual([]);

    await db.action.update({ where: { id: action.id }, data: { titleZh: "骆驼祥子计划 50%_折扣" } });
    expect(await search("骆驼")).toEqual(["R2.1"]);
    expect(await search("骆驼祥子")).toEqual(["R2.1"]);
    expect(await search("50%_折")).toEqual(["R2.1"]);
    expect(await search("50%折")).toEqual([]);

    await db.action.update({ where: { id: action.id }, data: { titleZh: "另一个名称" } });
    expect(await search("骆驼祥子")).toEqual([]);

    await db.evidence.create({
      data: { actionId: action.id, url: "https://example.org/x", titleZh: "茶馆话剧演出纪要" },
    });
    expect(await search("话剧演出")).toEqual(["R2.1"]);
    expect(await search("话剧")).toEqual(["R2.1"]);
    expect(await search("茶")).toEqual(["R2.1"]);
    // At the very end of a text too.
    expect(await search("纪要")).toEqual(["R2.1"]);
    expect(await search("要")).toContain("R2.1");
  });

  it("finds a single character that begins more trigrams than the index is asked for", async () => {
    const action = await db.action.findFirstOrThrow({ where: { code: "R3.1" } });
    const characters = Array.from({ length: 250 }, (_, index) => String.fromCodePoint(0x4e00 + index));
    await db.evidence.createMany({
      data: characters.map((character) => ({
        actionId: action.id,
        url: "https://example.org/y",
        titleZh: `鼋${character}报道`,
      })),
    });
    // Its trigram sorts after all of those above: a search through only the first ones would miss it.
    const other = await db.action.findFirstOrThrow({ where: { code: "R2.2" } });
    await db.evidence.create({
      data: { actionId: other.id, url: "https://example.org/z", titleZh: "鼋龥纪念" },
    });
    const page = await getTrackingPage(db, parseTrackingParams({ kind: "action", q: "鼋", perPage: "100" }));
    expect(page.rows.map((row) => row.code).sort()).toEqual(["R2.2", "R3.1"]);
  });
});
