// The sample must stay honest: quotes traceable to the source text, evidence only on real public
// pages, and histories that make sense.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { replyDueDate } from "../lib/recommendations/reply-clock";
import { SAMPLE_CONTACTS } from "./sample-contacts";
import {
  deriveRecommendationHistory,
  SAMPLE_AGENCIES,
  SAMPLE_EVIDENCE,
  SAMPLE_PROPOSAL,
  SAMPLE_RECOMMENDATIONS,
  SAMPLE_THEMES,
  SAMPLE_USERS,
} from "./sample-data";

const source = readFileSync(new URL("./sample-source.txt", import.meta.url), "utf8");

// The public pages the domain brief lists as known to exist; the sample may cite no others.
const KNOWN_PUBLIC_PAGES = new Set([
  "https://github.com/SJTU-IPADS/PowerInfer",
  "https://github.com/chaoyi-wu/RadFM",
  "https://github.com/InternLM/InternLM",
  "https://github.com/open-compass/opencompass",
  "https://opendatalab.com",
  "https://www.shlab.org.cn",
  "https://tpc.dev",
]);

describe("the sample proposal", () => {
  it("is the 2024 proposal named in the source", () => {
    expect(source).toContain(`《${SAMPLE_PROPOSAL.titleZh}》`);
    expect(source).toContain(SAMPLE_PROPOSAL.authorZh);
    expect(SAMPLE_PROPOSAL.isSample).toBe(true);
    expect(SAMPLE_PROPOSAL.officialNumber).toBeNull();
  });

  it("has the eight recommendations R1–R8, each quoting the source word for word", () => {
    expect(SAMPLE_RECOMMENDATIONS.map((rec) => rec.code)).toEqual([
      "R1",
      "R2",
      "R3",
      "R4",
      "R5",
      "R6",
      "R7",
      "R8",
    ]);
    for (const rec of SAMPLE_RECOMMENDATIONS) {
      expect(rec.sourceQuote.length, rec.code).toBeGreaterThan(20);
      expect(source.includes(rec.sourceQuote), `${rec.code} quote is not in the source`).toBe(true);
    }
  });

  it("gives each recommendation 2–4 actions with unique codes, known agencies and a theme", () => {
    const agencies = new Set(SAMPLE_AGENCIES.map((agency) => agency.code));
    const themes = new Set(SAMPLE_THEMES.map((theme) => theme.code));
    const codes = new Set<string>();
    for (const rec of SAMPLE_RECOMMENDATIONS) {
      expect(rec.actions.length, rec.code).toBeGreaterThanOrEqual(2);
      expect(rec.actions.length, rec.code).toBeLessThanOrEqual(4);
      expect(themes.has(rec.themeCode), rec.code).toBe(true);
      for (const item of [rec, ...rec.actions]) {
        expect(codes.has(item.code), item.code).toBe(false);
        codes.add(item.code);
        expect(agencies.has(item.leadAgencyCode), item.code).toBe(true);
        for (const co of item.coAgencyCodes)
          expect(agencies.has(co) && co !== item.leadAgencyCode, item.code).toBe(true);
        expect(item.dueDate >= item.startDate, item.code).toBe(true);
      }
    }
  });

  it("keeps the statutory reply clock: due 3 months after assignment", () => {
    for (const rec of SAMPLE_RECOMMENDATIONS)
      expect(rec.replyDueAt, rec.code).toBe(replyDueDate(rec.assignedAt));
  });

  it("has ordered histories between 2024-02 and 2026-11, with 0 % not started and 100 % completed", () => {
    for (const action of SAMPLE_RECOMMENDATIONS.flatMap((rec) => rec.actions)) {
      const dates = action.history.map((entry) => entry.effectiveDate);
      expect([...dates].sort(), action.code).toEqual(dates);
      expect(dates.length, action.code).toBeGreaterThan(0);
      expect(
        dates.every((date) => date >= "2024-02-01" && date <= "2026-11-30"),
        action.code,
      ).toBe(true);
      for (const entry of action.history) {
        if (entry.status === "completed") expect(entry.progress, action.code).toBe(100);
        if (entry.status === "not_started") expect(entry.progress, action.code).toBe(0);
      }
    }
  });

  it("derives recommendation histories in which every entry is a change", () => {
    for (const rec of SAMPLE_RECOMMENDATIONS) {
      const derived = deriveRecommendationHistory(rec.actions);
      expect(derived.length, rec.code).toBeGreaterThan(0);
      derived.slice(1).forEach((after, i) => {
        const before = derived[i];
        expect(before?.status !== after.status || before?.progress !== after.progress, rec.code).toBe(true);
      });
    }
  });
});

describe("sample evidence", () => {
  it("points only to the known real public pages", () => {
    for (const evidence of SAMPLE_EVIDENCE)
      expect(KNOWN_PUBLIC_PAGES.has(evidence.url), evidence.url).toBe(true);
  });

  it("and so do the sample's contact records: no invented source passes for a real one", () => {
    for (const contact of SAMPLE_CONTACTS)
      for (const url of contact.links) expect(KNOWN_PUBLIC_PAGES.has(url), url).toBe(true);
  });

  it("cites no other web address anywhere in the sample's files", () => {
    for (const file of [
      "sample-data.ts",
      "sample-contacts.ts",
      "sample-cycle.ts",
      "sample-comments.ts",
      "sample-rating.ts",
    ]) {
      const text = readFileSync(new URL(`./${file}`, import.meta.url), "utf8");
      for (const url of text.match(/https?:\/\/[^\s"'`)]+/g) ?? [])
        expect(KNOWN_PUBLIC_PAGES.has(url), `${file}: ${url}`).toBe(true);
    }
  });

  it("gives every recommendation at least one piece of evidence", () => {
    for (const rec of SAMPLE_RECOMMENDATIONS) {
      const codes = new Set([rec.code, ...rec.actions.map((action) => action.code)]);
      expect(
        SAMPLE_EVIDENCE.some((evidence) => codes.has(evidence.target)),
        rec.code,
      ).toBe(true);
    }
  });
});

describe("demo users", () => {
  it("has one of each role, a reviewer among the staff, on a reserved domain", () => {
    expect(SAMPLE_USERS.filter((user) => user.isReviewer).map((user) => user.role)).toEqual(["staff"]);
    expect(new Set(SAMPLE_USERS.map((user) => user.role))).toEqual(
      new Set(["admin", "staff", "official", "office", "deputy"]),
    );
    for (const user of SAMPLE_USERS) expect(user.email).toMatch(/@tracker\.example$/);
  });
});

describe("the sample's agencies in English", () => {
  // Short names stand beside full names and each other in tables and lists: words for all of them,
  // not codes for some (STCSM) and words for others (Data Bureau).
  it("have short names in words, never their codes or other acronyms", () => {
    const coded = SAMPLE_AGENCIES.filter(
      (agency) => agency.shortNameEn === agency.code || /^[A-Z]{3,}$/.test(agency.shortNameEn),
    );
    expect(coded.map((agency) => agency.code)).toEqual([]);
  });
});
