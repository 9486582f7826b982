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

/** The most recent audit events, newest first. */
export function listAuditEvents(_admin: CheckedAdmin, limit = 200) {
  return db.auditEvent.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
}
