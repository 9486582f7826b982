// The throttle counts in the database, so that every app process refuses the same attempts.
import { describe, expect, it } from "vitest";
import {
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_EMAIL,
  recordSignInAttempt,
  signInBlockedUntil,
} from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 2, minute));

describe("failed sign-in throttle", () => {
  it("locks an email after 5 failures in 15 minutes, until the oldest is 15 minutes old", async () => {
    const key = { email: "a@tracker.example", ipAddress: "10.0.0.1" };
    for (let minute = 0; minute < MAX_FAILURES_PER_EMAIL - 1; minute++) {
      await recordSignInAttempt(db, { ...key, succeeded: false }, at(minute));
    }
    expect(await signInBlockedUntil(db, key, at(5))).toBeNull();
    await recordSignInAttempt(db, { ...key, succeeded: false }, at(5));
    expect(await signInBlockedUntil(db, key, at(6))).toEqual(at(15));
    // A second app process, with its own client, sees the same lock.
    const other = createPrismaClient();
    expect(await signInBlockedUntil(other, key, at(6))).toEqual(at(15));
    await other.$disconnect();
    expect(await signInBlockedUntil(db, key, at(16))).toBeNull();
  });

  it("starts counting afresh after a success", async () => {
    const key = { email: "b@tracker.example", ipAddress: null };
    for (let minute = 0; minute < 4; minute++)
      await recordSignInAttempt(db, { ...key, succeeded: false }, at(minute));
    await recordSignInAttempt(db, { ...key, succeeded: true }, at(4));
    await recordSignInAttempt(db, { ...key, succeeded: false }, at(5));
    expect(await signInBlockedUntil(db, key, at(6))).toBeNull();
  });

  it("locks an address trying many emails", async () => {
    const ipAddress = "10.0.0.9";
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await recordSignInAttempt(
        db,
        { email: `user${i}@tracker.example`, ipAddress, succeeded: false },
        at(1),
      );
    }
    expect(await signInBlockedUntil(db, { email: "new@tracker.example", ipAddress }, at(2))).toEqual(at(16));
  });
});
