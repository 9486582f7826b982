// Minimal rows for tests that need their own data rather than the sample.
import { randomBytes } from "node:crypto";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";

const unique = () => randomBytes(4).toString("hex");

export function createProposal(overrides: { code?: string } = {}) {
  return db.proposal.create({
    data: {
      code: overrides.code ?? `P-${unique()}`,
      titleZh: "测试建议",
      authorZh: "测试代表",
      congressSessionZh: "测试会议",
      submittedAt: shanghaiDate("2024-01-26"),
      summaryZh: "测试摘要",
    },
  });
}

export function createRecommendation(
  proposalId: string,
  overrides: { code?: string; weight?: number; progress?: number } = {},
) {
  return db.recommendation.create({
    data: {
      proposalId,
      code: overrides.code ?? `R-${unique()}`,
      titleZh: "测试条目",
      descriptionZh: "测试说明",
      sourceQuote: "测试原文",
      weight: overrides.weight ?? 1,
      progress: overrides.progress ?? 0,
    },
  });
}

export function createAction(recommendationId: string, overrides: { code?: string } = {}) {
  return db.action.create({
    data: { recommendationId, code: overrides.code ?? `A-${unique()}`, titleZh: "测试举措" },
  });
}

export function createAgency() {
  const code = unique();
  return db.agency.create({ data: { code: `AG-${code}`, nameZh: `测试单位${code}` } });
}

/**
 * A proposal "LONG-1" whose one recommendation has 20 evidence links of 10,000 characters of note:
 * more text than a pipe holds (64 KB), so that an export of it is still writing while a test acts.
 */
export async function createPipeFillingRecommendation() {
  const proposal = await createProposal({ code: "LONG-1" });
  const recommendation = await createRecommendation(proposal.id, { code: "R1" });
  await db.evidence.createMany({
    data: Array.from({ length: 20 }, (_, i) => ({
      recommendationId: recommendation.id,
      url: `https://example.org/${i}`,
      titleZh: `材料 ${i}`,
      note: "长".repeat(10_000),
      kind: "report" as const,
    })),
  });
  return recommendation;
}
