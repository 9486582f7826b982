import { revalidatePath } from "next/cache";

/**
 * After a write: every page of the app, in every locale, renders afresh on its next request (each
 * write can show on the dashboard, the lists, the item's pages and the public pages).
 */
export function revalidateApp(): void {
  revalidatePath("/[locale]", "layout");
}
