// 讨论 in the sample: a short thread on R3 (完全开源开放, led by 市经济信息化委) between its lead agency's
// staff, the office and the demo deputy (王延峰（示例）), after the reply of 2024-04-26 and before the
// deputy's feedback of 2024-05-10. Sample data: it speaks only of how the item is tracked (progress
// updates and their evidence links), not of anything the agencies really did.

import { mentionToken } from "../lib/comments/mentions";
import type { DbClient } from "../lib/db/client";
import { SAMPLE_PROPOSAL } from "./sample-data";

type Mention = { user: string } | { agency: string };
type SampleComment = { by: string; at: string; text: string; mentions?: readonly Mention[] };

export const SAMPLE_THREAD: { recommendation: string; comments: readonly SampleComment[] } = {
  recommendation: "R3",
  comments: [
    {
      by: "staff.jxw@tracker.example",
      at: "2024-05-06T10:12:00+08:00",
      text: "R3 的答复已送达，后续落实情况会继续在本条目记录。请 {0} 留意 R3.2 开源社区建设的进展更新，如需补充说明可在此留言。",
      mentions: [{ user: "deputy.wang@tracker.example" }],
    },
    {
      by: "deputy.wang@tracker.example",
      at: "2024-05-08T09:30:00+08:00",
      text: "收到，谢谢。希望今后每次进展更新都附上可以公开查阅的佐证链接，便于核对落实情况。",
    },
    {
      by: "office@tracker.example",
      at: "2024-05-08T14:05:00+08:00",
      text: "请 {0} 在 R3.2 的进展更新中一并附上公开佐证链接，交办部门会跟踪。",
      mentions: [{ agency: "SHEITC" }],
    },
    {
      by: "staff.jxw@tracker.example",
      at: "2024-05-09T11:20:00+08:00",
      text: "好的，今后的进展更新会附上公开佐证链接。",
    },
  ],
};

/** Writes the sample's thread, with its mentions as references (no notifications: they are long past). */
export async function createSampleComments(tx: DbClient): Promise<number> {
  const rec = await tx.recommendation.findFirstOrThrow({
    where: { code: SAMPLE_THREAD.recommendation, proposal: { code: SAMPLE_PROPOSAL.code } },
    select: { id: true },
  });
  for (const comment of SAMPLE_THREAD.comments) {
    const author = await tx.user.findUniqueOrThrow({ where: { email: comment.by }, select: { id: true } });
    const refs = await Promise.all(
      (comment.mentions ?? []).map(async (mention) =>
        "user" in mention
          ? {
              kind: "user" as const,
              id: (await tx.user.findUniqueOrThrow({ where: { email: mention.user } })).id,
            }
          : {
              kind: "agency" as const,
              id: (await tx.agency.findUniqueOrThrow({ where: { code: mention.agency } })).id,
            },
      ),
    );
    const text = refs.reduce((at, ref, i) => at.replace(`{${i}}`, mentionToken(ref)), comment.text);
    const createdAt = new Date(comment.at);
    await tx.comment.create({
      data: {
        recommendationId: rec.id,
        authorId: author.id,
        createdAt,
        updatedAt: createdAt,
        versions: { create: { version: 1, text, createdAt } },
        mentions: {
          create: refs.map((ref) => ({
            version: 1,
            createdAt,
            ...(ref.kind === "user" ? { userId: ref.id } : { agencyId: ref.id }),
          })),
        },
      },
    });
  }
  return SAMPLE_THREAD.comments.length;
}
