import { describe, expect, it } from "vitest";
import { shanghaiDate } from "@/lib/dates";
import { apiTokenStatus, expiresAtEndOf, validThrough } from "./status";

const active = { revokedAt: null, expiresAt: null, createdBy: { banned: false } };
const now = new Date("2025-06-30T12:00:00Z");

describe("apiTokenStatus", () => {
  it("is active without revocation, expiry or an inactive creator", () => {
    expect(apiTokenStatus(active, now)).toBe("active");
    expect(apiTokenStatus({ ...active, expiresAt: new Date("2025-06-30T12:00:01Z") }, now)).toBe("active");
  });

  it("says why a token does not work, revocation first", () => {
    expect(apiTokenStatus({ ...active, expiresAt: now }, now)).toBe("expired");
    expect(apiTokenStatus({ ...active, createdBy: { banned: true } }, now)).toBe("creatorInactive");
    expect(apiTokenStatus({ ...active, revokedAt: now, expiresAt: new Date(0) }, now)).toBe("revoked");
  });
});

describe("expiry dates", () => {
  it("end at the end of the chosen day in Shanghai, and read back as that day", () => {
    const expiresAt = expiresAtEndOf(shanghaiDate("2025-06-30"));
    expect(expiresAt.toISOString()).toBe("2025-06-30T16:00:00.000Z");
    expect(validThrough(expiresAt)).toBe("2025-06-30");
  });
});
