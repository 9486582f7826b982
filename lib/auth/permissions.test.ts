import { describe, expect, it } from "vitest";
import {
  type Actor,
  canEditAction,
  canEditRecommendation,
  canImport,
  canMakeReports,
  isAdmin,
} from "./permissions";

const admin: Actor = { id: "a", role: "admin", agencyId: null };
const official: Actor = { id: "o", role: "official", agencyId: "JXW" };
const staffJxw: Actor = { id: "s1", role: "staff", agencyId: "JXW" };
const staffKw: Actor = { id: "s2", role: "staff", agencyId: "KW" };
const staffWithoutAgency: Actor = { id: "s3", role: "staff", agencyId: null };

const r3 = [
  { agencyId: "JXW", role: "lead" as const },
  { agencyId: "KW", role: "co_handler" as const },
];

describe("who may change what", () => {
  it("lets admins do everything and officials nothing", () => {
    expect(isAdmin(admin)).toBe(true);
    expect(isAdmin(staffJxw)).toBe(false);
    expect(canEditRecommendation(admin, [])).toBe(true);
    expect(canEditRecommendation(official, r3)).toBe(false);
    expect(canEditRecommendation(null, r3)).toBe(false);
  });

  it("lets staff change recommendations their agency leads or co-handles", () => {
    expect(canEditRecommendation(staffJxw, r3)).toBe(true);
    expect(canEditRecommendation(staffKw, r3)).toBe(true);
    expect(canEditRecommendation(staffKw, [{ agencyId: "JXW", role: "lead" }])).toBe(false);
    expect(canEditRecommendation(staffWithoutAgency, r3)).toBe(false);
  });

  it("lets staff change actions their agency handles, or whose recommendation it leads", () => {
    const action = [{ agencyId: "KW", role: "lead" as const }];
    expect(canEditAction(staffKw, action, r3)).toBe(true);
    expect(canEditAction(staffJxw, action, r3)).toBe(true);
    expect(canEditAction(staffJxw, action, [{ agencyId: "JXW", role: "co_handler" }])).toBe(false);
    expect(canEditAction(official, action, r3)).toBe(false);
  });

  it("lets admins and staff with an agency import; officials and signed-out visitors not", () => {
    expect(canImport(admin)).toBe(true);
    expect(canImport(staffJxw)).toBe(true);
    expect(canImport(staffWithoutAgency)).toBe(false);
    expect(canImport(official)).toBe(false);
    expect(canImport(null)).toBe(false);
  });
});

describe("who may make reports", () => {
  it("lets every signed-in role make reports, and no signed-out visitor", () => {
    for (const actor of [admin, official, staffJxw, staffWithoutAgency])
      expect(canMakeReports(actor)).toBe(true);
    expect(canMakeReports(null)).toBe(false);
  });
});
