// Admin forms that hit a unique value say which field collides, in the user's language, and write nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { createAgency, createTheme, createUser, updateTheme } from "@/lib/admin/actions";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { request } from "./support/request-context";
import { sessionCookie } from "./support/session";

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
const auth = createAuth(db);
const password = "correct-horse-battery";

beforeAll(async () => {
  await auth.api.createUser({
    body: { email: "admin@example.org", name: "管理员", password, role: "admin" },
  });
  request.headers = new Headers({ cookie: await sessionCookie("admin@example.org", password) });
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

const theme = (fields: Record<string, string>) =>
  form({ code: "EDU", nameZh: "教育", nameEn: "Education", sortOrder: "1", ...fields });

describe("a theme that is already there", () => {
  it("names the field that collides: code, Chinese name or English name", async () => {
    expect(await createTheme({}, theme({}))).toEqual({ notice: "validation.saved" });
    const themes = await db.theme.count();
    const audit = await db.auditEvent.count();

    expect(await createTheme({}, theme({ nameZh: "教育二", nameEn: "Education 2" }))).toEqual({
      fieldErrors: { code: ["validation.codeTaken"] },
    });
    expect(await createTheme({}, theme({ code: "EDU2", nameEn: "Education 2" }))).toEqual({
      fieldErrors: { nameZh: ["validation.nameZhTaken"] },
    });
    expect(await createTheme({}, theme({ code: "EDU2", nameZh: "教育二" }))).toEqual({
      fieldErrors: { nameEn: ["validation.nameEnTaken"] },
    });
    expect(await createTheme({}, theme({ nameEn: "Other" }))).toEqual({
      fieldErrors: { code: ["validation.codeTaken"], nameZh: ["validation.nameZhTaken"] },
    });
    expect(await db.theme.count()).toBe(themes);
    expect(await db.auditEvent.count()).toBe(audit);
  });

  it("says so when a theme is renamed onto another, and lets a theme keep its own names", async () => {
    await createTheme({}, theme({ code: "HEALTH", nameZh: "卫生", nameEn: "Health" }));
    const health = await db.theme.findUniqueOrThrow({ where: { code: "HEALTH" } });
    const update = (fields: Record<string, string>) =>
      updateTheme(
        {},
        theme({ themeId: health.id, code: "HEALTH", nameZh: "卫生", nameEn: "Health", ...fields }),
      );
    expect(await update({ nameZh: "教育" })).toEqual({ fieldErrors: { nameZh: ["validation.nameZhTaken"] } });
    expect(await update({ nameEn: "Education" })).toEqual({
      fieldErrors: { nameEn: ["validation.nameEnTaken"] },
    });
    expect(await update({ code: "EDU" })).toEqual({ fieldErrors: { code: ["validation.codeTaken"] } });
    expect(await db.theme.findUniqueOrThrow({ where: { id: health.id } })).toEqual(health);
    expect(await update({ sortOrder: "5" })).toEqual({ notice: "validation.saved" });
  });

  it("has its messages in both languages", () => {
    expect(zh.validation.nameZhTaken).toBe("该中文名称已被使用。");
    expect(en.validation.nameZhTaken).toBe("This Chinese name is already in use.");
    expect(zh.validation.nameEnTaken).toBe("该英文名称已被使用。");
    expect(en.validation.nameEnTaken).toBe("This English name is already in use.");
  });
});

describe("other unique fields", () => {
  it("names an agency's Chinese name and a user's email", async () => {
    expect(await createAgency({}, form({ code: "JW", nameZh: "市教委" }))).toEqual({
      notice: "validation.saved",
    });
    expect(await createAgency({}, form({ code: "JW2", nameZh: "市教委" }))).toEqual({
      fieldErrors: { nameZh: ["validation.nameZhTaken"] },
    });
    expect(await createAgency({}, form({ code: "JW", nameZh: "市教委" }))).toEqual({
      fieldErrors: { code: ["validation.codeTaken"], nameZh: ["validation.nameZhTaken"] },
    });
    expect(
      await createUser(
        {},
        form({ email: "admin@example.org", name: "重复", role: "official", password: "a-long-password" }),
      ),
    ).toEqual({ fieldErrors: { email: ["validation.emailTaken"] } });
  });
});
