import { addMonths } from "../dates";

/** 答复期限: an agency replies within 3 months of assignment (交办). */
export const REPLY_MONTHS = 3;

/** The statutory reply deadline ("YYYY-MM-DD") for an assignment date. */
export function replyDueDate(assignedAt: string): string {
  return addMonths(assignedAt, REPLY_MONTHS);
}
