// The sign-in throttle counts in the database, so that every app process refuses the same attempts;
// it slows guessing down without letting anyone lock an account's owner out.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/actions";
import { createAuth } from "@/lib/auth/config";
import {
  claimSignInAttempt,
  recordSignInAttempt,
  signInBlockedUntil,
  THROTTLE_RULES,
  throttleDelaySeconds,
} from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
const password = "correct-horse-battery";
const t0 = Date.UTC(2026, 10, 29, 2, 0);
const at = (seconds: number) => new Date(t0 + seconds * 1000);

beforeAll(async () => {
  for (const [email, role] of [
    ["owner@tracker.example", "staff"],
    ["admin@tracker.example", "admin"],
    ["proxied@tracker.example", "staff"],
  ] as const) {
    await auth.api.createUser({ body: { email, name: email, password, role } });
  }
});

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

/** Signs in through the server action, as the app's server would hand it this X-Forwarded-For. */
async function attempt(email: string, secret: string, forwardedFor: string) {
  request.headers = new Headers({ "x-forwarded-for": forwardedFor });
  const form = new FormData();
  form.set("email", email);
  form.set("password", secret);
  form.set("next", "/zh-CN/tracking");
  const outcome = await callAction(() => signIn({}, form));
  if ("redirectedTo" in outcome) return "signedIn";
  return outcome.returned.error ?? "";
}

describe("growing delays", () => {
  it("lets an email fail 3 times from an address, then makes it wait 2 s, 4 s, 8 s … up to 15 minutes", async () => {
    const key = { email: "guess@tracker.example", ipAddress: "192.0.2.1" };
    for (let i = 0; i < 3; i++) {
      expect(await signInBlockedUntil(db, key, at(i))).toBeNull();
      await recordSignInAttempt(db, { ...key, succeeded: false }, at(i));
    }
    // Each attempt made as soon as allowed fails again, and the next wait is twice as long.
    let now = 2;
    const waits: number[] = [];
    for (let failures = 3; failures < 14; failures++) {
      const until = await signInBlockedUntil(db, key, at(now));
      if (!until) throw new Error(`not throttled after ${failures} failures`);
      waits.push((until.getTime() - at(now).getTime()) / 1000);
      expect(await signInBlockedUntil(db, key, new Date(until.getTime() - 1))).not.toBeNull();
      now = (until.getTime() - t0) / 1000;
      expect(await signInBlockedUntil(db, key, at(now))).toBeNull();
      await recordSignInAttempt(db, { ...key, succeeded: false }, at(now));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // A second app process, with its own client, counts the same.
    const other = createPrismaClient();
    expect(await signInBlockedUntil(other, key, at(now))).toEqual(at(now + 900));
    await other.$disconnect();
    expect(throttleDelaySeconds(2, THROTTLE_RULES.emailFromAddress)).toBe(0);
  });

  it("starts counting afresh after a success", async () => {
    const key = { email: "typo@tracker.example", ipAddress: "192.0.2.2" };
    for (let i = 0; i < 3; i++) await recordSignInAttempt(db, { ...key, succeeded: false }, at(i));
    expect(await signInBlockedUntil(db, key, at(3))).toEqual(at(4));
    await recordSignInAttempt(db, { ...key, succeeded: true }, at(10));
    await recordSignInAttempt(db, { ...key, succeeded: false }, at(11));
    expect(await signInBlockedUntil(db, key, at(12))).toBeNull();
  });

  it("slows an address trying many emails after 20 failures", async () => {
    const ipAddress = "192.0.2.3";
    for (let i = 0; i < 20; i++) {
      await recordSignInAttempt(
        db,
        { email: `user${i}@tracker.example`, ipAddress, succeeded: false },
        at(1),
      );
    }
    expect(await signInBlockedUntil(db, { email: "new@tracker.example", ipAddress }, at(2))).toEqual(at(3));
    expect(
      await signInBlockedUntil(db, { email: "new@tracker.example", ipAddress: "192.0.2.4" }, at(2)),
    ).toBe(null);
  });

  it("lets through at most the free attempts of a burst sent in parallel", async () => {
    const key = { email: "burst@tracker.example", ipAddress: "192.0.2.5" };
    const claims = await Promise.all(Array.from({ length: 12 }, () => claimSignInAttempt(db, key, at(0))));
    const admitted = claims.filter((claim) => "attemptId" in claim).length;
    expect(admitted).toBeLessThanOrEqual(THROTTLE_RULES.emailFromAddress.free);
    // Refused attempts checked no password and leave nothing behind.
    expect(await db.signInAttempt.count({ where: key })).toBe(admitted);
  });
});

describe("signing in while someone else fails at the account", () => {
  it("lets the owner in from an address that has not failed, whatever others did", async () => {
    // 40 addresses each fail at the admin's account, then keep trying.
    for (let i = 0; i < 40; i++) {
      expect(await attempt("admin@tracker.example", `wrong-${i}`, `198.51.100.${i}`)).toBe(
        "signIn.wrongCredentials",
      );
    }
    for (let i = 0; i < 40; i++) {
      expect(await attempt("admin@tracker.example", `wrong-again-${i}`, `198.51.100.${i}`)).toMatch(
        /^signIn\.throttled/,
      );
    }
    expect(await attempt("admin@tracker.example", password, "203.0.113.10")).toBe("signedIn");
  });

  it("slows the owner's guesses from one address, not those from the owner's other addresses", async () => {
    for (let i = 0; i < 3; i++) {
      expect(await attempt("owner@tracker.example", `forgot-${i}`, "203.0.113.20")).toBe(
        "signIn.wrongCredentials",
      );
    }
    expect(await attempt("owner@tracker.example", password, "203.0.113.20")).toBe("signIn.throttledSeconds");
    // Another address of the owner's (a phone) is not held up.
    expect(await attempt("owner@tracker.example", password, "203.0.113.21")).toBe("signedIn");
  });
});

describe("the client's address", () => {
  it("ignores X-Forwarded-For written by the client without TRUST_PROXY: 40 faked addresses are one", async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 40; i++) {
      // The client's own header, then the socket's address, appended by the server.
      outcomes.push(await attempt(`spray${i}@tracker.example`, "x-password-1", `10.66.0.${i}, 203.0.113.30`));
    }
    expect(outcomes.slice(0, 20)).toEqual(Array(20).fill("signIn.wrongCredentials"));
    expect(outcomes.slice(20).every((outcome) => outcome.startsWith("signIn.throttled"))).toBe(true);
    const recorded = await db.signInAttempt.findMany({
      where: { email: { startsWith: "spray" } },
      distinct: ["ipAddress"],
      select: { ipAddress: true },
    });
    expect(recorded).toEqual([{ ipAddress: "203.0.113.30" }]);
  });

  it("takes the address a trusted proxy saw with TRUST_PROXY", async () => {
    process.env.TRUST_PROXY = "1";
    // Forged by the client, the client as the proxy saw it, the proxy as the socket saw it.
    await attempt("proxied@tracker.example", "wrong-password", "10.9.9.9, 198.51.100.200, 127.0.0.1");
    delete process.env.TRUST_PROXY;
    await attempt("proxied@tracker.example", "wrong-password", "10.9.9.9, 198.51.100.200, 127.0.0.1");
    const recorded = await db.signInAttempt.findMany({
      where: { email: "proxied@tracker.example" },
      orderBy: { createdAt: "asc" },
      select: { ipAddress: true },
    });
    expect(recorded).toEqual([{ ipAddress: "198.51.100.200" }, { ipAddress: "127.0.0.1" }]);

    // The session, too, records the address the trusted proxy saw.
    process.env.TRUST_PROXY = "1";
    expect(await attempt("proxied@tracker.example", password, "10.9.9.9, 198.51.100.201, 127.0.0.1")).toBe(
      "signedIn",
    );
    const session = await db.session.findFirstOrThrow({
      where: { user: { email: "proxied@tracker.example" } },
      orderBy: { createdAt: "desc" },
    });
    expect(session.ipAddress).toBe("198.51.100.201");
  });
});
