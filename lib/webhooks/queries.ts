import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";

/** How a bot's address is shown once saved: its host and its last 4 characters, never its key. */
export function shortenWebhookUrl(value: string): string {
  let host = "";
  try {
    host = new URL(value).host;
  } catch {}
  return `${host}/…${value.slice(-4)}`;
}

/**
 * The group bots, the office's first, then by agency and name. Neither the address (its query is the
 * bot's key) nor the secret leaves here: the page gets the address shortened and whether a secret is set.
 */
export async function listWebhooks(_admin: CheckedAdmin) {
  const rows = await db.webhook.findMany({
    orderBy: [{ agency: { code: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      platform: true,
      url: true,
      secret: true,
      agencyId: true,
      agency: { select: { code: true, nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
      active: true,
      quietStart: true,
      quietEnd: true,
    },
  });
  return rows
    .map(({ url, secret, ...row }) => ({
      ...row,
      urlShort: shortenWebhookUrl(url),
      hasSecret: Boolean(secret),
    }))
    .sort((a, b) => Number(a.agencyId !== null) - Number(b.agencyId !== null));
}

/** The agencies a bot may be registered for: the active ones, and any a bot already has. */
export function listWebhookAgencies(_admin: CheckedAdmin) {
  return db.agency.findMany({
    where: { OR: [{ active: true }, { webhooks: { some: {} } }] },
    orderBy: { code: "asc" },
    select: { id: true, code: true, nameZh: true, nameEn: true, active: true },
  });
}
