import "server-only";
import { db } from "@/lib/db";

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ role: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true, role: true, agencyId: true, banned: true, banReason: true },
  });
}

export function listAgencies() {
  return db.agency.findMany({ orderBy: { code: "asc" } });
}

export function listThemes() {
  return db.theme.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

export function listSatisfactionLevels() {
  return db.satisfactionLevel.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] });
}
