// GET /api/v1/recommendations/{id}: one recommendation with its actions, evidence and history, as
// the recommendation page loads it (getRecommendationPageById).
import "server-only";
import { z } from "zod";
import { AgencyRole, EvidenceKind, ItemStatus, ReplyClass, RollUpCause, UpdateSource } from "@/lib/db/enums";
import type { RecommendationPage } from "@/lib/recommendations/queries";
import { plainText } from "@/lib/validation/fields";
import { namedSchema } from "./components";
import { apiDate, apiInstant, calendarDateSchema, instantSchema } from "./json";
import { defineApiRoute } from "./openapi";

const nullableText = z.string().nullable();
const status = z
  .enum(ItemStatus)
  .describe("未启动 not_started · 推进中 in_progress · 已完成 completed · 受阻 stalled · 未采纳 not_adopted");
const progress = z.number().int().min(0).max(100).describe("Per cent done.");

export const agencyAssignmentSchema = namedSchema(
  "AgencyAssignment",
  z
    .object({
      id: z.string(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: nullableText,
      shortNameZh: nullableText,
      shortNameEn: nullableText,
      role: z.enum(AgencyRole).describe("lead (主办) or co_handler (协办)"),
    })
    .describe("A handling agency (承办单位) of a recommendation or action."),
);

const change = {
  statusBefore: status.nullable(),
  statusAfter: status,
  progressBefore: progress.nullable(),
  progressAfter: progress,
};

export const recommendationDetailSchema = namedSchema(
  "RecommendationDetail",
  z.object({
    id: z.string(),
    code: z.string().describe("e.g. R3; unique within its proposal"),
    titleZh: z.string(),
    titleEn: nullableText,
    descriptionZh: z.string(),
    descriptionEn: nullableText,
    sourceQuote: z
      .string()
      .describe("The sentence(s) of the proposal's text this recommendation is traced to."),
    status,
    progress,
    weight: z.number(),
    startDate: calendarDateSchema.nullable(),
    dueDate: calendarDateSchema.nullable(),
    updatedAt: instantSchema,
    proposal: z.object({
      id: z.string(),
      code: z.string(),
      titleZh: z.string(),
      titleEn: nullableText,
      isSample: z
        .boolean()
        .describe("The proposal's statuses and progress are sample data (示例数据), not real."),
    }),
    theme: z.object({ code: z.string(), nameZh: z.string(), nameEn: nullableText }).nullable(),
    agencies: z.array(agencyAssignmentSchema),
    reply: z
      .object({
        assignedAt: calendarDateSchema.nullable().describe("交办"),
        replyDueAt: calendarDateSchema.nullable().describe("答复期限: 3 months after assignment, at most 6"),
        replyExtensionReason: nullableText,
        repliedAt: calendarDateSchema.nullable(),
        replyClass: z
          .enum(ReplyClass)
          .nullable()
          .describe("A 解决采纳 · B 正在解决/计划解决 · C 留待以后解决 · D 留作参考"),
        satisfaction: z
          .object({
            key: z.string(),
            labelZh: nullableText,
            labelEn: nullableText,
            isDissatisfied: z.boolean().nullable(),
          })
          .nullable()
          .describe("The deputy's feedback (代表反馈) on the configured scale."),
        feedbackAt: calendarDateSchema.nullable(),
        rehandlingRepliedAt: calendarDateSchema
          .nullable()
          .describe("The second answer after dissatisfied feedback."),
        followUpRepliedAt: calendarDateSchema
          .nullable()
          .describe("The follow-up answer of a class B or C reply."),
      })
      .describe("The formal reply (答复) and the deputy's feedback."),
    actions: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        titleZh: z.string(),
        titleEn: nullableText,
        descriptionZh: nullableText,
        descriptionEn: nullableText,
        status,
        progress,
        weight: z.number(),
        startDate: calendarDateSchema.nullable(),
        dueDate: calendarDateSchema.nullable(),
        updatedAt: instantSchema,
        agencies: z.array(agencyAssignmentSchema),
      }),
    ),
    evidence: z
      .array(
        z.object({
          id: z.string(),
          url: z
            .string()
            .nullable()
            .describe("The link; null for evidence that is only a file (then files holds at least one)."),
          titleZh: z.string(),
          titleEn: nullableText,
          kind: z.enum(EvidenceKind),
          publisher: nullableText,
          publishedAt: calendarDateSchema.nullable(),
          note: nullableText,
          isPublic: z.boolean(),
          isInternal: z.boolean().describe("内部材料: not shown to the proposal's deputies, never public."),
          verifiedAt: instantSchema
            .nullable()
            .describe("核实: when the office or the agency's reviewer verified it; null while only claimed."),
          verifiedNote: nullableText,
          actionCode: nullableText.describe("The action it is attached to; null: the recommendation itself."),
          createdAt: instantSchema,
          withdrawn: z.boolean().describe("Withdrawn evidence is kept, marked, with its reason."),
          withdrawnAt: instantSchema.nullable(),
          withdrawnReason: nullableText,
          files: z
            .array(
              z.object({
                id: z.string(),
                name: z.string(),
                mime: z.string(),
                size: z.number().describe("Bytes."),
                sha256: z.string(),
                download: z.string().describe("Its download address (GET, with the same session or token)."),
              }),
            )
            .describe(
              "The evidence's files (a scanned letter, minutes), oldest first; removed ones left out.",
            ),
        }),
      )
      .describe("Evidence of the recommendation and of its actions, newest first, withdrawn ones included."),
    history: z
      .array(
        z.object({
          id: z.string(),
          item: z.object({
            kind: z.enum(["recommendation", "action"]),
            code: z.string(),
          }),
          ...change,
          effectiveDate: calendarDateSchema.describe("The day the change took effect."),
          recordedAt: instantSchema,
          comment: nullableText,
          source: z.enum(UpdateSource),
          importFileName: nullableText,
          author: z.object({ name: z.string() }).nullable(),
          rollUpCause: z
            .enum(RollUpCause)
            .nullable()
            .describe(
              "Set on an update of the recommendation computed from its actions: why it was computed.",
            ),
          rollUpActionCode: nullableText,
          rolledUp: z
            .object(change)
            .nullable()
            .describe("On an action's update: the change it caused to the recommendation's roll-up."),
          evidence: z
            .array(
              z.object({
                id: z.string(),
                url: z.string().nullable().describe("null: evidence that is only a file."),
                titleZh: z.string(),
                titleEn: nullableText,
                withdrawn: z.boolean(),
              }),
            )
            .describe("The evidence this update cites."),
        }),
      )
      .describe("Status updates of the recommendation and its actions, newest effective date first."),
  }),
);
export type RecommendationDetail = z.infer<typeof recommendationDetailSchema>;

export const recommendationDetailRoute = defineApiRoute({
  path: "/api/v1/recommendations/{id}",
  operationId: "getRecommendation",
  summary: "One recommendation, with its actions, evidence and history",
  tags: ["recommendations"],
  pathParams: z.object({ id: plainText().min(1).max(100).describe("The recommendation's id.") }),
  response: recommendationDetailSchema,
  responseDescription: "The recommendation.",
  notFound: "No recommendation has this id (not_found).",
});

function agencies(assignments: RecommendationPage["recommendation"]["agencies"]) {
  return assignments.map(({ agencyId, role, agency }) => ({ id: agencyId, ...agency, role }));
}

/** The page's data as the API writes it. */
export function recommendationDetail({
  recommendation: r,
  evidence,
  history,
  satisfaction,
}: RecommendationPage): RecommendationDetail {
  return {
    id: r.id,
    code: r.code,
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    sourceQuote: r.sourceQuote,
    status: r.status,
    progress: r.progress,
    weight: r.weight,
    startDate: apiDate(r.startDate),
    dueDate: apiDate(r.dueDate),
    updatedAt: apiInstant(r.updatedAt),
    proposal: {
      id: r.proposal.id,
      code: r.proposal.code,
      titleZh: r.proposal.titleZh,
      titleEn: r.proposal.titleEn,
      isSample: r.proposal.isSample,
    },
    theme: r.theme,
    agencies: agencies(r.agencies),
    reply: {
      assignedAt: apiDate(r.assignedAt),
      replyDueAt: apiDate(r.replyDueAt),
      replyExtensionReason: r.replyExtensionReason,
      repliedAt: apiDate(r.repliedAt),
      replyClass: r.replyClass,
      // A key no longer on the scale keeps its key, without a label.
      satisfaction: r.satisfaction
        ? {
            key: r.satisfaction,
            labelZh: satisfaction?.labelZh ?? null,
            labelEn: satisfaction?.labelEn ?? null,
            isDissatisfied: satisfaction?.isDissatisfied ?? null,
          }
        : null,
      feedbackAt: apiDate(r.feedbackAt),
      rehandlingRepliedAt: apiDate(r.rehandlingRepliedAt),
      followUpRepliedAt: apiDate(r.followUpRepliedAt),
    },
    actions: r.actions.map((action) => ({
      id: action.id,
      code: action.code,
      titleZh: action.titleZh,
      titleEn: action.titleEn,
      descriptionZh: action.descriptionZh,
      descriptionEn: action.descriptionEn,
      status: action.status,
      progress: action.progress,
      weight: action.weight,
      startDate: apiDate(action.startDate),
      dueDate: apiDate(action.dueDate),
      updatedAt: apiInstant(action.updatedAt),
      agencies: agencies(action.agencies),
    })),
    evidence: evidence.map((item) => ({
      id: item.id,
      url: item.url,
      titleZh: item.titleZh,
      titleEn: item.titleEn,
      kind: item.kind,
      publisher: item.publisher,
      publishedAt: apiDate(item.publishedAt),
      note: item.note,
      isPublic: item.isPublic,
      isInternal: item.isInternal,
      verifiedAt: apiInstant(item.verifiedAt),
      verifiedNote: item.verifiedNote,
      actionCode: item.action?.code ?? null,
      createdAt: apiInstant(item.createdAt),
      withdrawn: item.withdrawnAt !== null,
      withdrawnAt: apiInstant(item.withdrawnAt),
      withdrawnReason: item.withdrawnReason,
      files: item.files.map((file) => ({
        id: file.id,
        name: file.name,
        mime: file.mime,
        size: file.size,
        sha256: file.sha256,
        download: `/api/files/${file.id}`,
      })),
    })),
    history: history.map((entry) => ({
      id: entry.id,
      item: entry.action
        ? { kind: "action" as const, code: entry.action.code }
        : { kind: "recommendation" as const, code: r.code },
      statusBefore: entry.statusBefore,
      statusAfter: entry.statusAfter,
      progressBefore: entry.progressBefore,
      progressAfter: entry.progressAfter,
      effectiveDate: apiDate(entry.effectiveDate),
      recordedAt: apiInstant(entry.createdAt),
      comment: entry.comment,
      source: entry.source,
      importFileName: entry.importFileName,
      author: entry.author,
      rollUpCause: entry.rollUpCause,
      rollUpActionCode: entry.rollUpActionCode,
      rolledUp: entry.rolledUpInto,
      evidence: entry.evidence.map(({ evidence: cited }) => ({
        id: cited.id,
        url: cited.url,
        titleZh: cited.titleZh,
        titleEn: cited.titleEn,
        withdrawn: cited.withdrawnAt !== null,
      })),
    })),
  };
}
