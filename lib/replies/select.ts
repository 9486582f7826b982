/** A recommendation's reply (答复) and feedback fields, as Prisma selects them. */
export const REPLY_FIELDS = {
  assignedAt: true,
  replyDueAt: true,
  replyExtensionReason: true,
  repliedAt: true,
  replyClass: true,
  satisfaction: true,
  feedbackAt: true,
  rehandlingRepliedAt: true,
  followUpRepliedAt: true,
} as const;
