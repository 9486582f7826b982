// Files on evidence and replies through the real route handlers and the real database: every kind
// the app takes is stored with its detected type, size and SHA-256 and comes back byte for byte; a
// disguised executable, a name that lies about its content, an empty and an oversized file are
// refused and leave nothing stored; who may attach and who may download, by role, for every download
// (another deputy's files by id included); a 20 MB file streamed up and down; and a download read from
// the database only as fast as the client takes it.
import { createHash, randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/files/[fileId]/route";
import { POST as upload } from "@/app/api/files/route";
import { createAuth } from "@/lib/auth/config";
import { db } from "@/lib/db";
import { CHUNK_BYTES } from "@/lib/files/store";
import { SAMPLE_PASSWORD } from "../../prisma/sample-data";
import { seedSampleData } from "../../prisma/seed";
import { EXECUTABLES, pdf, png, SAMPLE_FILES } from "./support/sample-files";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  lead: "staff.kw@tracker.example",
  otherStaff: "staff.sjj@tracker.example",
  official: "official@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  deputy: "deputy.wang@tracker.example",
  otherDeputy: "files.other.deputy@tracker.example",
} as const;
type Person = keyof typeof PEOPLE | "visitor";
const cookies = {} as Record<Person, string>;

let recommendationId: string;
let publicEvidence: string;
let privateEvidence: string;
let otherProposalEvidence: string;
let contactId: string;

beforeAll(async () => {
  await seedSampleData(db);
  process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  const created = await createAuth(db).api.createUser({
    body: { email: PEOPLE.otherDeputy, name: "另一位代表", password: SAMPLE_PASSWORD, role: "official" },
  });
  await db.user.update({ where: { id: created.user.id }, data: { role: "deputy" } });
  const deputy = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.deputy } });
  // A recommendation of the deputy's published proposal that the lead's agency (STCSM) leads.
  const rec = await db.recommendation.findFirstOrThrow({
    where: {
      proposal: { authorUserId: deputy.id },
      agencies: { some: { role: "lead", agency: { code: "STCSM" } } },
      archivedAt: null,
    },
    orderBy: { code: "asc" },
  });
  recommendationId = rec.id;
  const leadAgencyId = rec.leadAgencyId ?? "";
  await db.proposal.update({ where: { id: rec.proposalId }, data: { publishedAt: new Date() } });
  const evidence = (isPublic: boolean, titleZh: string, id = rec.id) =>
    db.evidence.create({
      data: { recommendationId: id, url: "https://example.org/x", titleZh, isPublic },
      select: { id: true },
    });
  publicEvidence = (await evidence(true, "公开佐证")).id;
  privateEvidence = (await evidence(false, "内部佐证")).id;
  // The other deputy's unpublished proposal, led by the same agency.
  const other = await db.proposal.create({
    data: {
      code: "FILES-OTHER",
      titleZh: "另一建议",
      authorZh: "另一位代表",
      congressSessionZh: "第十六届二次会议",
      submittedAt: new Date("2025-01-20T00:00:00Z"),
      summaryZh: "摘要",
      authorUserId: created.user.id,
      recommendations: {
        create: {
          code: "F1",
          titleZh: "另一条目",
          descriptionZh: "描述",
          sourceQuote: "原文",
          leadAgencyId,
          themeId: rec.themeId,
          agencies: { create: { agencyId: leadAgencyId, role: "lead" } },
        },
      },
    },
    include: { recommendations: true },
  });
  otherProposalEvidence = (await evidence(false, "另一内部佐证", other.recommendations[0]?.id)).id;
  const lead = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.lead } });
  await db.replyDraft.upsert({
    where: { recommendationId: rec.id },
    create: { recommendationId: rec.id, replyClass: "A", text: "答复正文", draftedById: lead.id },
    update: { acceptedAt: null },
  });
  contactId = (
    await db.deputyContact.create({
      data: {
        recommendationId: rec.id,
        agencyId: lead.agencyId,
        contactDate: new Date("2026-11-20T00:00:00+08:00"),
        method: "in_person",
        participants: "王代表、李强",
        summary: "当面沟通办理方案。",
        recordedById: lead.id,
      },
    })
  ).id;
  for (const [person, email] of Object.entries(PEOPLE))
    cookies[person as Person] = await sessionCookie(email);
  cookies.visitor = "";
});

afterEach(() => {
  delete process.env.FILE_MAX_MB;
});

async function send(person: Person, owner: string, name: string, bytes: Uint8Array, locale = "en") {
  const form = new FormData();
  form.set("owner", owner);
  form.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  const response = await upload(
    new NextRequest(`http://localhost/api/files?locale=${locale}`, {
      method: "POST",
      headers: cookies[person] ? { cookie: cookies[person] } : {},
      body: form,
    }),
  );
  return { status: response.status, body: (await response.json()) as Record<string, Record<string, string>> };
}

async function fetchFile(person: Person, id: string, query = "") {
  return download(
    new NextRequest(`http://localhost/api/files/${id}${query}`, {
      headers: cookies[person] ? { cookie: cookies[person] } : {},
    }),
    { params: Promise.resolve({ fileId: id }) },
  );
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const chunkCount = () => db.fileChunk.count();

describe("uploads", () => {
  it.each(Object.keys(SAMPLE_FILES))(
    "stores %s with its detected type, size and hash, and gives it back",
    async (name) => {
      const bytes = SAMPLE_FILES[name]?.() ?? Buffer.alloc(0);
      const { status, body } = await send("lead", `evidence:${publicEvidence}`, name, bytes);
      expect(status, JSON.stringify(body)).toBe(201);
      const row = await db.storedFile.findUniqueOrThrow({ where: { id: body.file?.id } });
      expect(row).toMatchObject({ name, size: bytes.length, sha256: sha256(bytes), storage: "database" });
      const response = await fetchFile("visitor", row.id);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
      expect(response.headers.get("content-type")).toBe(row.mime);
    },
  );

  it("is audited", async () => {
    const { body } = await send("lead", `reply:${recommendationId}`, "函.pdf", pdf("audited"));
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: body.file?.id } });
    expect(event).toMatchObject({ action: "file.attach", entityType: "StoredFile" });
  });

  it.each([
    ["an ELF executable named .pdf", EXECUTABLES.elf(), "letter.pdf", 400, "is not a PDF"],
    ["a Windows executable named .pdf", EXECUTABLES.pe(), "letter.pdf", 400, "is not a PDF"],
    ["a PNG named .pdf", png(), "scan.pdf", 400, "does not match"],
    ["an empty file", Buffer.alloc(0), "empty.pdf", 400, "empty"],
  ])("refuses %s, storing nothing", async (_what, bytes, name, status, words) => {
    const [files, chunks] = [await db.storedFile.count(), await chunkCount()];
    const answer = await send("lead", `evidence:${publicEvidence}`, name, bytes);
    expect(answer.status).toBe(status);
    expect(answer.body.error?.message).toContain(words);
    expect([await db.storedFile.count(), await chunkCount()]).toEqual([files, chunks]);
  });

  it("refuses a file over the limit while it streams, in Chinese too, storing nothing", async () => {
    process.env.FILE_MAX_MB = "1";
    const [files, chunks] = [await db.storedFile.count(), await chunkCount()];
    // Over the limit by a byte, and well inside the envelope's allowance, so that it is read and cut.
    const answer = await send(
      "lead",
      `evidence:${publicEvidence}`,
      "大文件.pdf",
      pdf("big", 1024 * 1024 + 1),
      "zh-CN",
    );
    expect(answer.status).toBe(413);
    expect(answer.body.error?.message).toBe("文件超过 1 MB 的上限，未保存。");
    expect([await db.storedFile.count(), await chunkCount()]).toEqual([files, chunks]);
    // Exactly the limit is taken.
    expect(
      (await send("lead", `evidence:${publicEvidence}`, "刚好.pdf", pdf("edge", 1024 * 1024))).status,
    ).toBe(201);
  });

  it("stores a file in parts of 256 KiB and streams 20 MB through, hash and bytes intact", async () => {
    const bytes = Buffer.concat([pdf("twenty"), randomBytes(20 * 1024 * 1024 - 200)]);
    const { status, body } = await send("lead", `evidence:${privateEvidence}`, "扫描件.pdf", bytes);
    expect(status).toBe(201);
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: body.file?.id } });
    expect(row.sha256).toBe(sha256(bytes));
    expect(await db.fileChunk.count({ where: { storageKey: row.storageKey } })).toBe(
      Math.ceil(bytes.length / CHUNK_BYTES),
    );
    const response = await fetchFile("official", row.id);
    const hash = createHash("sha256");
    let pieces = 0;
    for await (const piece of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(piece);
      pieces++;
    }
    expect(hash.digest("hex")).toBe(row.sha256);
    expect(pieces).toBeGreaterThan(1);
  }, 120_000);

  it("reads a download's parts from the database only as the client takes them", async () => {
    const bytes = Buffer.concat([pdf("paced"), randomBytes(5 * 1024 * 1024)]);
    const { body } = await send("lead", `evidence:${privateEvidence}`, "分段.pdf", bytes);
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: body.file?.id } });
    const reader = (await fetchFile("official", row.id)).body?.getReader();
    let received = (await reader?.read())?.value?.byteLength ?? 0;
    // The parts not yet read are gone: what still arrives is what was read ahead.
    await db.fileChunk.deleteMany({ where: { storageKey: row.storageKey } });
    for (let next = await reader?.read(); next && !next.done; next = await reader?.read())
      received += next.value.byteLength;
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(3 * CHUNK_BYTES);
  });

  it.each<[Person, string, number]>([
    ["visitor", "evidence", 401],
    ["otherStaff", "evidence", 403],
    ["official", "evidence", 403],
    ["deputy", "evidence", 403],
    ["otherDeputy", "evidence", 403],
    ["admin", "evidence", 201],
    ["otherStaff", "reply", 403],
    ["official", "reply", 403],
    ["office", "reply", 403],
    ["deputy", "reply", 403],
    // Drafting a reply is the lead agency's: admins do not draft, nor attach its letter.
    ["admin", "reply", 403],
    // A contact record takes files from whoever may correct it: its agency's staff, admins.
    ["lead", "contact", 201],
    ["otherStaff", "contact", 403],
    ["office", "contact", 403],
    ["deputy", "contact", 403],
    ["otherDeputy", "contact", 403],
    ["admin", "contact", 201],
  ])("as %s on %s answers %i", async (person, kind, status) => {
    const owner =
      kind === "evidence"
        ? `evidence:${privateEvidence}`
        : kind === "contact"
          ? `contact:${contactId}`
          : `reply:${recommendationId}`;
    const files = await db.storedFile.count();
    expect((await send(person, owner, "a.pdf", pdf())).status).toBe(status);
    expect(await db.storedFile.count()).toBe(files + (status === 201 ? 1 : 0));
  });

  it("refuses owners that do not exist, and a withdrawn piece of evidence", async () => {
    expect((await send("lead", "evidence:nope", "a.pdf", pdf())).status).toBe(404);
    expect((await send("lead", "something:else", "a.pdf", pdf())).status).toBe(404);
    const withdrawn = await db.evidence.create({
      data: {
        recommendationId,
        url: "https://example.org/w",
        titleZh: "撤回",
        withdrawnAt: new Date(),
        withdrawnReason: "过时",
      },
    });
    expect((await send("lead", `evidence:${withdrawn.id}`, "a.pdf", pdf())).status).toBe(403);
  });
});

describe("downloads", () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const add = async (key: string, owner: string) => {
      const { body } = await send("lead", owner, `${key}.png`, png());
      ids[key] = body.file?.id ?? "";
    };
    await add("public", `evidence:${publicEvidence}`);
    await add("private", `evidence:${privateEvidence}`);
    await add("otherProposal", `evidence:${otherProposalEvidence}`);
    await add("draftReply", `reply:${recommendationId}`);
    await add("contact", `contact:${contactId}`);
  });

  // Who reads which: 200, or 404 (never telling a file exists to someone who may not read it).
  const MATRIX: Record<Person, Record<string, number>> = {
    visitor: { public: 200, private: 404, otherProposal: 404, draftReply: 404, contact: 404 },
    lead: { public: 200, private: 200, otherProposal: 200, draftReply: 200, contact: 200 },
    otherStaff: { public: 200, private: 200, otherProposal: 200, draftReply: 200, contact: 200 },
    official: { public: 200, private: 200, otherProposal: 200, draftReply: 200, contact: 200 },
    office: { public: 200, private: 200, otherProposal: 200, draftReply: 200, contact: 200 },
    admin: { public: 200, private: 200, otherProposal: 200, draftReply: 200, contact: 200 },
    deputy: { public: 200, private: 200, otherProposal: 404, draftReply: 404, contact: 200 },
    otherDeputy: { public: 200, private: 404, otherProposal: 200, draftReply: 404, contact: 404 },
  };
  it.each(Object.keys(MATRIX) as Person[])("as %s", async (person) => {
    const answers: Record<string, number> = {};
    for (const key of Object.keys(MATRIX[person]))
      answers[key] = (await fetchFile(person, ids[key] ?? "")).status;
    expect(answers).toEqual(MATRIX[person]);
  });

  it("lets the deputy read the reply's files once the office has accepted it", async () => {
    await db.replyDraft.update({ where: { recommendationId }, data: { acceptedAt: new Date() } });
    try {
      expect((await fetchFile("deputy", ids.draftReply ?? "")).status).toBe(200);
      expect((await fetchFile("otherDeputy", ids.draftReply ?? "")).status).toBe(404);
      expect((await send("lead", `reply:${recommendationId}`, "a.pdf", pdf())).status).toBe(403);
    } finally {
      await db.replyDraft.update({ where: { recommendationId }, data: { acceptedAt: null } });
    }
  });

  it("sends attachments with nosniff and a sandbox; previews only images and PDFs inline", async () => {
    const plain = await fetchFile("official", ids.private ?? "");
    expect(plain.headers.get("content-disposition")).toMatch(/^attachment; filename="private.png"/);
    expect(plain.headers.get("x-content-type-options")).toBe("nosniff");
    expect(plain.headers.get("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
    const preview = await fetchFile("official", ids.private ?? "", "?inline=1");
    expect(preview.headers.get("content-disposition")).toMatch(/^inline;/);
    const { body } = await send(
      "lead",
      `evidence:${publicEvidence}`,
      "报告.docx",
      SAMPLE_FILES["报告.docx"]?.() ?? Buffer.alloc(0),
    );
    const word = await fetchFile("official", body.file?.id ?? "", "?inline=1");
    expect(word.headers.get("content-disposition")).toMatch(
      /^attachment; filename="__.docx"; filename\*=UTF-8''%E6%8A%A5%E5%91%8A\.docx$/,
    );
  });

  it("answers a file nobody may read with a 404 under the API's policy", async () => {
    const missing = await fetchFile("admin", "no-such-file");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);
  });

  it("reads a removed file for nobody", async () => {
    const { body } = await send("admin", `evidence:${publicEvidence}`, "gone.png", png());
    await db.storedFile.update({ where: { id: body.file?.id }, data: { removedAt: new Date() } });
    expect((await fetchFile("admin", body.file?.id ?? "")).status).toBe(404);
  });
});

describe("the database keeps a file's content as written", () => {
  it("refuses changes to what a file is", async () => {
    const { body } = await send("admin", `evidence:${publicEvidence}`, "fixed.png", png());
    await expect(
      db.storedFile.update({ where: { id: body.file?.id }, data: { sha256: "0".repeat(64) } }),
    ).rejects.toThrow();
  });
});
