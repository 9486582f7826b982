// Accounts and sessions through the authentication library, on the real database.
import { APIError } from "better-auth/api";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn } from "@/lib/auth/actions";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { REDIRECT_BYPASSES } from "../redirect-bypasses";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
const password = "correct-horse-battery";

beforeAll(async () => {
  await auth.api.createUser({ body: { email: "Staff@Example.org", name: "测试", password, role: "staff" } });
});

describe("accounts", () => {
  it("stores a hashed password, never the password", async () => {
    const account = await db.account.findFirstOrThrow({ where: { user: { email: "staff@example.org" } } });
    expect(account.providerId).toBe("credential");
    expect(account.password).not.toContain(password);
    expect(account.password?.length).toBeGreaterThan(40);
  });

  it("signs in with the right password into a session stored in the database", async () => {
    const result = await auth.api.signInEmail({
      body: { email: "staff@example.org", password },
      headers: new Headers(),
    });
    const session = await db.session.findFirstOrThrow({ where: { userId: result.user.id } });
    expect(session.token).toBe(result.token);
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses a wrong password", async () => {
    await expect(
      auth.api.signInEmail({
        body: { email: "staff@example.org", password: "wrong-password" },
        headers: new Headers(),
      }),
    ).rejects.toBeInstanceOf(APIError);
  });

  it("refuses a deactivated user", async () => {
    await db.user.update({
      where: { email: "staff@example.org" },
      data: { banned: true, banReason: "离职" },
    });
    const error = await auth.api
      .signInEmail({ body: { email: "staff@example.org", password }, headers: new Headers() })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).body?.code).toBe("BANNED_USER");
  });

  it("does not let visitors sign themselves up", async () => {
    await expect(
      auth.api.signUpEmail({
        body: { email: "visitor@example.org", password, name: "访客" },
        headers: new Headers(),
      }),
    ).rejects.toBeInstanceOf(APIError);
    expect(await db.user.count({ where: { email: "visitor@example.org" } })).toBe(0);
  });
});

describe("the sign-in action", () => {
  it("goes on to the page asked for, and home instead of to another site", async () => {
    await auth.api.createUser({
      body: { email: "returns@example.org", name: "回访", password, role: "official" },
    });
    const signInWith = (next: string) => {
      request.headers = new Headers({ "x-forwarded-for": "203.0.113.40" });
      const form = new FormData();
      form.set("email", "returns@example.org");
      form.set("password", password);
      form.set("next", next);
      return callAction(() => signIn({}, form));
    };
    expect(await signInWith("/zh-CN/proposals/LLM-2024/R3")).toEqual({
      redirectedTo: "/zh-CN/proposals/LLM-2024/R3",
    });
    for (const next of REDIRECT_BYPASSES) {
      expect(await signInWith(next), next).toEqual({ redirectedTo: "/zh-CN" });
    }
  });
});
