// API tokens: made and revoked through the admin's server actions, checked as the API checks them.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { setUserActive } from "@/lib/admin/actions";
import { createApiToken, revokeApiToken } from "@/lib/api-tokens/actions";
import { generateApiToken, LAST_USED_RESOLUTION_MS, verifyApiToken } from "@/lib/api-tokens/token";
import { createAuth } from "@/lib/auth/config";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { callAction, request } from "./support/request-context";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
const password = "correct-horse-battery";
let adminId: string;

beforeAll(async () => {
  const { user } = await auth.api.createUser({
    body: { email: "admin@example.org", name: "管理员甲", password, role: "admin" },
  });
  adminId = user.id;
  const { headers } = await auth.api.signInEmail({
    body: { email: "admin@example.org", password },
    headers: new Headers(),
    returnHeaders: true,
  });
  request.headers = new Headers({ cookie: headers.get("set-cookie")?.split(";")[0] ?? "" });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function makeToken(fields: Record<string, string> = { name: "报表系统" }) {
  const outcome = await callAction(() => createApiToken({}, form(fields)));
  if (!("returned" in outcome) || !("token" in outcome.returned) || !outcome.returned.token) {
    throw new Error(JSON.stringify(outcome));
  }
  const token = outcome.returned.token;
  const row = await db.apiToken.findFirstOrThrow({ where: { prefix: token.slice(0, 11) } });
  return { token, row };
}

describe("creating a token", () => {
  it("returns it once and stores only its SHA-256 hash and prefix, audited without the secret", async () => {
    const { token, row } = await makeToken({ name: "人大办报表系统" });
    expect(token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.prefix).toBe(token.slice(0, 11));
    expect(row).toMatchObject({ name: "人大办报表系统", createdById: adminId, expiresAt: null });
    expect(JSON.stringify(row)).not.toContain(token.slice(11));

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: "ApiToken", entityId: row.id },
    });
    expect(audit).toMatchObject({ action: "apiToken.create", actorId: adminId });
    expect(JSON.stringify(audit)).not.toContain(token.slice(11));
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
  });

  it("makes a different token each time", async () => {
    const first = await makeToken();
    const second = await makeToken();
    expect(first.token).not.toBe(second.token);
  });

  it("expires at the end of the chosen Shanghai day, which cannot be past", async () => {
    const tomorrow = toShanghaiDateString(new Date(Date.now() + 32 * 3600_000));
    const { row } = await makeToken({ name: "到期测试", validThrough: tomorrow });
    expect(row.expiresAt?.getTime()).toBe(shanghaiDate(tomorrow).getTime() + 24 * 3600_000);

    expect(await createApiToken({}, form({ name: "过去", validThrough: "2020-01-01" }))).toEqual({
      fieldErrors: { validThrough: ["validation.dateInPast"] },
    });
    expect(await createApiToken({}, form({ name: "无效", validThrough: "2030-02-30" }))).toEqual({
      fieldErrors: { validThrough: ["validation.dateInvalid"] },
    });
    expect(await createApiToken({}, form({ name: " " }))).toEqual({
      fieldErrors: { name: ["validation.required"] },
    });
  });
});

describe("verifying a token", () => {
  it("accepts a valid token and records its use at most once a minute", async () => {
    const { token, row } = await makeToken();
    const now = new Date();
    expect(await verifyApiToken(db, token, now)).toEqual({
      tokenId: row.id,
      name: row.name,
      createdById: adminId,
    });
    const used = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt;
    expect(await used()).toEqual(now);

    await verifyApiToken(db, token, new Date(now.getTime() + LAST_USED_RESOLUTION_MS - 1000));
    expect(await used()).toEqual(now);

    const later = new Date(now.getTime() + LAST_USED_RESOLUTION_MS + 1000);
    await Promise.all([verifyApiToken(db, token, later), verifyApiToken(db, token, later)]);
    expect(await used()).toEqual(later);
  });

  it("refuses malformed, unknown, expired and revoked tokens, and those of a deactivated creator", async () => {
    const { token, row } = await makeToken();
    expect(await verifyApiToken(db, "pt_short")).toBeNull();
    expect(await verifyApiToken(db, `pt_${"A".repeat(43)}`)).toBeNull();
    expect(await verifyApiToken(db, `${token} `)).toBeNull();

    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await verifyApiToken(db, token)).toBeNull();
    await db.apiToken.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() + 3600_000) } });
    expect(await verifyApiToken(db, token)).not.toBeNull();

    await db.user.update({ where: { id: adminId }, data: { banned: true } });
    expect(await verifyApiToken(db, token)).toBeNull();
    await db.user.update({ where: { id: adminId }, data: { banned: false } });
    expect(await verifyApiToken(db, token)).not.toBeNull();

    await db.apiToken.update({
      where: { id: row.id },
      data: { revokedAt: new Date(), revokedById: adminId },
    });
    expect(await verifyApiToken(db, token)).toBeNull();
  });
});

describe("revoking a token", () => {
  it("stops it at once, records who did it, and happens only once", async () => {
    const { token, row } = await makeToken();
    expect(await revokeApiToken({}, form({ tokenId: row.id }))).toEqual({
      notice: "validation.tokenRevoked",
    });
    expect(await verifyApiToken(db, token)).toBeNull();
    const revoked = await db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(revoked.revokedById).toBe(adminId);
    expect(revoked.revokedAt).not.toBeNull();
    expect(
      await db.auditEvent.count({ where: { entityId: row.id, action: "apiToken.revoke", actorId: adminId } }),
    ).toBe(1);

    expect(await revokeApiToken({}, form({ tokenId: row.id }))).toEqual({
      formError: "validation.tokenAlreadyRevoked",
    });
    expect(await revokeApiToken({}, form({ tokenId: "no-such-token" }))).toEqual({
      formError: "validation.notFound",
    });
  });
});

describe("deactivating the token's creator", () => {
  it("revokes their tokens, audited, and reactivating them does not bring the tokens back", async () => {
    const { user: other } = await auth.api.createUser({
      body: { email: "admin2@example.org", name: "管理员乙", password, role: "admin" },
    });
    const made = generateApiToken();
    const row = await db.apiToken.create({
      data: { name: "乙的令牌", prefix: made.prefix, tokenHash: made.tokenHash, createdById: other.id },
    });
    const mine = await makeToken({ name: "甲的令牌" });
    expect(await verifyApiToken(db, made.token)).not.toBeNull();

    expect(await setUserActive({}, form({ userId: other.id, active: "false", reason: "离职" }))).toEqual({
      notice: "validation.saved",
    });
    expect(await verifyApiToken(db, made.token)).toBeNull();
    expect(await db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      revokedById: adminId,
      revokedAt: expect.any(Date),
    });
    expect(
      await db.auditEvent.count({ where: { entityId: row.id, action: "apiToken.revoke", actorId: adminId } }),
    ).toBe(1);

    expect(await setUserActive({}, form({ userId: other.id, active: "true" }))).toEqual({
      notice: "validation.saved",
    });
    expect(await verifyApiToken(db, made.token)).toBeNull();
    // Only the deactivated user's tokens.
    expect(await verifyApiToken(db, mine.token)).not.toBeNull();
  });
});
