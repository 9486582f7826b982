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
