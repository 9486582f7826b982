import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";

export function listUsers(_admin: CheckedAdmin) {
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true, agencyId: true, banned: true, banReason: true },
  });
}

export function listAgencies(_admin: CheckedAdmin) {
  return db.agency.findMany({ orderBy: { code: "asc" } });
}

export function listThemes(_admin: CheckedAdmin) {
  return db.theme.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

export function listSatisfactionLevels(_admin: CheckedAdmin) {
  return db.satisfactionLevel.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
}
