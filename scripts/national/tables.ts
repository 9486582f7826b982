// The columns the generator writes, in the order its rows hold them (see prisma/models.prisma).
import {
  CHAIN_COLUMNS,
  type ChainHeadLink,
  contentHashOf,
  EMPTY_CHAIN,
  linkAfter,
} from "../../lib/history-chain/content";
import type { Row, TableSpec } from "./bulk-writer";

const itemStatus = { enum: "ItemStatus" } as const;
const agencyRole = { enum: "AgencyRole" } as const;

export const THEME = {
  name: "Theme",
  columns: [
    ["id", "text"],
    ["code", "text"],
    ["nameZh", "text"],
    ["nameEn", "text"],
    ["sortOrder", "int"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const AGENCY = {
  name: "Agency",
  columns: [
    ["id", "text"],
    ["code", "text"],
    ["nameZh", "text"],
    ["nameEn", "text"],
    ["shortNameZh", "text"],
    ["shortNameEn", "text"],
    ["active", "bool"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const USER = {
  name: "User",
  columns: [
    ["id", "text"],
    ["name", "text"],
    ["email", "text"],
    ["emailVerified", "bool"],
    ["role", { enum: "UserRole" }],
    ["agencyId", "text"],
    ["banned", "bool"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const PROPOSAL = {
  name: "Proposal",
  columns: [
    ["id", "text"],
    ["code", "text"],
    ["officialNumber", "text"],
    ["titleZh", "text"],
    ["titleEn", "text"],
    ["authorZh", "text"],
    ["authorEn", "text"],
    ["congressSessionZh", "text"],
    ["congressSessionEn", "text"],
    ["submittedAt", "timestamp"],
    ["summaryZh", "text"],
    ["summaryEn", "text"],
    ["sourceReferenceZh", "text"],
    ["sourceReferenceEn", "text"],
    ["sourceUrl", "text"],
    ["isSample", "bool"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const RECOMMENDATION = {
  name: "Recommendation",
  columns: [
    ["id", "text"],
    ["proposalId", "text"],
    ["code", "text"],
    ["sortOrder", "int"],
    ["titleZh", "text"],
    ["titleEn", "text"],
    ["descriptionZh", "text"],
    ["descriptionEn", "text"],
    ["sourceQuote", "text"],
    ["themeId", "text"],
    ["status", itemStatus],
    ["progress", "int"],
    ["startDate", "timestamp"],
    ["dueDate", "timestamp"],
    ["weight", "float"],
    ["assignedAt", "timestamp"],
    ["replyDueAt", "timestamp"],
    ["replyExtensionReason", "text"],
    ["repliedAt", "timestamp"],
    ["replyClass", { enum: "ReplyClass" }],
    ["satisfaction", "text"],
    ["feedbackAt", "timestamp"],
    ["rehandlingRepliedAt", "timestamp"],
    ["followUpRepliedAt", "timestamp"],
    ["stage", { enum: "CycleStage" }],
    ["version", "int"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const RECOMMENDATION_AGENCY = {
  name: "RecommendationAgency",
  columns: [
    ["recommendationId", "text"],
    ["agencyId", "text"],
    ["role", agencyRole],
    ["createdAt", "timestamp"],
    ["acknowledgedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const ACTION = {
  name: "Action",
  columns: [
    ["id", "text"],
    ["recommendationId", "text"],
    ["code", "text"],
    ["sortOrder", "int"],
    ["titleZh", "text"],
    ["titleEn", "text"],
    ["descriptionZh", "text"],
    ["descriptionEn", "text"],
    ["status", itemStatus],
    ["progress", "int"],
    ["startDate", "timestamp"],
    ["dueDate", "timestamp"],
    ["weight", "float"],
    ["version", "int"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const ACTION_AGENCY = {
  name: "ActionAgency",
  columns: [
    ["actionId", "text"],
    ["agencyId", "text"],
    ["role", agencyRole],
    ["createdAt", "timestamp"],
  ],
} as const satisfies TableSpec;

export const EVIDENCE = {
  name: "Evidence",
  columns: [
    ["id", "text"],
    ["recommendationId", "text"],
    ["actionId", "text"],
    ["url", "text"],
    ["titleZh", "text"],
    ["titleEn", "text"],
    ["kind", { enum: "EvidenceKind" }],
    ["publisher", "text"],
    ["publishedAt", "timestamp"],
    ["note", "text"],
    ["isPublic", "bool"],
    ["withdrawnAt", "timestamp"],
    ["withdrawnReason", "text"],
    ["createdById", "text"],
    ["createdAt", "timestamp"],
    ["updatedAt", "timestamp"],
  ],
} as const satisfies TableSpec;
export const EVIDENCE_CREATED_AT = 14;

export const STATUS_UPDATE = {
  name: "StatusUpdate",
  columns: [
    ["id", "text"],
    ["recommendationId", "text"],
    ["actionId", "text"],
    ["statusBefore", itemStatus],
    ["statusAfter", itemStatus],
    ["progressBefore", "int"],
    ["progressAfter", "int"],
    ["effectiveDate", "timestamp"],
    ["comment", "text"],
    ["source", { enum: "UpdateSource" }],
    ["importFileName", "text"],
    ["authorId", "text"],
    ["rollUpOfId", "text"],
    ["rollUpCause", { enum: "RollUpCause" }],
    ["rollUpActionCode", "text"],
    ["createdAt", "timestamp"],
    // The history chain (lib/history-chain), filled in by chainRows as the rows are made.
    ["chainSeq", "int"],
    ["contentHash", "text"],
    ["chainHash", "text"],
  ],
} as const satisfies TableSpec;
export const STATUS_UPDATE_CREATED_AT = 15;

export const STATUS_UPDATE_EVIDENCE = {
  name: "StatusUpdateEvidence",
  columns: [
    ["statusUpdateId", "text"],
    ["evidenceId", "text"],
  ],
} as const satisfies TableSpec;

export const AUDIT_EVENT = {
  name: "AuditEvent",
  columns: [
    ["id", "text"],
    ["actorId", "text"],
    ["action", "text"],
    ["entityType", "text"],
    ["entityId", "text"],
    ["after", "json"],
    ["createdAt", "timestamp"],
    ["chainSeq", "int"],
    ["contentHash", "text"],
    ["chainHash", "text"],
  ],
} as const satisfies TableSpec;

/**
 * Appends the history chain's fields to rows of STATUS_UPDATE or AUDIT_EVENT made without them (all
 * columns but the chain's, in the spec's order), in the order given, after the chain's `head`.
 */
export function chainRows(
  table: typeof STATUS_UPDATE | typeof AUDIT_EVENT,
  rows: Row[],
  head: ChainHeadLink = EMPTY_CHAIN,
) {
  const names = table.columns.map(([name]) => name).filter((name) => !CHAIN_COLUMN_NAMES.has(name));
  const contentHashes = rows.map((row) =>
    contentHashOf(table.name, Object.fromEntries(names.map((name, index) => [name, row[index]]))),
  );
  linkAfter(head, contentHashes).forEach((link, index) => {
    rows[index]?.push(link.chainSeq, link.contentHash, link.chainHash);
  });
}
const CHAIN_COLUMN_NAMES = new Set<string>(CHAIN_COLUMNS);
