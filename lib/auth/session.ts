import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { redirect } from "@/lib/i18n/navigation";
import { type Actor, isAdmin, isDeputy, isOffice } from "./permissions";
import { getAuth } from "./server";

export type CurrentUser = Actor & {
  name: string;
  email: string;
  agency: {
    nameZh: string;
    nameEn: string | null;
    shortNameZh: string | null;
    shortNameEn: string | null;
  } | null;
};

/** The signed-in, active user of this request, or null. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userOfSession(await headers()));

/**
 * The active user whose session cookie is among these request headers, or null. Route handlers
 * pass their request's headers; pages and server actions go through getCurrentUser.
 */
export async function userOfSession(requestHeaders: Headers): Promise<CurrentUser | null> {
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      agencyId: true,
      isReviewer: true,
      banned: true,
      agency: { select: { nameZh: true, nameEn: true, shortNameZh: true, shortNameEn: true } },
    },
  });
  // A deactivated user's sessions are revoked; this guards the moment in between.
  if (!user || user.banned) return null;
  const { banned: _banned, ...current } = user;
  return current;
}

/**
 * The signed-in user who is not a deputy; a signed-out visitor is sent to sign in and brought back
 * afterwards, a deputy gets a 404 (as staff do in admin). Deny by default: a page is for deputies
 * only when it calls requireReader instead, and scopes its reads (lib/auth/deputy-scope.ts).
 */
export async function requireUser(locale: string, returnTo: string): Promise<CurrentUser> {
  const user = await requireReader(locale, returnTo);
  if (isDeputy(user)) notFound();
  return user;
}

/**
 * The signed-in user, deputies included: for the pages a deputy may open (DEPUTY_PAGES in
 * lib/auth/deputy-scope.ts), which read only what readableRecommendations and its kin allow, or go
 * through loadProposalPage (its per-proposal check).
 */
export async function requireReader(locale: string, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect({ href: { pathname: "/sign-in", query: { next: returnTo } }, locale });
  return user as CurrentUser;
}

declare const checkedAdmin: unique symbol;
/**
 * An admin whose rights this request has checked. Admin-only reads take one as their first argument,
 * so that a page cannot read admin data before it has checked who asks: in the App Router a layout
 * renders in parallel with its pages and guards none of them.
 */
export type CheckedAdmin = CurrentUser & { readonly [checkedAdmin]: true };

declare const checkedOffice: unique symbol;
/** The office (交办/督办部门) or an admin acting as it, checked by this request: as CheckedAdmin. */
export type CheckedOffice = CurrentUser & { readonly [checkedOffice]: true };

/** The signed-in office or admin; a signed-out visitor is sent to sign in, anyone else gets a 404. */
export async function requireOffice(locale: string, returnTo: string): Promise<CheckedOffice> {
  const user = await requireUser(locale, returnTo);
  if (!isOffice(user)) notFound();
  return user as CheckedOffice;
}

/** The signed-in admin; a signed-out visitor is sent to sign in, anyone else gets a 404. */
export async function requireAdmin(locale: string, returnTo: string): Promise<CheckedAdmin> {
  const user = await requireUser(locale, returnTo);
  if (!isAdmin(user)) notFound();
  return user as CheckedAdmin;
}
