import "server-only";
import { db } from "@/lib/db";

/** Whether the user follows the item (and is told of its changes). */
export async function isFollowing(
  userId: string,
  itemType: "proposal" | "recommendation" | "action",
  itemId: string,
) {
  return (await db.follow.count({ where: { userId, itemType, itemId } })) > 0;
}

/** Which of the items the user follows. */
export async function followedAmong(
  userId: string,
  itemType: "proposal" | "recommendation" | "action",
  itemIds: string[],
): Promise<string[]> {
  const rows = await db.follow.findMany({
    where: { userId, itemType, itemId: { in: itemIds } },
    select: { itemId: true },
  });
  return rows.map((row) => row.itemId);
}
