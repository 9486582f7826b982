// The home page's portfolio: each proposal's weighted progress, status mix and overdue count, from the
// database; archived recommendations and proposals are left out.
import { beforeAll, describe, expect, it } from "vitest";
import { parseDashboardParams } from "@/lib/dashboard/params";
import { getDashboard } from "@/lib/dashboard/queries";
import { shanghaiDate } from "@/lib/dates";
import { db } from "@/lib/db";
import { getProposalPortfolio } from "@/lib/proposals/portfolio";
import { seedSampleData } from "../../prisma/seed";
import { createProposal } from "./factories";

let code: string;

beforeAll(async () => {
  await seedSampleData(db);
  const proposal = await createProposal({ code: "PORT-1" });
  code = proposal.code;
  const rec = (n: number, data: object) =>
    db.recommendation.create({
      data: {
        proposalId: proposal.id,
        code: `R${n}`,
        titleZh: `条目${n}`,
        descriptionZh: "",
        sourceQuote: "原文",
        ...data,
      },
    });
  await rec(1, { status: "completed", progress: 100, weight: 3, dueDate: shanghaiDate("2020-01-01") });
  await rec(2, { status: "in_progress", progress: 40, weight: 1, dueDate: shanghaiDate("2020-01-01") });
  await rec(3, { status: "in_progress", progress: 20, weight: 1, dueDate: shanghaiDate("2999-01-01") });
  // Archived: out of every figure, although overdue and stalled.
  await rec(4, {
    status: "stalled",
    progress: 0,
    weight: 5,
    dueDate: shanghaiDate("2020-01-01"),
    archivedAt: new Date(),
    archivedReason: "合并",
  });
  const archived = await createProposal({ code: "PORT-ARCHIVED" });
  await db.proposal.update({
    where: { id: archived.id },
    data: { archivedAt: new Date(), archivedReason: "重复" },
  });
});

describe("the portfolio", () => {
  it("aggregates each proposal's progress, status mix and overdue count, leaving archived ones out", async () => {
    const portfolio = await getProposalPortfolio();
    expect(portfolio.total).toBe(2);
    expect(portfolio.proposals.map((proposal) => proposal.code)).not.toContain("PORT-ARCHIVED");
    const entry = portfolio.proposals.find((proposal) => proposal.code === code);
    expect(entry).toMatchObject({
      recommendations: 3,
      countByStatus: { completed: 1, in_progress: 2 },
      overdue: 1,
      // (3·100 + 1·40 + 1·20) / 5
      progress: 72,
    });
    const sample = portfolio.proposals.find((proposal) => proposal.isSample);
    const recs = await db.recommendation.findMany({ where: { proposalId: sample?.id } });
    expect(sample?.recommendations).toBe(recs.length);
  });
});

// Last: it archives PORT-1, which the case above counts.
describe("with one proposal left", () => {
  it("the dashboard groups by its recommendations, as with one proposal, whatever is archived", async () => {
    await db.proposal.update({ where: { code }, data: { archivedAt: new Date(), archivedReason: "合并" } });
    expect((await getProposalPortfolio()).total).toBe(1);
    expect((await getDashboard(db, parseDashboardParams({}))).groupedBy).toBe("recommendation");
  });
});
