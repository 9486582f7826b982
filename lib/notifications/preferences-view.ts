// What the preferences page shows: the user's own choices as they apply now (their own, else their
// agency's default, else the group's), and whether e-mail is on at all.
import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { mailSettings } from "./mail-settings";
import { loadPreferences, type Preferences } from "./preferences";

export async function preferencesOf(user: CurrentUser): Promise<Preferences & { mailOn: boolean }> {
  const preferences = (await loadPreferences(db, [user])).get(user.id);
  if (!preferences) throw new Error("no preferences");
  return { ...preferences, mailOn: mailSettings() !== null };
}
