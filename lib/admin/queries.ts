import "server-only";
import type { CheckedAdmin } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { LIST_ORDER } from "@/lib/db/selects";

export function listUsers(_admin: CheckedAdmin) {
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      agencyId: true,
      isReviewer: true,
      banned: true,
      banReason: true,
    },
  });
}

export function listAgencies(_admin: CheckedAdmin) {
  return db.agency.findMany({ orderBy: { code: "asc" } });
}

export function listThemes(_admin: CheckedAdmin) {
  return db.theme.findMany({ orderBy: LIST_ORDER });
}

export function listSatisfactionLevels(_admin: CheckedAdmin) {
  return db.satisfactionLevel.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
}
