import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadAllowedHosts } from "./settings";
import { type LinkState, linkState } from "./state";

/** Links listed on the admin page at most (the most recently checked first). */
const LISTED = 200;

const itemSelect = {
  code: true,
  recommendation: { select: { code: true, proposal: { select: { code: true } } } },
};

/**
 * What the admin page lists: the broken links and those changed since cited (the text's hash no longer
 * the baseline's), with the items they are evidence of, and the counts of each state. Withdrawn
 * evidence is left out: nobody cites it any more.
 */
export async function getLinkCheckOverview(_admin: CheckedAdmin) {
  const live = {
    OR: [{ evidenceId: null }, { evidence: { withdrawnAt: null } }],
  };
  const changed = {
    outcome: "ok",
    baselineHash: { not: null },
    textHash: { not: null },
    NOT: { textHash: { equals: db.linkCheck.fields.baselineHash } },
  };
  const [rows, total, unchecked, broken, changedCount, allowedHosts] = await Promise.all([
    db.linkCheck.findMany({
      where: { AND: [live, { OR: [{ outcome: "broken" }, changed] }] },
      orderBy: [{ checkedAt: "desc" }, { id: "asc" }],
      take: LISTED,
      select: {
        id: true,
        url: true,
        checkedAt: true,
        dueAt: true,
        outcome: true,
        failure: true,
        httpStatus: true,
        finalUrl: true,
        title: true,
        snapshot: true,
        error: true,
        textHash: true,
        baselineHash: true,
        baselineAt: true,
        evidence: {
          select: {
            id: true,
            titleZh: true,
            titleEn: true,
            recommendation: { select: { code: true, proposal: { select: { code: true } } } },
            action: { select: itemSelect },
          },
        },
        contactLink: {
          select: {
            contact: {
              select: { recommendation: { select: { code: true, proposal: { select: { code: true } } } } },
            },
          },
        },
      },
    }),
    db.linkCheck.count({ where: live }),
    db.linkCheck.count({ where: { AND: [live, { checkedAt: null }] } }),
    db.linkCheck.count({ where: { AND: [live, { outcome: "broken" }] } }),
    db.linkCheck.count({ where: { AND: [live, changed] } }),
    loadAllowedHosts(db),
  ]);
  const links = rows.map(({ evidence, contactLink, ...row }) => {
    const recommendation =
      evidence?.recommendation ??
      evidence?.action?.recommendation ??
      contactLink?.contact.recommendation ??
      null;
    return {
      ...row,
      state: linkState(row) as Exclude<LinkState, "unchecked" | "ok">,
      source: evidence ? ("evidence" as const) : ("contact" as const),
      evidenceTitle: evidence ? { zh: evidence.titleZh, en: evidence.titleEn } : null,
      item: recommendation
        ? {
            proposalCode: recommendation.proposal.code,
            recommendationCode: recommendation.code,
            actionCode: evidence?.action?.code ?? null,
          }
        : null,
    };
  });
  return { links, counts: { total, unchecked, broken, changed: changedCount }, allowedHosts };
}

export type LinkCheckOverview = Awaited<ReturnType<typeof getLinkCheckOverview>>;
