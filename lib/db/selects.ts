// Pieces of Prisma queries that many features write alike.

/** An item's agencies as the permission rules read them (lib/auth/permissions.ts). */
export const ASSIGNMENTS = { select: { agencyId: true, role: true } } as const;

/** Themes, recommendations and actions in their list order: as arranged, then by code where equal. */
export const LIST_ORDER = [{ sortOrder: "asc" as const }, { code: "asc" as const }];
