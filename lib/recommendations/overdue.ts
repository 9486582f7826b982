import type { ItemStatus } from "@/lib/db/enums";

/** Statuses with nothing left to do: such an item is never overdue. */
export const CLOSED_STATUSES: readonly ItemStatus[] = ["completed", "not_adopted"];

/** An item is overdue when its due date (a Shanghai calendar day) has passed and it is still open. */
export function isOverdue(item: { status: ItemStatus; dueDate: Date | null }, today: Date): boolean {
  return item.dueDate !== null && item.dueDate < today && !CLOSED_STATUSES.includes(item.status);
}

/** The same rule as a Prisma filter, so that counts run in the database. */
export function overdueWhere(today: Date) {
  return { dueDate: { lt: today }, status: { notIn: [...CLOSED_STATUSES] } };
}
