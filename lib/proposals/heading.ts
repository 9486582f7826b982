import type { Prisma } from "@/lib/db/client";

/** What every page and file naming a proposal shows of it: code, title, deputy, session, date, sample mark. */
export const proposalHeadingSelect = {
  code: true,
  titleZh: true,
  titleEn: true,
  authorZh: true,
  authorEn: true,
  congressSessionZh: true,
  congressSessionEn: true,
  submittedAt: true,
  isSample: true,
} as const satisfies Prisma.ProposalSelect;
