// Evidence that is only a file, through the real upload route and the real database: a scanned letter
// sent with the evidence form's fields becomes a piece of evidence without a link and its file, both
// audited, in one go; a file of the wrong kind, one too large, none at all, fields the form refuses
// and a user who may not add evidence there leave nothing written — no piece, no file, no bytes, no
// audit event. Then removing files (who may; a file-only piece keeps its last), and a corrected
// contact record that keeps its earlier version's files.
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as download } from "@/app/api/files/[fileId]/route";
import { POST as upload } from "@/app/api/files/route";
import { recommendationDetail } from "@/lib/api/recommendation-detail";
import { correctContact } from "@/lib/contacts/actions";
import { contactCardOf } from "@/lib/contacts/queries";
import { shanghaiDate, toShanghaiDateString } from "@/lib/dates";
import { db } from "@/lib/db";
import { sqlReader } from "@/lib/db/client";
import { createEvidence } from "@/lib/evidence/actions";
import { exportQuery } from "@/lib/export/params";
import { exportBatches, openExportView } from "@/lib/export/rows";
import { removeFile } from "@/lib/files/actions";
import { addNewLinks } from "@/lib/link-checks/rounds";
import { publicCsv, publicJson } from "@/lib/public/open-data";
import { getPublicProgress } from "@/lib/public/queries";
import { getRecommendationPage, getRecommendationPageById } from "@/lib/recommendations/queries";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { seedSampleData } from "../../prisma/seed";
import { callAction, request } from "./support/request-context";
import { EXECUTABLES, pdf } from "./support/sample-files";
import { sessionCookie } from "./support/session";

const PEOPLE = {
  lead: "staff.kw@tracker.example",
  otherStaff: "staff.sjj@tracker.example",
  official: "official@tracker.example",
  office: "office@tracker.example",
  admin: "admin@tracker.example",
  deputy: "deputy.wang@tracker.example",
} as const;
type Person = keyof typeof PEOPLE | "visitor";
const cookies = {} as Record<Person, string>;

let recommendationId: string;
let proposalCode: string;
let recommendationCode: string;

beforeAll(async () => {
  await seedSampleData(db);
  const deputy = await db.user.findUniqueOrThrow({ where: { email: PEOPLE.deputy } });
  // A recommendation of the deputy's proposal that the lead's agency (STCSM) leads.
  const rec = await db.recommendation.findFirstOrThrow({
    where: {
      proposal: { authorUserId: deputy.id },
      agencies: { some: { role: "lead", agency: { code: "STCSM" } } },
      archivedAt: null,
    },
    orderBy: { code: "asc" },
    include: { proposal: true },
  });
  recommendationId = rec.id;
  proposalCode = rec.proposal.code;
  recommendationCode = rec.code;
  for (const [person, email] of Object.entries(PEOPLE))
    cookies[person as Person] = await sessionCookie(email);
  cookies.visitor = "";
}, 60_000);

afterEach(() => {
  delete process.env.FILE_MAX_MB;
});

afterAll(() => {
  request.headers = new Headers();
});

const LETTER = {
  titleZh: "市科委关于建议办理情况的答复函（扫描件）",
  kind: "report",
  publisher: "市科委",
  publishedAt: "2024-06-01",
  isPublic: "on",
};

/** The upload of a new piece of evidence: the owner and fields first, then the file (if any). */
async function sendEvidence(
  person: Person,
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array } | null,
  { locale = "en", target = `recommendation:${recommendationId}` } = {},
) {
  const form = new FormData();
  form.set("owner", `new-evidence:${target}`);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  const response = await upload(
    new NextRequest(`http://localhost/api/files?locale=${locale}`, {
      method: "POST",
      headers: cookies[person] ? { cookie: cookies[person] } : {},
      body: form,
    }),
  );
  return {
    status: response.status,
    body: (await response.json()) as {
      evidence?: { id: string };
      file?: { id: string; name: string; size: number };
      error?: { code: string; message: string; issues?: { parameter: string; message: string }[] };
    },
  };
}

/** Everything an upload could write. */
const written = async () => ({
  evidence: await db.evidence.count(),
  files: await db.storedFile.count(),
  chunks: await db.fileChunk.count(),
  audits: await db.auditEvent.count(),
  notifications: await db.notification.count(),
});

async function run(
  person: Person,
  action: (state: object, data: FormData) => Promise<unknown>,
  fields: object,
) {
  request.headers = new Headers(cookies[person] ? { cookie: cookies[person] } : {});
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, String(value));
  const outcome = await callAction(() => action({}, data));
  return "returned" in outcome ? (outcome.returned as Record<string, unknown>) : outcome;
}

describe("evidence that is only a file", () => {
  it("is a piece without a link and its file, written and audited together", async () => {
    const bytes = pdf("答复函");
    const { status, body } = await sendEvidence("lead", LETTER, { name: "答复函.pdf", bytes });
    expect(status, JSON.stringify(body)).toBe(201);
    const evidence = await db.evidence.findUniqueOrThrow({
      where: { id: body.evidence?.id },
      include: { files: true },
    });
    expect(evidence).toMatchObject({
      url: null,
      recommendationId,
      titleZh: LETTER.titleZh,
      kind: "report",
      publisher: "市科委",
      isPublic: true,
      isInternal: false,
    });
    expect(evidence.files).toHaveLength(1);
    expect(evidence.files[0]).toMatchObject({
      name: "答复函.pdf",
      mime: "application/pdf",
      size: bytes.length,
    });
    expect(body.file?.id).toBe(evidence.files[0]?.id);
    // Audited as createEvidence audits a piece, and as a file attached to it.
    const audits = await db.auditEvent.findMany({
      where: { entityId: { in: [evidence.id, body.file?.id ?? ""] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((event) => event.action).sort()).toEqual(["evidence.create", "file.attach"]);
    expect(audits.find((event) => event.action === "file.attach")?.after).toMatchObject({
      owner: `evidence:${evidence.id}`,
    });
    // The item's page lists it with its file, and the file downloads.
    const page = await getRecommendationPage(proposalCode, recommendationCode);
    const listed = page?.evidence.find((item) => item.id === evidence.id);
    expect(listed?.url).toBeNull();
    expect(listed?.files.map((file) => file.name)).toEqual(["答复函.pdf"]);
    const response = await download(
      new NextRequest(`http://localhost/api/files/${body.file?.id}`, {
        headers: { cookie: cookies.official },
      }),
      { params: Promise.resolve({ fileId: body.file?.id ?? "" }) },
    );
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("may carry a link as well, checked as the form checks one", async () => {
    const withLink = await sendEvidence(
      "lead",
      { ...LETTER, url: "https://www.shlab.org.cn" },
      { name: "纪要.pdf", bytes: pdf("纪要") },
    );
    expect(withLink.status).toBe(201);
    expect((await db.evidence.findUniqueOrThrow({ where: { id: withLink.body.evidence?.id } })).url).toBe(
      "https://www.shlab.org.cn/",
    );
    const before = await written();
    const bad = await sendEvidence(
      "lead",
      { ...LETTER, url: "javascript:alert(1)" },
      { name: "纪要.pdf", bytes: pdf() },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.issues).toEqual([{ parameter: "url", message: en.validation.urlScheme }]);
    expect(await written()).toEqual(before);
  });

  it("goes on an action the user's agency handles too", async () => {
    const action = await db.action.findFirstOrThrow({ where: { recommendationId } });
    const { status, body } = await sendEvidence(
      "lead",
      LETTER,
      { name: "协议.pdf", bytes: pdf("协议") },
      { target: `action:${action.id}` },
    );
    expect(status).toBe(201);
    expect(await db.evidence.findUniqueOrThrow({ where: { id: body.evidence?.id } })).toMatchObject({
      actionId: action.id,
      recommendationId: null,
      url: null,
    });
  });

  it.each([
    ["a disguised executable", { name: "答复函.pdf", bytes: EXECUTABLES.elf() }, 400, "invalid_file"],
    ["an empty file", { name: "答复函.pdf", bytes: new Uint8Array(0) }, 400, "invalid_file"],
    ["no file at all", null, 400, "invalid_file"],
  ] as const)("writes nothing for %s", async (_, file, status, code) => {
    const before = await written();
    const { status: answered, body } = await sendEvidence("lead", LETTER, file);
    expect(answered, JSON.stringify(body)).toBe(status);
    expect(body.error?.code).toBe(code);
    expect(await written()).toEqual(before);
  });

  it("writes nothing for a file over the limit, and says so in the user's language", async () => {
    process.env.FILE_MAX_MB = "1";
    const before = await written();
    const { status, body } = await sendEvidence(
      "lead",
      LETTER,
      { name: "答复函.pdf", bytes: pdf("large", 1024 * 1024 + 10) },
      { locale: "zh-CN" },
    );
    expect(status).toBe(413);
    expect(body.error?.message).toBe(zh.files.problem.tooLarge.replace("{megabytes}", "1"));
    expect(await written()).toEqual(before);
  });

  it("writes nothing for fields the evidence form refuses, with the form's messages", async () => {
    const before = await written();
    const { status, body } = await sendEvidence(
      "lead",
      { ...LETTER, titleZh: " ", isInternal: "on" },
      { name: "答复函.pdf", bytes: pdf() },
      { locale: "zh-CN" },
    );
    expect(status).toBe(400);
    expect(body.error?.issues).toEqual(
      expect.arrayContaining([
        { parameter: "titleZh", message: zh.validation.required },
        { parameter: "isInternal", message: zh.validation.internalNotPublic },
      ]),
    );
    const control = await sendEvidence(
      "lead",
      { ...LETTER, note: "a\u0000b" },
      { name: "x.pdf", bytes: pdf() },
    );
    expect(control.body.error?.issues).toEqual([
      { parameter: "note", message: en.validation.controlCharacters },
    ]);
    expect(await written()).toEqual(before);
  });

  it.each([
    ["visitor", 401],
    ["official", 403],
    ["office", 403],
    ["otherStaff", 403],
    ["deputy", 403],
  ] as const)("refuses %s (%i) as createEvidence does, writing nothing", async (person, status) => {
    const before = await written();
    const answer = await sendEvidence(person, LETTER, { name: "答复函.pdf", bytes: pdf() });
    expect(answer.status).toBe(status);
    expect(await written()).toEqual(before);
    // The same person through the form's action is refused too (or, signed out, told to sign in).
    const viaForm = await run(person, createEvidence, {
      target: `recommendation:${recommendationId}`,
      url: "https://www.shlab.org.cn",
      ...LETTER,
    });
    expect(viaForm).toHaveProperty("formError");
    expect(await written()).toEqual(before);
  });

  it("an admin may add one, as createEvidence allows", async () => {
    const { status } = await sendEvidence("admin", LETTER, { name: "答复函.pdf", bytes: pdf() });
    expect(status).toBe(201);
  });

  it("cannot be made by the form's action, which takes no file: it has no link", async () => {
    const before = await written();
    const answer = await run("lead", createEvidence, {
      target: `recommendation:${recommendationId}`,
      source: "file",
      ...LETTER,
    });
    expect(answer).toEqual({ fieldErrors: { file: ["files.problem.noFile"] } });
    // Without a link and without saying it is a file: the link is required.
    const noLink = await run("lead", createEvidence, {
      target: `recommendation:${recommendationId}`,
      ...LETTER,
    });
    expect(noLink).toEqual({ fieldErrors: { url: ["validation.required"] } });
    expect(await written()).toEqual(before);
  });
});

describe("removing a file", () => {
  const attach = async (evidenceId: string, name = "附件.pdf") => {
    const form = new FormData();
    form.set("owner", `evidence:${evidenceId}`);
    form.set("file", new File([pdf(name) as Uint8Array<ArrayBuffer>], name));
    const response = await upload(
      new NextRequest("http://localhost/api/files?locale=en", {
        method: "POST",
        headers: { cookie: cookies.lead },
        body: form,
      }),
    );
    expect(response.status).toBe(201);
    return ((await response.json()) as { file: { id: string } }).file.id;
  };

  it("marks it removed (the row and its history stay), audited, for those who may attach there", async () => {
    const { body } = await sendEvidence("lead", LETTER, { name: "答复函.pdf", bytes: pdf() });
    const evidenceId = body.evidence?.id ?? "";
    const second = await attach(evidenceId, "补充.pdf");
    for (const person of ["official", "office", "otherStaff", "deputy", "visitor"] as const) {
      const refused = await run(person, removeFile, { fileId: second });
      expect(refused, person).toHaveProperty("formError");
    }
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: second } })).removedAt).toBeNull();

    expect(await run("lead", removeFile, { fileId: second })).toEqual({ notice: "files.removed" });
    const row = await db.storedFile.findUniqueOrThrow({ where: { id: second } });
    expect(row.removedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "file.remove", entityId: second } })).toBe(1);
    // No longer listed, nor read.
    const page = await getRecommendationPage(proposalCode, recommendationCode);
    expect(page?.evidence.find((item) => item.id === evidenceId)?.files.map((file) => file.id)).toEqual([
      body.file?.id,
    ]);
    const response = await download(
      new NextRequest(`http://localhost/api/files/${second}`, { headers: { cookie: cookies.lead } }),
      { params: Promise.resolve({ fileId: second }) },
    );
    expect(response.status).toBe(404);
    // Removed once: a second removal finds nothing to remove.
    expect(await run("lead", removeFile, { fileId: second })).toEqual({ formError: "validation.notFound" });
  });

  it("refuses the last file of a piece that has no link: it would be neither", async () => {
    const { body } = await sendEvidence("lead", LETTER, { name: "答复函.pdf", bytes: pdf() });
    const audits = await db.auditEvent.count();
    expect(await run("admin", removeFile, { fileId: body.file?.id })).toEqual({
      formError: "files.removeLast",
    });
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: body.file?.id } })).removedAt).toBeNull();
    expect(await db.auditEvent.count()).toBe(audits);
  });

  it("takes two removals of a file-only piece's last two files at once in turn: one stays", async () => {
    const { body } = await sendEvidence("lead", LETTER, { name: "答复函.pdf", bytes: pdf() });
    const evidenceId = body.evidence?.id ?? "";
    const second = await attach(evidenceId);
    request.headers = new Headers({ cookie: cookies.lead });
    const answers = await Promise.all(
      [body.file?.id, second].map((fileId) =>
        removeFile(
          {},
          (() => {
            const data = new FormData();
            data.set("fileId", fileId ?? "");
            return data;
          })(),
        ),
      ),
    );
    expect(answers.filter((answer) => answer.notice)).toHaveLength(1);
    expect(await db.storedFile.count({ where: { evidenceId, removedAt: null } })).toBe(1);
  });

  it("lets a piece with a link lose its last file", async () => {
    const evidence = await db.evidence.create({
      data: { recommendationId, url: "https://www.shlab.org.cn/", titleZh: "有链接的佐证" },
    });
    const file = await attach(evidence.id);
    expect(await run("lead", removeFile, { fileId: file })).toEqual({ notice: "files.removed" });
  });

  it("refuses a file of withdrawn evidence, as attaching is", async () => {
    const { body } = await sendEvidence("lead", LETTER, { name: "答复函.pdf", bytes: pdf() });
    const second = await attach(body.evidence?.id ?? "");
    await db.evidence.update({
      where: { id: body.evidence?.id },
      data: { withdrawnAt: new Date(), withdrawnReason: "上传错了" },
    });
    expect(await run("lead", removeFile, { fileId: second })).toHaveProperty("formError");
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: second } })).removedAt).toBeNull();
  });
});

describe("a corrected contact record", () => {
  it("shows the files of the version it corrects, which may still be removed", async () => {
    const lead = await db.user.findUniqueOrThrow({
      where: { email: PEOPLE.lead },
      include: { agency: true },
    });
    const contact = await db.deputyContact.create({
      data: {
        recommendationId,
        agencyId: lead.agencyId,
        contactDate: new Date("2026-11-20T00:00:00+08:00"),
        method: "in_person",
        participants: "王代表、李强",
        summary: "当面沟通办理方案。",
        recordedById: lead.id,
      },
    });
    const form = new FormData();
    form.set("owner", `contact:${contact.id}`);
    form.set("file", new File([pdf("纪要") as Uint8Array<ArrayBuffer>], "面商纪要.pdf"));
    const uploaded = await upload(
      new NextRequest("http://localhost/api/files?locale=en", {
        method: "POST",
        headers: { cookie: cookies.lead },
        body: form,
      }),
    );
    expect(uploaded.status).toBe(201);
    const fileId = ((await uploaded.json()) as { file: { id: string } }).file.id;

    expect(
      await run("lead", correctContact, {
        recommendationId,
        contactId: contact.id,
        contactDate: "2026-11-19",
        method: "visit",
        participants: "王代表、李强",
        summary: "走访沟通办理方案。",
        links: "",
        correctionReason: "实为走访。",
      }),
    ).toEqual({ notice: "contacts.corrected" });
    const card = await contactCardOf(recommendationId, lead);
    const current = card?.records.find((record) =>
      record.earlier.some((version) => version.id === contact.id),
    );
    expect(current?.files.map((file) => file.id)).toEqual([fileId]);
    // The file is the old version's still (its owner never changes), and who may correct the current
    // version may remove it.
    expect((await db.storedFile.findUniqueOrThrow({ where: { id: fileId } })).contactId).toBe(contact.id);
    expect(await run("otherStaff", removeFile, { fileId })).toHaveProperty("formError");
    expect(await run("lead", removeFile, { fileId })).toEqual({ notice: "files.removed" });
    const after = await contactCardOf(recommendationId, lead);
    expect(after?.records.find((record) => record.id === current?.id)?.files).toEqual([]);
  });
});

describe("a piece without a link, wherever evidence is shown or exported", () => {
  it("shows its files instead: public page and open data, the API, exports; link checks skip it", async () => {
    const { body } = await sendEvidence(
      "lead",
      { ...LETTER, titleZh: "公开的答复函扫描件" },
      { name: "公开答复函.pdf", bytes: pdf() },
    );
    const evidenceId = body.evidence?.id ?? "";
    await db.proposal.update({ where: { code: proposalCode }, data: { publishedAt: new Date() } });

    const progress = await getPublicProgress(proposalCode);
    const shown = progress?.recommendations
      .flatMap((rec) => [...rec.evidence, ...rec.actions.flatMap((action) => action.evidence)])
      .find((item) => item.id === evidenceId);
    expect(shown).toMatchObject({ url: null, files: [{ name: "公开答复函.pdf" }] });
    if (!progress) throw new Error("the proposal is published");
    const json = JSON.stringify(publicJson(progress));
    expect(json).toContain(`"path":"/api/files/${body.file?.id}"`);
    expect(publicCsv(progress, "zh-CN")).toContain("公开的答复函扫描件 公开答复函.pdf");

    const page = await getRecommendationPageById(recommendationId);
    if (!page) throw new Error("the recommendation exists");
    expect(recommendationDetail(page).evidence.find((item) => item.id === evidenceId)).toMatchObject({
      url: null,
      files: [{ id: body.file?.id, name: "公开答复函.pdf", download: `/api/files/${body.file?.id}` }],
    });

    const query = exportQuery.parse({ format: "csv", kind: "recommendation" });
    const view = await openExportView(sqlReader(db), query, shanghaiDate(toShanghaiDateString(new Date())));
    const rows: { id: string; url: string | null; files: string[] }[] = [];
    for await (const batch of exportBatches(sqlReader(db), view, "evidence")) rows.push(...batch);
    expect(rows.find((row) => row.id === evidenceId)).toMatchObject({ url: null, files: ["公开答复函.pdf"] });

    await addNewLinks(db);
    expect(await db.linkCheck.count({ where: { evidenceId } })).toBe(0);
    expect(await db.linkCheck.count()).toBeGreaterThan(0);
  });
});
