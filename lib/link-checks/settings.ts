// The hosts an admin allows the link checker to reach on private addresses (an intranet's own sites):
// kept in AppSetting under one key, lower-case host names or IP addresses, saved by ./actions.ts.
import type { DbClient } from "@/lib/db/client";

export const ALLOWED_HOSTS_SETTING = "linkChecks.allowedHosts";
export const MAX_ALLOWED_HOSTS = 50;

export async function loadAllowedHosts(db: DbClient): Promise<string[]> {
  const row = await db.appSetting.findUnique({ where: { key: ALLOWED_HOSTS_SETTING } });
  const value = row?.value as unknown;
  return Array.isArray(value) ? value.filter((host): host is string => typeof host === "string") : [];
}
